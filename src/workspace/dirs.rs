//! Where the app keeps its own files: the platform config and data folders,
//! never inside a corpus folder.

use std::path::{Path, PathBuf};

/// Overrides the platform folders (config = `$X/config`, data = `$X/data`); for tests.
pub const HOME_ENV_VAR: &str = "CORPUS_EXPLORER_HOME";

/// The app's config folder (recent list, preferences) and data folder (recovery copy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppDirs {
    pub config: PathBuf,
    pub data: PathBuf,
}

impl AppDirs {
    /// Platform folders from `directories::ProjectDirs`, or `$CORPUS_EXPLORER_HOME`
    /// when that is set. None when the system has no home folder to put them in.
    pub fn new() -> Option<AppDirs> {
        if let Some(root) = std::env::var_os(HOME_ENV_VAR).filter(|root| !root.is_empty()) {
            return Some(AppDirs::at(Path::new(&root)));
        }
        let project = directories::ProjectDirs::from("org", "CorpusExplorer", "corpus-explorer")?;
        Some(AppDirs {
            config: project.config_dir().to_path_buf(),
            data: project.data_dir().to_path_buf(),
        })
    }

    /// Both folders under `root`.
    pub fn at(root: &Path) -> AppDirs {
        AppDirs {
            config: root.join("config"),
            data: root.join("data"),
        }
    }

    pub fn recent_file(&self) -> PathBuf {
        self.config.join("recent.ron")
    }

    pub fn preferences_file(&self) -> PathBuf {
        self.config.join("preferences.ron")
    }

    pub fn recovery_file(&self) -> PathBuf {
        self.data.join("recovery.ron")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_sit_in_their_folders() {
        let dirs = AppDirs::at(Path::new("/r"));
        assert_eq!(dirs.recent_file(), Path::new("/r/config/recent.ron"));
        assert_eq!(
            dirs.preferences_file(),
            Path::new("/r/config/preferences.ron")
        );
        assert_eq!(dirs.recovery_file(), Path::new("/r/data/recovery.ron"));
    }
}
