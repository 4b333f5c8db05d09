//! Reading one file into a [`Document`]: the size limit, decoding, and the
//! per-format conversion to text, title and metadata. New formats (PDF,
//! DOCX, …) add an arm to [`extract`] that turns bytes into [`Extracted`].

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};

use super::decode::{declared_html_charset, decode};
use super::error::FileError;
use super::html::html_to_text;
use super::markdown::{first_plain_line, read_markdown};
use super::text::{clean_title, count_words, file_name_title, first_line};
use super::{Document, Format, Metadata, Problem, formats};

/// What a format reader gets out of a file's bytes.
#[derive(Debug)]
pub struct Extracted {
    pub text: String,
    /// The title the format itself gives, if any.
    pub title: Option<String>,
    pub encoding: &'static str,
    pub metadata: Metadata,
    /// Files inside this one (an e-mail's attachments) to read as documents of their own.
    pub attachments: Vec<formats::Attachment>,
}

/// What one file gave: its document, then the documents attached to it (an e-mail's
/// readable attachments, each after its parent), and why any attachment was skipped.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct FileDocuments {
    pub documents: Vec<Document>,
    pub problems: Vec<Problem>,
}

/// How deep attachments are followed (an e-mail forwarded as an attachment of an
/// e-mail is read; a chain deeper than this is not).
const MAX_NESTING: usize = 3;

/// Times a file that changes while it is read is read again.
const READ_ATTEMPTS: usize = 3;

/// Files opened for their contents since the program started: lets tests check that
/// a reopened corpus came from the cache.
static FILES_READ: AtomicUsize = AtomicUsize::new(0);

pub fn files_read() -> usize {
    FILES_READ.load(Ordering::Relaxed)
}

/// Reads the file at `path`: its document first, then its attachments' documents,
/// named `<rel_path>/<attachment name>`. Fails only when the file itself cannot be
/// read; an attachment that cannot be is listed in `problems`.
pub fn read_file(
    path: &Path,
    rel_path: &str,
    format: Format,
    max_bytes: u64,
) -> Result<FileDocuments, FileError> {
    FILES_READ.fetch_add(1, Ordering::Relaxed);
    let (bytes, meta) = read_limited(path, max_bytes)?;
    let mut read = FileDocuments::default();
    add_document(&mut read, rel_path, format, bytes, meta.modified().ok(), 0)?;
    Ok(read)
}

/// Makes a document of `bytes` and adds it, then its attachments, to `read`.
fn add_document(
    read: &mut FileDocuments,
    rel_path: &str,
    format: Format,
    bytes: Vec<u8>,
    modified: Option<std::time::SystemTime>,
    depth: usize,
) -> Result<(), FileError> {
    let size = bytes.len() as u64;
    let extracted = extract(format, bytes)?;
    if extracted.text.trim().is_empty() {
        return Err(FileError::NoText);
    }
    let title = extracted
        .title
        .or_else(|| first_line(&extracted.text))
        .unwrap_or_else(|| file_name_title(rel_path));
    let mut metadata = extracted.metadata;
    // An attachment without a date of its own is dated by the mail that carried it.
    if metadata.date.is_none()
        && let Some(parent) = read.documents.first().filter(|_| depth > 0)
    {
        metadata.date.clone_from(&parent.metadata.date);
    }
    read.documents.push(Document {
        rel_path: rel_path.to_string(),
        title,
        bytes: size,
        words: count_words(&extracted.text),
        encoding: extracted.encoding.to_string(),
        modified,
        format,
        text: extracted.text.into(),
        metadata,
    });
    if depth >= MAX_NESTING {
        return Ok(());
    }
    for attachment in extracted.attachments {
        let child = format!("{rel_path}/{}", attachment.file_name);
        let ext = attachment.file_name.rsplit_once('.').map_or("", |(_, e)| e);
        let Some(child_format) = Format::from_extension(ext) else {
            continue;
        };
        let size = attachment.bytes.len() as u64;
        if let Err(err) = add_document(
            read,
            &child,
            child_format,
            attachment.bytes,
            modified,
            depth + 1,
        ) {
            read.problems.push(Problem::new(&child, &err, Some(size)));
        }
    }
    Ok(())
}

