//! The corpus cache: what reading and extracting a folder produced, kept in the app's
//! data folder (never in the corpus), so that reopening an unchanged folder reads no
//! file and extracts nothing. Documents are reused when their file still has the size
//! and modification time it had; extraction results are keyed by a hash of the text,
//! so a file touched but not changed, renamed or copied is not extracted again.
//!
//! A cache written by another build of the app, or damaged, is reported and rebuilt.

//!
//! Reading a folder through the cache is the `reading` module's: this one only keeps.

mod frames;
mod last_reading;
mod search;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock, PoisonError};

use serde::{Deserialize, Serialize};
use std::io::BufRead;

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::corpus::{FileDocuments, Reuse, same_size_and_date};
use crate::extract::DocumentEntities;

pub use frames::FrameWriter;
pub use last_reading::{LastReading, LastReadingRef};

/// The cache of one corpus folder: `<data>/cache/<hash of the folder's path>/`.
#[derive(Debug, Clone)]
pub struct CacheDir {
    dir: PathBuf,
    fingerprint: u64,
}

/// One document's extraction, keyed by the hash of its text.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CachedEntities {
    pub text_hash: u64,
    pub entities: DocumentEntities,
}

/// The same record, written without copying the extraction.
#[derive(Serialize)]
pub struct CachedEntitiesRef<'a> {
    pub text_hash: u64,
    pub entities: &'a DocumentEntities,
}

/// Why a cache could not be used or written.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    #[error("the cache file {} could not be read: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the cache file {} is damaged ({why})", path.display())]
    Damaged { path: PathBuf, why: &'static str },
    #[error("the cache file {} was made by another version of the app", path.display())]
    Outdated { path: PathBuf },
    #[error("the cache file {} could not be written: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl CacheError {
    fn read(path: &Path, source: std::io::Error) -> Self {
        CacheError::Read {
            path: path.to_path_buf(),
            source,
        }
    }

    fn write(path: &Path, source: std::io::Error) -> Self {
        CacheError::Write {
            path: path.to_path_buf(),
            source,
        }
    }

    fn damaged(path: &Path, why: &'static str) -> Self {
        CacheError::Damaged {
            path: path.to_path_buf(),
            why,
        }
    }
}

/// The hash extraction results are keyed by.
pub fn text_hash(text: &str) -> u64 {
    xxh3_64(text.as_bytes())
}

