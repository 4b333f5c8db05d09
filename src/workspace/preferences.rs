//! App-wide preferences, kept in the config folder. A missing or damaged file gives
//! the defaults: preferences must never stop the app from starting.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{WorkspaceError, app_file};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// Files larger than this many megabytes are skipped during ingest.
    pub max_file_mb: u64,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences { max_file_mb: 50 }
    }
}

impl Preferences {
    /// The saved preferences; defaults when the file is missing, unreadable or corrupt.
    pub fn load(file: &Path) -> Preferences {
        app_file::load(file).ok().flatten().unwrap_or_default()
    }

    /// Saves atomically, creating the config folder if needed.
    pub fn save(&self, file: &Path) -> Result<(), WorkspaceError> {
        app_file::save(file, self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_corrupt_file_gives_defaults() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("config/preferences.ron");
        assert_eq!(Preferences::load(&file), Preferences::default());
        let prefs = Preferences { max_file_mb: 7 };
        prefs.save(&file).expect("save");
        assert_eq!(Preferences::load(&file), prefs);
        std::fs::write(&file, "(max_file_mb: \"lots\"").expect("write");
        assert_eq!(Preferences::load(&file), Preferences::default());
    }
}
