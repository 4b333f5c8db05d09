//! Finding the files to read below the corpus folder: recursive, sorted,
//! skipping hidden entries, and never entering the same folder twice, so
//! symbolic-link loops end.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use super::error::{CorpusError, FileError};
use super::{Format, Problem};

/// A supported file found by the walk.
#[derive(Debug, Clone)]
pub struct FoundFile {
    pub path: PathBuf,
    /// Relative to the corpus folder, '/' separators.
    pub rel_path: String,
    pub format: Format,
}

#[derive(Debug, Default)]
pub struct WalkResult {
    /// Sorted by `rel_path`.
    pub files: Vec<FoundFile>,
    pub problems: Vec<Problem>,
    pub cancelled: bool,
}

/// Walks `root`. Fails only when `root` is missing, not a folder, or cannot
/// be listed; trouble below it becomes problems.
pub fn walk(root: &Path, cancel: &AtomicBool) -> Result<WalkResult, CorpusError> {
    let root_meta = fs::metadata(root).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => CorpusError::FolderMissing(root.to_path_buf()),
        _ => CorpusError::FolderUnreadable {
            path: root.to_path_buf(),
            source,
        },
    })?;
    if !root_meta.is_dir() {
        return Err(CorpusError::NotAFolder(root.to_path_buf()));
    }
    let mut result = WalkResult::default();
    let mut seen_dirs = HashSet::new();
    seen_dirs.insert(DirKey::of(&root_meta));
    let mut pending = vec![(root.to_path_buf(), String::new())];
    while let Some((dir, rel_dir)) = pending.pop() {
        if cancel.load(Ordering::Relaxed) {
            result.cancelled = true;
            break;
        }
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(source) if rel_dir.is_empty() => {
                return Err(CorpusError::FolderUnreadable { path: dir, source });
            }
            Err(err) => {
                result
                    .problems
                    .push(problem(&rel_dir, FileError::FolderUnreadable(err)));
                continue;
            }
        };
        let mut listed = Vec::new();
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    result
                        .problems
                        .push(problem(&rel_dir, FileError::FolderUnreadable(err)));
                    break;
                }
            };
            let name = entry.file_name();
            let name = name.to_string_lossy();
            // Hidden files and folders (.git, .DS_Store, macOS "._" copies)
            // are not part of what the user collected.
            if name.starts_with('.') {
                continue;
            }
            let rel_path = if rel_dir.is_empty() {
                name.into_owned()
            } else {
                format!("{rel_dir}/{name}")
            };
            listed.push((entry, rel_path));
        }
        // Links and folders need the file system asked about them: in parallel.
        let looked: Vec<Looked> = listed
            .into_par_iter()
            .map(|(entry, rel_path)| look(entry, rel_path))
            .collect();
        for found in looked {
            record(found, &mut result, &mut pending, &mut seen_dirs);
        }
    }
    result.files.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
    result.problems.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
    Ok(result)
}

/// What one directory entry turned out to be.
enum Looked {
    File(FoundFile),
    Folder {
        path: PathBuf,
        rel_path: String,
        key: DirKey,
        via_link: bool,
    },
    Problem(Problem),
    Nothing,
}

/// Sorts one directory entry into a file to read, a folder to walk, or a problem.
fn look(entry: fs::DirEntry, rel_path: String) -> Looked {
    let path = entry.path();
    let format = path
        .extension()
        .and_then(|ext| ext.to_str())
        .and_then(Format::from_extension);
    let Ok(file_type) = entry.file_type() else {
        return Looked::Nothing;
    };
    // Follow links to see what they point at; the seen-set stops loops.
    let meta = if file_type.is_symlink() {
        match fs::metadata(&path) {
            Ok(meta) => meta,
            Err(_) if format.is_some() => {
                return Looked::Problem(problem(&rel_path, FileError::BrokenLink));
            }
            Err(_) => return Looked::Nothing,
        }
    } else if file_type.is_dir() {
        match fs::metadata(&path) {
            Ok(meta) => meta,
            Err(err) => {
                return Looked::Problem(problem(&rel_path, FileError::FolderUnreadable(err)));
            }
        }
    } else if let (true, Some(format)) = (file_type.is_file(), format) {
        // No question to the file system for a plain file: the reader opens it
        // anyway and learns its size then.
        return Looked::File(FoundFile {
            path,
            rel_path,
            format,
        });
    } else {
        return Looked::Nothing;
    };
    if meta.is_dir() {
        Looked::Folder {
            path,
            rel_path,
            key: DirKey::of(&meta),
            via_link: file_type.is_symlink(),
        }
    } else if let (true, Some(format)) = (meta.is_file(), format) {
        Looked::File(FoundFile {
            path,
            rel_path,
            format,
        })
    } else {
        Looked::Nothing
    }
}

/// Adds what an entry turned out to be to the walk: folders not seen before are walked.
fn record(
    looked: Looked,
    result: &mut WalkResult,
    pending: &mut Vec<(PathBuf, String)>,
    seen_dirs: &mut HashSet<DirKey>,
) {
    match looked {
        Looked::File(file) => result.files.push(file),
        Looked::Problem(problem) => result.problems.push(problem),
        // Without inode numbers a linked folder cannot be recognised as seen, so only
        // real folders are entered there.
        Looked::Folder { via_link, .. } if !cfg!(unix) && via_link => {}
        Looked::Folder {
            path,
            rel_path,
            key,
            ..
        } => {
            if seen_dirs.insert(key) {
                pending.push((path, rel_path));
            }
        }
        Looked::Nothing => {}
    }
}

fn problem(rel_path: &str, err: FileError) -> Problem {
    Problem::new(rel_path, &err, None)
}

/// Identity of a folder on disk, whatever path reached it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct DirKey(u64, u64);

impl DirKey {
    #[cfg(unix)]
    fn of(meta: &fs::Metadata) -> Self {
        use std::os::unix::fs::MetadataExt;
        DirKey(meta.dev(), meta.ino())
    }

    /// Without inode numbers every folder looks new.
    #[cfg(not(unix))]
    fn of(_meta: &fs::Metadata) -> Self {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        DirKey(0, NEXT.fetch_add(1, Ordering::Relaxed))
    }
}