impl CacheDir {
    /// The cache of the folder `root`, under the app's data folder.
    pub fn for_corpus(data_dir: &Path, root: &Path) -> CacheDir {
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let key = xxh3_64(root.to_string_lossy().as_bytes());
        CacheDir {
            dir: data_dir.join("cache").join(format!("{key:016x}")),
            fingerprint: build_fingerprint(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    fn documents_file(&self) -> PathBuf {
        self.dir.join("documents.bin")
    }

    fn entities_file(&self) -> PathBuf {
        self.dir.join("entities.bin")
    }

    /// The files the cache holds; `Ok(None)` when there is no cache yet.
    pub fn load_documents(&self) -> Result<Option<DocumentCache>, CacheError> {
        let mut files = HashMap::new();
        let found =
            frames::read_frames(&self.documents_file(), self.fingerprint, |f: CachedFile| {
                files.insert(f.rel_path, f.read);
            })?;
        Ok(found.then_some(DocumentCache { files }))
    }

    /// The extraction results the cache holds (none when there are none yet).
    pub fn load_entities(&self) -> Result<EntityCache, CacheError> {
        let mut entities = HashMap::new();
        frames::read_frames(
            &self.entities_file(),
            self.fingerprint,
            |e: CachedEntities| {
                entities.insert(e.text_hash, e.entities);
            },
        )?;
        Ok(EntityCache { entities })
    }

    /// Writers of a new cache; the old one stays until both are finished.
    pub fn writers(&self) -> Result<CacheWriters, CacheError> {
        std::fs::create_dir_all(&self.dir).map_err(|e| CacheError::write(&self.dir, e))?;
        Ok(CacheWriters {
            documents: FrameWriter::create(&self.documents_file(), self.fingerprint)?,
            entities: FrameWriter::create(&self.entities_file(), self.fingerprint)?,
        })
    }

    /// Forgets everything cached for this folder.
    pub fn clear(&self) -> std::io::Result<()> {
        match std::fs::remove_dir_all(&self.dir) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

/// The new cache being written while a folder is read.
pub struct CacheWriters {
    /// Records of [`CachedFile`].
    pub documents: FrameWriter,
    /// Records of [`CachedEntities`].
    pub entities: FrameWriter,
}

/// One file as the cache keeps it: what reading it gave.
#[derive(Debug, Deserialize)]
pub struct CachedFile {
    pub rel_path: String,
    pub read: FileDocuments,
}

/// The same record, written without copying the documents.
#[derive(Serialize)]
struct CachedFileRef<'a> {
    rel_path: &'a str,
    read: &'a FileDocuments,
}

/// The files of a cache, by path.
#[derive(Debug, Default)]
pub struct DocumentCache {
    files: HashMap<String, FileDocuments>,
}

impl DocumentCache {
    /// How many files it holds.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Takes the documents of the file at `rel_path` out of the cache.
    pub fn take(&mut self, rel_path: &str) -> Option<FileDocuments> {
        self.files.remove(rel_path)
    }
}

/// A reading's use of the cache: the last reading's files to reuse, and the new
/// cache being written as files are read.
pub struct FileCache {
    previous: Option<DocumentCache>,
    writer: Mutex<Option<FrameWriter>>,
    error: Mutex<Option<CacheError>>,
}

impl FileCache {
    pub fn new(previous: Option<DocumentCache>, writer: Option<FrameWriter>) -> Self {
        FileCache {
            previous,
            writer: Mutex::new(writer),
            error: Mutex::new(None),
        }
    }

    pub fn previous(&self) -> Option<&DocumentCache> {
        self.previous.as_ref()
    }

    /// The new cache's writer (unless writing failed), and the error if it did.
    pub fn into_writer(self) -> (Option<FrameWriter>, Option<CacheError>) {
        let writer = self
            .writer
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        let error = self
            .error
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        (writer, error)
    }
}

impl Reuse for FileCache {
    fn reuse(&self, path: &Path, rel_path: &str) -> Option<FileDocuments> {
        let cached = self.previous.as_ref()?.files.get(rel_path)?;
        let parent = cached.documents.first()?;
        let meta = std::fs::metadata(path).ok()?;
        same_size_and_date(&meta, Some(parent.bytes), parent.modified).then(|| cached.clone())
    }

    fn record(&self, rel_path: &str, read: &FileDocuments) {
        let mut writer = self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(out) = writer.as_mut() else {
            return;
        };
        if let Err(err) = out.write(&CachedFileRef { rel_path, read }) {
            if let Some(out) = writer.take() {
                out.abandon();
            }
            *self.error.lock().unwrap_or_else(PoisonError::into_inner) = Some(err);
        }
    }
}

/// The extraction results of a cache, by text hash.
#[derive(Debug, Default)]
pub struct EntityCache {
    entities: HashMap<u64, DocumentEntities>,
}

impl EntityCache {
    /// The extraction of a text seen before, for the document at `path`.
    pub fn entities_for(&self, path: &str, hash: u64) -> Option<DocumentEntities> {
        self.entities.get(&hash).map(|found| DocumentEntities {
            path: path.to_owned(),
            mentions: found.mentions.clone(),
            acronyms: found.acronyms.clone(),
        })
    }
}

/// Tells builds apart, so a cache made by another build (another engine, other
/// word lists) is rebuilt rather than trusted: the app version, the cache format and
/// the program file's contents, hashed once. Its contents, not its date: the same
/// program copied, reinstalled or touched keeps its caches, and one replaced while it
/// runs still reads its own file (through `/proc/self/exe`).
fn build_fingerprint() -> u64 {
    static FINGERPRINT: OnceLock<u64> = OnceLock::new();
    *FINGERPRINT.get_or_init(|| {
        let program = running_program();
        fingerprint_of(program.as_deref())
    })
}

/// The running program's file: `/proc/self/exe` on Linux opens it even once replaced.
fn running_program() -> Option<PathBuf> {
    let proc_exe = Path::new("/proc/self/exe");
    if proc_exe.exists() {
        return Some(proc_exe.to_path_buf());
    }
    std::env::current_exe().ok()
}

/// The fingerprint of a build whose program file is `program` (when it can be read).
fn fingerprint_of(program: Option<&Path>) -> u64 {
    let mut hasher = Xxh3::new();
    hasher.update(format!("{}:{}", env!("CARGO_PKG_VERSION"), frames::FORMAT).as_bytes());
    if let Some(file) = program.and_then(|p| std::fs::File::open(p).ok()) {
        let mut input = std::io::BufReader::with_capacity(1 << 20, file);
        loop {
            match input.fill_buf() {
                Ok([]) | Err(_) => break,
                Ok(bytes) => {
                    hasher.update(bytes);
                    let n = bytes.len();
                    input.consume(n);
                }
            }
        }
    }
    hasher.digest()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_program_at_another_date_keeps_its_fingerprint() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let program = tmp.path().join("corpus-explorer");
        std::fs::write(&program, b"the program's bytes").expect("written");
        let first = fingerprint_of(Some(&program));
        // Copied, reinstalled or touched: a new date, a new path, the same contents.
        let copy = tmp.path().join("installed");
        std::fs::write(&copy, b"the program's bytes").expect("written");
        let file = std::fs::File::options()
            .write(true)
            .open(&copy)
            .expect("opens");
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(3600);
        file.set_modified(later).expect("date set");
        assert_eq!(fingerprint_of(Some(&copy)), first);
        std::fs::write(&copy, b"another build's bytes").expect("written");
        assert_ne!(fingerprint_of(Some(&copy)), first);
    }

    #[test]
    fn the_running_program_is_fingerprinted_by_its_contents() {
        let program = running_program().expect("the test program is found");
        assert_eq!(build_fingerprint(), fingerprint_of(Some(&program)));
        assert_ne!(build_fingerprint(), fingerprint_of(None));
    }
}
