//! The Recent list on the welcome screen and in the File menu: folders and workspaces
//! opened lately, newest first. A missing or damaged file gives an empty list.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{WorkspaceError, app_file, serde_paths};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RecentKind {
    Folder,
    Workspace,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecentEntry {
    #[serde(serialize_with = "serde_paths::lossy")]
    pub path: PathBuf,
    pub kind: RecentKind,
}

impl RecentEntry {
    /// Whether the folder or file is still there (the GUI greys out missing entries).
    pub fn exists(&self) -> bool {
        match self.kind {
            RecentKind::Folder => self.path.is_dir(),
            RecentKind::Workspace => self.path.is_file(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecentList {
    /// Newest first, one entry per path, at most [`RecentList::MAX`].
    pub entries: Vec<RecentEntry>,
}

impl RecentList {
    pub const MAX: usize = 12;

    /// The saved list; empty when the file is missing, unreadable or corrupt.
    /// A hand-edited list is cleaned up (duplicates dropped, capped at MAX).
    pub fn load(file: &Path) -> RecentList {
        let saved: RecentList = app_file::load(file).ok().flatten().unwrap_or_default();
        let mut list = RecentList::default();
        for entry in saved.entries.into_iter().rev() {
            list.add(&entry.path, entry.kind);
        }
        list
    }

    /// Saves atomically, creating the config folder if needed.
    pub fn save(&self, file: &Path) -> Result<(), WorkspaceError> {
        app_file::save(file, self)
    }

    /// Puts `path` at the front, dropping any older entry for the same path.
    pub fn add(&mut self, path: &Path, kind: RecentKind) {
        self.remove(path);
        self.entries.insert(
            0,
            RecentEntry {
                path: path.to_path_buf(),
                kind,
            },
        );
        self.entries.truncate(Self::MAX);
    }

    pub fn remove(&mut self, path: &Path) {
        self.entries.retain(|entry| entry.path != path);
    }
}
