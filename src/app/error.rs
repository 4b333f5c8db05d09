//! What can go wrong in the window, typed, worded for the person using the app. The core's
//! own errors are kept as they are (as sources); the app shows each once, as a notice.

use std::path::PathBuf;

use crate::corpus::CorpusError;
use crate::extract::gazetteer::GazetteerError;
use crate::workspace::WorkspaceError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A background thread could not start; `what` says what could not be done.
    #[error("{what}: {source}")]
    Thread {
        what: &'static str,
        #[source]
        source: std::io::Error,
    },
    /// A workspace, Recent list or recovery file could not be read or written.
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
    #[error("Could not open the folder {}: {source}", .folder.display())]
    Folder {
        folder: PathBuf,
        #[source]
        source: CorpusError,
    },
    #[error("Could not open the folder {}: the reading stopped unexpectedly", .0.display())]
    ReadingStopped(PathBuf),
    #[error("People, places and dates could not be found in these documents: {0}")]
    Extraction(String),
    #[error("Could not read the gazetteer: {0}")]
    Gazetteer(&'static GazetteerError),
    /// An export could not be made (its file was left as it was).
    #[error("Could not export {what}: {source}")]
    Export {
        what: &'static str,
        #[source]
        source: std::io::Error,
    },
}
