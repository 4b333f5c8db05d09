//! Writing paths that are not valid UTF-8. RON stores text, so such a path is written
//! with replacement characters instead of failing the whole save; on load it simply
//! will not resolve and the user is asked to locate the folder.

use std::path::{Path, PathBuf};

use serde::Serializer;

pub(crate) fn lossy<S: Serializer>(path: &Path, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&path.to_string_lossy())
}

pub(crate) fn lossy_option<S: Serializer>(
    path: &Option<PathBuf>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match path {
        Some(path) => serializer.serialize_some(&path.to_string_lossy()),
        None => serializer.serialize_none(),
    }
}
