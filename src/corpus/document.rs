//! The documents and problems an ingest produces.

use std::time::SystemTime;

/// Index of a document in the corpus' document list. Ingest emits documents
/// sorted by `rel_path`, so the same folder always gives the same ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocId(pub u32);

/// File formats the reader understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    PlainText,
    Markdown,
    Html,
}

impl Format {
    /// The format for a file name's extension, if we read it.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::PlainText),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// What a file says about itself, beyond its text: HTML `<meta>` tags,
/// Markdown front matter, and later e-mail headers or PDF properties.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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
#[derive(Debug, Clone)]
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
    /// The decoded, readable text (HTML already turned into text).
    pub text: String,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
}

/// A file (or folder) that was skipped, with a reason a reporter can understand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Path relative to the corpus folder, with '/' separators.
    pub rel_path: String,
    pub reason: String,
    pub kind: ProblemKind,
    /// Size of the file on disk, when it could be read.
    pub bytes: Option<u64>,
}
