//! The crash-recovery copy: unsaved work autosaved to the data folder, offered at the
//! next start, removed after a clean save or exit. Unlike the recent list, a damaged
//! copy is reported (the user may want to know their work could not be recovered).

use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::{FORMAT_VERSION, Workspace, WorkspaceError, app_file, ron_text, serde_paths};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    pub workspace: Workspace,
    /// The workspace file the work belongs to, None if it was never saved.
    #[serde(serialize_with = "serde_paths::lossy_option")]
    pub workspace_file: Option<PathBuf>,
    /// When the copy was written, in seconds since 1970 (UTC).
    pub saved_at_unix: u64,
}

impl Recovery {
    /// A recovery copy of `workspace` stamped with the current time.
    pub fn now(workspace: Workspace, workspace_file: Option<PathBuf>) -> Recovery {
        let saved_at_unix = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs());
        Recovery {
            workspace,
            workspace_file,
            saved_at_unix,
        }
    }
}

/// Only the inner workspace's version, checked before the rest (see [`crate::workspace::parse`]).
#[derive(Deserialize)]
struct RecoveryProbe {
    #[serde(default)]
    workspace: VersionOnly,
}

#[derive(Deserialize, Default)]
struct VersionOnly {
    #[serde(default)]
    format_version: u32,
}

/// Writes the recovery copy atomically.
pub fn write_recovery(file: &Path, recovery: &Recovery) -> Result<(), WorkspaceError> {
    let mut recovery = recovery.clone();
    recovery.workspace.format_version = FORMAT_VERSION;
    app_file::save(file, &recovery)
}

/// The recovery copy if one exists and parses (a corrupt one is reported as Err, not deleted).
pub fn read_recovery(file: &Path) -> Result<Option<Recovery>, WorkspaceError> {
    let Some(text) = app_file::read_text(file)? else {
        return Ok(None);
    };
    let probe: RecoveryProbe = ron_text::parse_ron(&text, file)?;
    ron_text::check_version(probe.workspace.format_version, FORMAT_VERSION, file)?;
    ron_text::parse_ron(&text, file).map(Some)
}

/// Called after a clean save or a clean exit.
pub fn clear_recovery(file: &Path) -> Result<(), WorkspaceError> {
    match std::fs::remove_file(file) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => Err(WorkspaceError::Write {
            path: file.to_path_buf(),
            source: error,
        }),
        _ => Ok(()),
    }
}
