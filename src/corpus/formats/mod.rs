//! Readers for real-world document formats (PDF, DOCX, ODT, EML, RTF).
//!
//! Each reader is a pure function from the file's bytes to its readable text and
//! metadata. Readers never panic on bad input: damaged, encrypted or unsupported
//! files come back as a [`FormatError`] whose message a reporter understands.

mod date;
mod docx;
mod eml;
mod odt;
mod pdf;
mod pdf_text;
mod rtf;
mod text;
mod xml;
mod zip_part;

pub use docx::read_docx;
pub use eml::read_eml;
pub use odt::read_odt;
pub use pdf::read_pdf;
pub use rtf::read_rtf;

use std::panic::{AssertUnwindSafe, catch_unwind};

/// Largest input a reader accepts; the ingest normally stops far earlier.
pub const MAX_INPUT_BYTES: usize = 512 * 1024 * 1024;

/// Largest total of unpacked bytes read from one archive (DOCX, ODT), so a
/// "zip bomb" cannot exhaust memory.
pub const MAX_UNPACKED_BYTES: u64 = 200 * 1024 * 1024;

/// What a reader extracts from one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// Readable text, paragraphs separated by a blank line.
    pub text: String,
    /// The document's own title (metadata, or first heading / subject).
    pub title: Option<String>,
    /// Labelled metadata in a stable order: ("Author", …), ("Created", "2019-03-04"), …
    pub metadata: Vec<(String, String)>,
    /// The document's own date as ISO "YYYY-MM-DD".
    pub date: Option<String>,
    /// E-mail attachments of supported types, to be read as child documents.
    pub attachments: Vec<Attachment>,
}

impl Extracted {
    /// The value of the first metadata entry with this label.
    pub fn meta(&self, label: &str) -> Option<&str> {
        self.metadata
            .iter()
            .find(|(key, _)| key == label)
            .map(|(_, value)| value.as_str())
    }

    /// Adds a metadata entry, skipping empty values.
    fn push_meta(&mut self, label: &str, value: impl Into<String>) {
        let value = text::collapse_spaces(&value.into());
        if !value.is_empty() {
            self.metadata.push((label.to_owned(), value));
        }
    }
}

/// A file carried inside another one (an e-mail attachment).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// Why a file could not be read, in words a reporter understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is not a valid {0} document")]
    NotThisFormat(&'static str),
    #[error("the file is damaged or truncated ({0})")]
    Damaged(String),
    #[error("the PDF is password-protected")]
    PasswordProtected,
    #[error("the document is encrypted")]
    Encrypted,
    #[error("the PDF has no text layer — OCR is not supported yet")]
    NoTextLayer,
    #[error("the file is too large to read (over {limit_mb} MB{what})")]
    TooLarge { limit_mb: u64, what: &'static str },
}

impl FormatError {
    fn damaged(detail: impl std::fmt::Display) -> Self {
        Self::Damaged(detail.to_string())
    }
}

/// File extensions (lowercase, without the dot) that [`read_by_extension`] reads.
pub const SUPPORTED_EXTENSIONS: [&str; 5] = ["pdf", "docx", "odt", "eml", "rtf"];

/// Reads a file with the reader for its lowercase extension ("pdf", "docx", "odt",
/// "eml", "rtf"); `None` when no reader here handles that extension.
pub fn read_by_extension(ext: &str, bytes: &[u8]) -> Option<Result<Extracted, FormatError>> {
    let reader: fn(&[u8]) -> Result<Extracted, FormatError> = match ext {
        "pdf" => read_pdf,
        "docx" => read_docx,
        "odt" => read_odt,
        "eml" => read_eml,
        "rtf" => read_rtf,
        _ => return None,
    };
    Some(reader(bytes))
}

/// Runs a reader with the checks every format shares: empty and oversized input,
/// and a panic inside a parsing crate turned into a "damaged" error.
fn guarded(
    bytes: &[u8],
    read: impl FnOnce(&[u8]) -> Result<Extracted, FormatError>,
) -> Result<Extracted, FormatError> {
    if bytes.is_empty() {
        return Err(FormatError::Empty);
    }
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(FormatError::TooLarge {
            limit_mb: (MAX_INPUT_BYTES / (1024 * 1024)) as u64,
            what: "",
        });
    }
    // The closure only reads `bytes`; nothing it touches outlives a panic.
    match catch_unwind(AssertUnwindSafe(|| read(bytes))) {
        Ok(result) => result.map(finish),
        Err(_) => Err(FormatError::damaged(
            "the reader stopped on malformed content",
        )),
    }
}

/// Final tidy-up shared by all readers: normalised paragraphs and a clean title.
fn finish(mut extracted: Extracted) -> Extracted {
    extracted.text = text::normalize_paragraphs(&extracted.text);
    extracted.title = extracted
        .title
        .map(|title| text::collapse_spaces(&title))
        .filter(|title| !title.is_empty());
    extracted
}