/// Turns the bytes of a file of `format` into text.
pub fn extract(format: Format, bytes: Vec<u8>) -> Result<Extracted, FileError> {
    match format {
        Format::PlainText => {
            let decoded = decode(bytes, None)?;
            Ok(Extracted {
                text: decoded.text,
                title: None,
                encoding: decoded.encoding.name(),
                metadata: Metadata::default(),
                attachments: Vec::new(),
            })
        }
        Format::Markdown => {
            let decoded = decode(bytes, None)?;
            let info = read_markdown(&decoded.text);
            let title = info.title.or_else(|| first_plain_line(&decoded.text));
            Ok(Extracted {
                text: decoded.text,
                title,
                encoding: decoded.encoding.name(),
                metadata: info.metadata,
                attachments: Vec::new(),
            })
        }
        Format::Pdf => from_document(formats::read_pdf(&bytes)?),
        Format::Docx => from_document(formats::read_docx(&bytes)?),
        Format::Odt => from_document(formats::read_odt(&bytes)?),
        Format::Email => from_document(formats::read_eml(&bytes)?),
        Format::Rtf => from_document(formats::read_rtf(&bytes)?),
        Format::Html => {
            let declared = declared_html_charset(&bytes);
            let decoded = decode(bytes, declared)?;
            let page = html_to_text(&decoded.text);
            let title = page
                .title
                .as_deref()
                .or(page.first_h1.as_deref())
                .and_then(clean_title);
            Ok(Extracted {
                text: page.text,
                title,
                encoding: decoded.encoding.name(),
                metadata: page.metadata,
                attachments: Vec::new(),
            })
        }
    }
}

/// A PDF, DOCX, ODT, e-mail or RTF file: the reader gives text and named
/// fields; the document's own date becomes the metadata date.
fn from_document(doc: formats::Extracted) -> Result<Extracted, FileError> {
    let mut metadata = Metadata {
        date: doc.date.clone(),
        ..Metadata::default()
    };
    for (label, value) in doc.metadata {
        match label.as_str() {
            "Author" | "From" if metadata.author.is_none() => metadata.author = Some(value),
            "Subject" if metadata.subject.is_none() => metadata.subject = Some(value),
            _ => metadata.other.push((label, value)),
        }
    }
    Ok(Extracted {
        text: doc.text,
        title: doc.title.as_deref().and_then(clean_title),
        encoding: "UTF-8",
        metadata,
        attachments: doc.attachments,
    })
}

/// Reads a whole file, refusing it when it is over `max_bytes` — both by the
/// size on disk, before reading, and by what is read, in case it grew.
fn read_limited(path: &Path, max_bytes: u64) -> Result<(Vec<u8>, std::fs::Metadata), FileError> {
    let mut file = File::open(path).map_err(FileError::from_io)?;
    let too_large = |size| FileError::TooLarge {
        size,
        limit: max_bytes,
    };
    // A file written to while it is read gives a text that never existed: read it
    // again, and give up on a file that will not hold still.
    for _ in 0..READ_ATTEMPTS {
        let meta = file.metadata().map_err(FileError::from_io)?;
        if meta.len() > max_bytes {
            return Err(too_large(meta.len()));
        }
        let capacity = usize::try_from(meta.len()).unwrap_or(0).saturating_add(1);
        let mut bytes = Vec::with_capacity(capacity);
        file.seek(SeekFrom::Start(0)).map_err(FileError::from_io)?;
        (&mut file)
            .take(max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(FileError::from_io)?;
        if bytes.len() as u64 > max_bytes {
            return Err(too_large(bytes.len() as u64));
        }
        let after = file.metadata().map_err(FileError::from_io)?;
        let held_still = after.len() == meta.len() && after.modified().ok() == meta.modified().ok();
        if held_still {
            return Ok((bytes, meta));
        }
    }
    Err(FileError::Changing)
}
