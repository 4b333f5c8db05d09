//! The corpus cache: what reading and extracting a folder produced, kept in the app's
//! data folder (never in the corpus), so that reopening an unchanged folder reads no
//! file and extracts nothing. Documents are reused when their file still has the size
//! and modification time it had; extraction results are keyed by a hash of the text,
//! so a file touched but not changed, renamed or copied is not extracted again.
//!
//! A cache written by another build of the app, or damaged, is reported and rebuilt.

mod frames;
mod read;
mod search;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use crate::corpus::{Document, Reuse};
use crate::extract::DocumentEntities;

pub use frames::FrameWriter;
pub use read::{CorpusRead, read_corpus};

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

    /// The documents the cache holds; `Ok(None)` when there is no cache yet.
    pub fn load_documents(&self) -> Result<Option<DocumentCache>, CacheError> {
        let mut documents = HashMap::new();
        let found =
            frames::read_frames(&self.documents_file(), self.fingerprint, |d: Document| {
                documents.insert(d.rel_path.clone(), d);
            })?;
        Ok(found.then_some(DocumentCache { documents }))
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
    /// Records of [`Document`].
    pub documents: FrameWriter,
    /// Records of [`CachedEntities`].
    pub entities: FrameWriter,
}

/// The documents of a cache, by path.
#[derive(Debug, Default)]
pub struct DocumentCache {
    documents: HashMap<String, Document>,
}

impl DocumentCache {
    pub fn len(&self) -> usize {
        self.documents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
    }
}

impl Reuse for DocumentCache {
    fn reuse(&self, path: &Path, rel_path: &str) -> Option<Document> {
        let cached = self.documents.get(rel_path)?;
        let meta = std::fs::metadata(path).ok()?;
        let unchanged = meta.is_file()
            && meta.len() == cached.bytes
            && meta.modified().ok() == cached.modified
            && cached.modified.is_some();
        unchanged.then(|| cached.clone())
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
/// word lists) is rebuilt rather than trusted: the app version and the program
/// file's size and date.
fn build_fingerprint() -> u64 {
    let mut stamp = format!("{}:{}", env!("CARGO_PKG_VERSION"), frames::FORMAT);
    if let Some(meta) = std::env::current_exe()
        .ok()
        .and_then(|exe| std::fs::metadata(exe).ok())
    {
        let modified = meta
            .modified()
            .ok()
            .and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        stamp.push_str(&format!(":{}:{modified}", meta.len()));
    }
    xxh3_64(stamp.as_bytes())
}
