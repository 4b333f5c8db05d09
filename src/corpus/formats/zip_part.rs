//! Reading named XML parts out of a zip-based document (DOCX, ODT) with a cap on
//! the unpacked size, so a small "zip bomb" cannot exhaust memory.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::{FormatError, MAX_UNPACKED_BYTES};

/// Start of an OLE compound file: how Office stores a password-protected DOCX.
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// An opened zip-based document and the unpacked bytes it may still read.
pub struct ZipDocument<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    budget: u64,
}

impl<'a> ZipDocument<'a> {
    /// Opens the archive; `kind` names the format in error messages ("Word (.docx)").
    pub fn open(bytes: &'a [u8], kind: &'static str) -> Result<Self, FormatError> {
        if bytes.starts_with(&OLE_MAGIC) {
            return Err(FormatError::Encrypted);
        }
        if !bytes.starts_with(b"PK") {
            return Err(FormatError::NotThisFormat(kind));
        }
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
        Ok(Self {
            archive,
            budget: MAX_UNPACKED_BYTES,
        })
    }

    /// The text of the part `name`, or `None` when the archive has no such part.
    pub fn part(&mut self, name: &str) -> Result<Option<String>, FormatError> {
        let entry = match self.archive.by_name(name) {
            Ok(entry) => entry,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(err) => return Err(zip_error(err)),
        };
        if entry.encrypted() {
            return Err(FormatError::Encrypted);
        }
        // Read one byte past the budget to tell "exactly at the limit" from "over it".
        let mut data = Vec::new();
        entry
            .take(self.budget + 1)
            .read_to_end(&mut data)
            .map_err(|err| FormatError::damaged(format!("{name}: {err}")))?;
        let read = data.len() as u64;
        if read > self.budget {
            return Err(FormatError::TooLarge {
                limit_mb: MAX_UNPACKED_BYTES / (1024 * 1024),
                what: " when unpacked",
            });
        }
        self.budget -= read;
        String::from_utf8(data)
            .map(Some)
            .map_err(|_| FormatError::damaged(format!("{name} is not valid UTF-8 text")))
    }

    /// Like [`Self::part`], but a missing part is damage.
    pub fn required_part(&mut self, name: &str) -> Result<String, FormatError> {
        self.part(name)?
            .ok_or_else(|| FormatError::damaged(format!("the part {name} is missing")))
    }
}

fn zip_error(err: ZipError) -> FormatError {
    match err {
        ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED) | ZipError::InvalidPassword => {
            FormatError::Encrypted
        }
        ZipError::InvalidArchive(detail) => {
            FormatError::damaged(format!("broken zip archive: {detail}"))
        }
        other => FormatError::damaged(other),
    }
}
