//! The one error type of the workspace module, worded for the person using the app.

use std::path::PathBuf;

/// Why a workspace, recent list, preference or recovery file could not be read or saved.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error("Could not read '{path}': {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("Could not save '{path}': {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("'{path}' is not a valid workspace: line {line}, column {column}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "'{path}' was saved by a newer version of Corpus Explorer (workspace format {found}; this version reads up to {supported}). Update the app to open it."
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
}
