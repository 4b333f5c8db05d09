//! The documents and problems an ingest produces.

use std::time::SystemTime;

/// Index of a document in the corpus' document list, stable for one ingest.
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
}

impl Document {
    /// The folder part of `rel_path` ("" for files at the top of the corpus).
    pub fn folder(&self) -> &str {
        self.rel_path.rsplit_once('/').map_or("", |(dir, _)| dir)
    }
}

/// A file that was skipped, with a reason a reporter can understand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Path relative to the corpus folder, with '/' separators.
    pub rel_path: String,
    pub reason: String,
}
