//! Saving and loading the app's own small RON files (recent list, preferences,
//! recovery), which live in folders the app may have to create first.

use std::fs;
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{WorkspaceError, atomic, ron_text, to_ron_checked};

/// Creates the app folder if needed, then saves atomically.
pub(crate) fn save<T: Serialize>(file: &Path, value: &T) -> Result<(), WorkspaceError> {
    let write_error = |source| WorkspaceError::Write {
        path: file.to_path_buf(),
        source,
    };
    fs::create_dir_all(atomic::parent_folder(file)).map_err(write_error)?;
    let text = to_ron_checked(value).map_err(|e| write_error(std::io::Error::other(e)))?;
    atomic::write_atomic(file, text.as_bytes())
}

/// The file's content, None if it does not exist, an error if it cannot be read or parsed.
pub(crate) fn load<T: DeserializeOwned>(file: &Path) -> Result<Option<T>, WorkspaceError> {
    match read_text(file)? {
        Some(text) => ron_text::parse_ron(&text, file).map(Some),
        None => Ok(None),
    }
}

/// The file's text, None if it does not exist.
pub(crate) fn read_text(file: &Path) -> Result<Option<String>, WorkspaceError> {
    match fs::read(file) {
        Ok(bytes) => ron_text::text_from_bytes(bytes, file).map(Some),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(WorkspaceError::Read {
            path: file.to_path_buf(),
            source,
        }),
    }
}
