//! Errors of the corpus reader, worded for a reporter rather than a programmer.

use std::io;
use std::path::PathBuf;

use super::{Problem, ProblemKind};

/// The corpus folder itself cannot be read, so there is nothing to ingest.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("the folder '{}' does not exist", .0.display())]
    FolderMissing(PathBuf),
    #[error("'{}' is a file, not a folder", .0.display())]
    NotAFolder(PathBuf),
    #[error("could not open the folder '{}': {}", .path.display(), describe_io(.source))]
    FolderUnreadable {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// Why one file was skipped. The message is what the Problems view shows.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("looks like a binary file, not text")]
    Binary,
    #[error("the file is empty")]
    Empty,
    #[error("the file contains no readable text")]
    NoText,
    #[error("the text is in a character encoding the app does not recognise")]
    Undecodable,
    #[error(
        "the file is larger than the {} limit set in Preferences (it is {})",
        human_size(*.limit),
        human_size(*.size)
    )]
    TooLarge { size: u64, limit: u64 },
    #[error("you do not have permission to read this file")]
    PermissionDenied,
    #[error("the file disappeared while the folder was being read")]
    Vanished,
    #[error("the file kept changing while it was being read")]
    Changing,
    #[error("the link points to a file that does not exist")]
    BrokenLink,
    #[error("could not read the file: {}", describe_io(.0))]
    Unreadable(io::Error),
    #[error("could not open the folder: {}", describe_io(.0))]
    FolderUnreadable(io::Error),
    #[error("{0}")]
    Document(#[from] super::formats::FormatError),
}

impl FileError {
    /// Sorts an I/O error on a file into the cases a user can act on.
    pub fn from_io(err: io::Error) -> Self {
        match err.kind() {
            io::ErrorKind::NotFound => FileError::Vanished,
            io::ErrorKind::PermissionDenied => FileError::PermissionDenied,
            _ => FileError::Unreadable(err),
        }
    }

    pub fn kind(&self) -> ProblemKind {
        match self {
            FileError::Binary => ProblemKind::Binary,
            FileError::Empty | FileError::NoText => ProblemKind::Empty,
            FileError::Undecodable => ProblemKind::Undecodable,
            FileError::TooLarge { .. } => ProblemKind::TooLarge,
            FileError::PermissionDenied => ProblemKind::PermissionDenied,
            FileError::Vanished => ProblemKind::Vanished,
            FileError::BrokenLink => ProblemKind::BrokenLink,
            FileError::Unreadable(_) | FileError::Changing => ProblemKind::Unreadable,
            FileError::FolderUnreadable(_) => ProblemKind::FolderUnreadable,
            FileError::Document(_) => ProblemKind::Document,
        }
    }
}

impl Problem {
    /// The problem entry for a file skipped because of `err`.
    pub fn new(rel_path: &str, err: &FileError, bytes: Option<u64>) -> Self {
        Problem {
            rel_path: rel_path.to_string(),
            reason: err.to_string(),
            kind: err.kind(),
            bytes,
        }
    }
}

/// An I/O error in words, without the "(os error 13)" suffix.
fn describe_io(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::NotFound => "it no longer exists".to_string(),
        _ => {
            let text = err.to_string();
            match text.find(" (os error") {
                Some(cut) => text[..cut].to_string(),
                None => text,
            }
        }
    }
}

/// A byte count the way people read it: "50 MB", "1.5 MB", "700 KB", "12 bytes".
pub fn human_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * KB;
    const GB: u64 = 1024 * MB;
    let scaled = |unit: u64, name: &str| {
        if bytes.is_multiple_of(unit) {
            format!("{} {name}", bytes / unit)
        } else {
            format!("{:.1} {name}", bytes as f64 / unit as f64)
        }
    };
    match bytes {
        b if b >= GB => scaled(GB, "GB"),
        b if b >= MB => scaled(MB, "MB"),
        b if b >= KB => scaled(KB, "KB"),
        1 => "1 byte".to_string(),
        b => format!("{b} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(human_size(50 * 1024 * 1024), "50 MB");
        assert_eq!(human_size(1536 * 1024), "1.5 MB");
        assert_eq!(human_size(2048), "2 KB");
        assert_eq!(human_size(12), "12 bytes");
        assert_eq!(human_size(3 << 30), "3 GB");
    }

    #[test]
    fn too_large_names_the_limit() {
        let err = FileError::TooLarge {
            size: 60 * 1024 * 1024,
            limit: 50 * 1024 * 1024,
        };
        assert_eq!(
            err.to_string(),
            "the file is larger than the 50 MB limit set in Preferences (it is 60 MB)"
        );
    }

    #[test]
    fn io_errors_are_sorted_by_cause() {
        let gone = FileError::from_io(io::Error::from(io::ErrorKind::NotFound));
        assert_eq!(gone.kind(), ProblemKind::Vanished);
        let denied = FileError::from_io(io::Error::from(io::ErrorKind::PermissionDenied));
        assert_eq!(
            denied.to_string(),
            "you do not have permission to read this file"
        );
    }
}
