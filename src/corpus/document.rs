//! The documents and problems an ingest produces.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use std::time::SystemTime;

/// Index of a document in the corpus' document list. Ingest emits documents
/// sorted by `rel_path`, so the same folder always gives the same ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocId(pub u32);

/// File formats the reader understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Format {
    PlainText,
    Markdown,
    Html,
    Pdf,
    Docx,
    Odt,
    Email,
    Rtf,
}

impl Format {
    /// The format for a file name's extension, if we read it.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::PlainText),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "pdf" => Some(Format::Pdf),
            "docx" => Some(Format::Docx),
            "odt" => Some(Format::Odt),
            "eml" => Some(Format::Email),
            "rtf" => Some(Format::Rtf),
            _ => None,
        }
    }

    /// A short name for the reading pane and exports.
    pub fn label(self) -> &'static str {
        match self {
            Format::PlainText => "Text",
            Format::Markdown => "Markdown",
            Format::Html => "Web page",
            Format::Pdf => "PDF",
            Format::Docx => "Word document",
            Format::Odt => "OpenDocument text",
            Format::Email => "E-mail",
            Format::Rtf => "Rich text",
        }
    }
}

/// What a file says about itself, beyond its text: HTML `<meta>` tags,
/// Markdown front matter, and later e-mail headers or PDF properties.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    pub author: Option<String>,
    /// The document's own date, as written in the file (not parsed).
    pub date: Option<String>,
    pub subject: Option<String>,
    /// Further named fields in the order the file gives them,
    /// e.g. `("description", "…")`.
    pub other: Vec<(String, String)>,
}

impl Metadata {
    pub fn is_empty(&self) -> bool {
        self.author.is_none()
            && self.date.is_none()
            && self.subject.is_none()
            && self.other.is_empty()
    }
}

/// One readable document of the corpus, with its decoded text.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    /// Path relative to the corpus folder, with '/' separators.
    pub rel_path: String,
    pub title: String,
    /// Size of the file on disk.
    pub bytes: u64,
    pub words: usize,
    /// Name of the detected encoding, e.g. "UTF-8", "windows-1252".
    pub encoding: String,
    pub modified: Option<SystemTime>,
    pub format: Format,
    /// The decoded, readable text (HTML already turned into text). Shared, so the
    /// extraction job can read it while the list shows the document.
    pub text: Arc<str>,
    pub metadata: Metadata,
}

impl Document {
    /// The folder part of `rel_path` ("" for files at the top of the corpus).
    pub fn folder(&self) -> &str {
        self.rel_path.rsplit_once('/').map_or("", |(dir, _)| dir)
    }
}

/// Puts documents in the canonical order (by `rel_path`), the order ingest
/// emits them in, so that a document's index is its stable [`DocId`].
pub fn sort_documents(docs: &mut [Document]) {
    docs.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
}

/// Why a file was skipped, for filtering and tests; `Problem::reason` is
/// the sentence shown to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProblemKind {
    Binary,
    Empty,
    Undecodable,
    TooLarge,
    PermissionDenied,
    Vanished,
    BrokenLink,
    Unreadable,
    FolderUnreadable,
    /// A PDF, Word, OpenDocument, e-mail or RTF file that could not be read.
    Document,
}

/// A file (or folder) that was skipped, with a reason a reporter can understand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Path relative to the corpus folder, with '/' separators.
    pub rel_path: String,
    pub reason: String,
    pub kind: ProblemKind,
    /// Size of the file on disk, when it could be read.
    pub bytes: Option<u64>,
}
