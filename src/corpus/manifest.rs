//! The folder as a reading found it: every file with the size and date it had when it
//! was read, and the folders and links that could not be used. Checking a folder
//! against it later tells which files were added, changed or removed since, with one
//! walk and one look at each file's size and date: no file is opened.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::SystemTime;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::error::CorpusError;
use super::walk::walk;
use super::{Problem, ProblemKind};

/// One file and what it looked like when it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    /// Relative to the corpus folder, '/' separators.
    pub rel_path: String,
    pub bytes: Option<u64>,
    pub modified: Option<SystemTime>,
    /// For files that could not be read: when their permissions or owner last changed
    /// (a fixed permission changes neither size nor date). Seconds and nanoseconds.
    pub status_changed: Option<(i64, i64)>,
}

impl FileStamp {
    /// The file's size, date and status change as they are now (none when it cannot be
    /// looked at).
    pub fn of(path: &Path, rel_path: &str) -> FileStamp {
        let meta = std::fs::metadata(path).ok();
        FileStamp {
            rel_path: rel_path.to_owned(),
            bytes: meta.as_ref().map(std::fs::Metadata::len),
            modified: meta.as_ref().and_then(|m| m.modified().ok()),
            status_changed: meta.as_ref().and_then(status_changed),
        }
    }

    /// True when the file at `path` still has this size and date (and, for a file that
    /// could not be read, this status change).
    fn still_matches(&self, path: &Path) -> bool {
        let Ok(meta) = std::fs::metadata(path) else {
            return false;
        };
        same_size_and_date(&meta, self.bytes, self.modified)
            && (self.status_changed.is_none() || status_changed(&meta) == self.status_changed)
    }
}

/// True when `meta` is a file with this size and date. Without a date a file can never
/// be trusted to be unchanged.
pub fn same_size_and_date(
    meta: &std::fs::Metadata,
    bytes: Option<u64>,
    modified: Option<SystemTime>,
) -> bool {
    meta.is_file()
        && modified.is_some()
        && Some(meta.len()) == bytes
        && meta.modified().ok() == modified
}

#[cfg(unix)]
fn status_changed(meta: &std::fs::Metadata) -> Option<(i64, i64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.ctime(), meta.ctime_nsec()))
}

#[cfg(not(unix))]
fn status_changed(_meta: &std::fs::Metadata) -> Option<(i64, i64)> {
    None
}

/// Every file a reading found, in list order, and the trouble the walk met.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub files: Vec<FileStamp>,
    /// Folders that could not be listed, broken links and the like.
    pub walk_problems: Vec<Problem>,
}

impl Manifest {
    /// The paths below `root` that were added, changed or removed since this manifest
    /// was taken (empty when nothing was, or when `cancel` was set during the walk).
    pub fn changes(&self, root: &Path, cancel: &AtomicBool) -> Result<Vec<PathBuf>, CorpusError> {
        let walked = walk(root, cancel)?;
        if walked.cancelled {
            return Ok(Vec::new());
        }
        let stamps: HashMap<&str, &FileStamp> = self
            .files
            .iter()
            .map(|s| (s.rel_path.as_str(), s))
            .collect();
        let mut changed: Vec<PathBuf> = walked
            .files
            .par_iter()
            .filter(|file| {
                stamps
                    .get(file.rel_path.as_str())
                    .is_none_or(|stamp| !stamp.still_matches(&file.path))
            })
            .map(|file| file.path.clone())
            .collect();
        let found: HashSet<&str> = walked.files.iter().map(|f| f.rel_path.as_str()).collect();
        changed.extend(
            self.files
                .iter()
                .filter(|s| !found.contains(s.rel_path.as_str()))
                .map(|s| root.join(&s.rel_path)),
        );
        let before: HashSet<(&str, ProblemKind)> = problem_keys(&self.walk_problems);
        let now: HashSet<(&str, ProblemKind)> = problem_keys(&walked.problems);
        changed.extend(
            before
                .symmetric_difference(&now)
                .map(|(rel_path, _)| root.join(rel_path)),
        );
        Ok(changed)
    }
}

fn problem_keys(problems: &[Problem]) -> HashSet<(&str, ProblemKind)> {
    problems
        .iter()
        .map(|p| (p.rel_path.as_str(), p.kind))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{IngestOptions, ingest_folder};

    /// A temporary folder holding `files` (name, text).
    fn folder_with(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).expect("writes");
        }
        dir
    }

    /// Waits past the file system's clock tick, so changes made next get new times.
    fn next_tick() {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }

    fn manifest_of(root: &Path) -> Manifest {
        let cancel = AtomicBool::new(false);
        ingest_folder(root, &IngestOptions::default(), &cancel, |_| {})
            .expect("reads")
            .manifest
    }

    fn names(root: &Path, paths: &[PathBuf]) -> Vec<String> {
        let mut names: Vec<String> = paths
            .iter()
            .map(|p| {
                p.strip_prefix(root)
                    .expect("inside the folder")
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    }

    #[test]
    fn added_changed_and_removed_files_are_found_and_nothing_else() {
        let dir = folder_with(&[
            ("kept.txt", "Kept as it was."),
            ("edited.txt", "First words."),
            ("gone.txt", "Soon removed."),
            ("empty.txt", ""),
        ]);
        let root = dir.path();
        let manifest = manifest_of(root);
        assert_eq!(manifest.files.len(), 4, "problem files are in it too");
        let cancel = AtomicBool::new(false);
        assert!(manifest.changes(root, &cancel).expect("walks").is_empty());

        next_tick();
        std::fs::write(root.join("edited.txt"), "Other, longer words.").expect("writes");
        std::fs::remove_file(root.join("gone.txt")).expect("removes");
        std::fs::write(root.join("new.md"), "# New").expect("writes");
        let changes = manifest.changes(root, &cancel).expect("walks");
        assert_eq!(names(root, &changes), ["edited.txt", "gone.txt", "new.md"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_skipped_file_whose_permissions_change_is_looked_at_again() {
        use std::os::unix::fs::PermissionsExt;
        let dir = folder_with(&[("kept.txt", "Kept as it was."), ("empty.txt", "")]);
        let root = dir.path();
        let manifest = manifest_of(root);
        next_tick();
        let loose = std::fs::Permissions::from_mode(0o644);
        std::fs::set_permissions(root.join("empty.txt"), loose.clone()).expect("chmod");
        std::fs::set_permissions(root.join("kept.txt"), loose).expect("chmod");
        let changes = manifest
            .changes(root, &AtomicBool::new(false))
            .expect("walks");
        assert_eq!(
            names(root, &changes),
            ["empty.txt"],
            "a file that was read counts by its content, a skipped one by its status too"
        );
    }
}
