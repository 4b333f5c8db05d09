//! The last complete reading of a folder, whole: the files it found (with their size
//! and date), the problems it listed, the documents in list order and the entities
//! linked from all of them. Reopening the folder shows it at once, without walking the
//! folder or linking millions of mentions again; the folder is then checked against it
//! in the background and read again where it changed.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{CacheDir, CacheError, frames};
use crate::corpus::{FileStamp, Manifest, Problem};
use crate::extract::{Entity, EntityKind, Extraction, Mention, MergeSuggestion};

/// What the last complete reading of the folder gave.
#[derive(Debug)]
pub struct LastReading {
    pub manifest: Manifest,
    /// Every problem listed, in the order they were reported.
    pub problems: Vec<Problem>,
    /// Document paths in list order (document `i` of the entities).
    pub paths: Vec<String>,
    /// As the engine linked them, before any user correction.
    pub extraction: Extraction,
}

/// The same, borrowed, for writing.
pub struct LastReadingRef<'a> {
    pub manifest: &'a Manifest,
    pub problems: &'a [Problem],
    pub paths: &'a [String],
    pub extraction: &'a Extraction,
}

#[derive(Serialize, Deserialize)]
struct Head {
    /// The size limit the files were read with.
    max_file_bytes: u64,
    /// The documents file this reading goes with: another one means another reading.
    documents_file: FileStamp,
    manifest: Manifest,
    problems: Vec<Problem>,
    paths: Vec<String>,
    suggestions: Vec<MergeSuggestion>,
}

#[derive(Serialize)]
struct HeadRef<'a> {
    max_file_bytes: u64,
    documents_file: &'a FileStamp,
    manifest: &'a Manifest,
    problems: &'a [Problem],
    paths: &'a [String],
    suggestions: &'a [MergeSuggestion],
}

/// The head, then one record per entity.
#[derive(Deserialize)]
enum Record {
    Head(Box<Head>),
    Entity(CachedEntity),
}

#[derive(Serialize)]
enum RecordRef<'a> {
    Head(HeadRef<'a>),
    Entity(CachedEntityRef<'a>),
}

/// An entity with its mentions' documents given by number, not by path, and their
/// spellings by number in the entity's list of spellings.
#[derive(Deserialize)]
struct CachedEntity {
    id: String,
    kind: EntityKind,
    name: String,
    aliases: Vec<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    country: Option<String>,
    value: Option<String>,
    inferred: bool,
    spellings: Vec<String>,
    mentions: Vec<(u32, usize, usize, u32)>,
}

#[derive(Serialize)]
struct CachedEntityRef<'a> {
    id: &'a str,
    kind: EntityKind,
    name: &'a str,
    aliases: &'a [String],
    lat: Option<f64>,
    lon: Option<f64>,
    country: &'a Option<String>,
    value: &'a Option<String>,
    inferred: bool,
    spellings: Vec<&'a str>,
    mentions: Vec<(u32, usize, usize, u32)>,
}

impl CacheDir {
    fn last_reading_file(&self) -> PathBuf {
        self.path().join("last-reading.bin")
    }

    /// Keeps `reading`, made with files up to `max_file_bytes`, as the folder's last
    /// reading. Call once the documents file is in place: the two go together.
    pub fn save_last_reading(
        &self,
        max_file_bytes: u64,
        reading: &LastReadingRef<'_>,
    ) -> Result<(), CacheError> {
        let documents_file = self.documents_stamp();
        let doc_of: HashMap<&str, u32> = reading
            .paths
            .iter()
            .enumerate()
            .map(|(i, p)| (p.as_str(), i as u32))
            .collect();
        let mut out = frames::FrameWriter::create(&self.last_reading_file(), self.fingerprint)?;
        let head = HeadRef {
            max_file_bytes,
            documents_file: &documents_file,
            manifest: reading.manifest,
            problems: reading.problems,
            paths: reading.paths,
            suggestions: &reading.extraction.suggestions,
        };
        let written = out.write(&RecordRef::Head(head)).and_then(|()| {
            reading.extraction.entities.iter().try_for_each(|entity| {
                out.write(&RecordRef::Entity(CachedEntityRef::of(entity, &doc_of)))
            })
        });
        match written {
            Ok(()) => out.finish(),
            Err(err) => {
                out.abandon();
                Err(err)
            }
        }
    }

    /// The last reading, when there is one made with the same size limit and it goes
    /// with the documents file now in the cache; `Ok(None)` otherwise.
    pub fn load_last_reading(
        &self,
        max_file_bytes: u64,
    ) -> Result<Option<LastReading>, CacheError> {
        let path = self.last_reading_file();
        let mut head: Option<Box<Head>> = None;
        let mut doc_paths: Vec<Arc<str>> = Vec::new();
        let mut entities = Vec::new();
        let mut misplaced = false;
        let found = frames::read_frames(&path, self.fingerprint, |record: Record| match record {
            Record::Head(h) if head.is_none() => {
                doc_paths = h.paths.iter().map(|p| Arc::from(p.as_str())).collect();
                head = Some(h);
            }
            Record::Entity(e) if head.is_some() => match e.into_entity(&doc_paths) {
                Some(entity) => entities.push(entity),
                None => misplaced = true,
            },
            _ => misplaced = true,
        })?;
        if !found {
            return Ok(None);
        }
        let Some(head) = head.filter(|_| !misplaced) else {
            return Err(CacheError::damaged(&path, "its records are out of order"));
        };
        let documents_file = self.documents_stamp();
        if head.max_file_bytes != max_file_bytes || head.documents_file != documents_file {
            return Ok(None);
        }
        let Head {
            manifest,
            problems,
            paths,
            suggestions,
            ..
        } = *head;
        Ok(Some(LastReading {
            manifest,
            problems,
            paths,
            extraction: Extraction {
                entities,
                suggestions,
            },
        }))
    }

    /// Forgets the last reading (the next opening reads the folder file by file).
    pub fn forget_last_reading(&self) {
        let _ = std::fs::remove_file(self.last_reading_file());
    }

    /// The size and date of the documents file now in place.
    pub fn documents_stamp(&self) -> FileStamp {
        FileStamp::of(&self.documents_file(), "")
    }
}

impl<'a> CachedEntityRef<'a> {
    fn of(entity: &'a Entity, doc_of: &HashMap<&str, u32>) -> Self {
        let mut spellings: Vec<&'a str> = Vec::new();
        let mut spelling_of: HashMap<&'a str, u32> = HashMap::new();
        // A mention outside the listed documents is not shown anywhere.
        let mentions = entity
            .mentions
            .iter()
            .filter_map(|m| {
                let doc = *doc_of.get(&*m.path)?;
                let spelling = *spelling_of.entry(&m.text).or_insert_with(|| {
                    spellings.push(&m.text);
                    spellings.len() as u32 - 1
                });
                Some((doc, m.start, m.end, spelling))
            })
            .collect();
        CachedEntityRef {
            id: &entity.id,
            kind: entity.kind,
            name: &entity.name,
            aliases: &entity.aliases,
            lat: entity.lat,
            lon: entity.lon,
            country: &entity.country,
            value: &entity.value,
            inferred: entity.inferred,
            spellings,
            mentions,
        }
    }
}

impl CachedEntity {
    /// The entity, its mentions' paths shared with the document list; `None` when a
    /// mention names a document that is not there (damage).
    fn into_entity(self, doc_paths: &[Arc<str>]) -> Option<Entity> {
        let spellings: Vec<Arc<str>> = self.spellings.into_iter().map(Arc::from).collect();
        let mentions = self
            .mentions
            .into_iter()
            .map(|(doc, start, end, spelling)| {
                Some(Mention {
                    path: Arc::clone(doc_paths.get(doc as usize)?),
                    start,
                    end,
                    text: Arc::clone(spellings.get(spelling as usize)?),
                })
            })
            .collect::<Option<Vec<Mention>>>()?;
        Some(Entity {
            id: self.id,
            kind: self.kind,
            name: self.name,
            aliases: self.aliases,
            mentions,
            lat: self.lat,
            lon: self.lon,
            country: self.country,
            value: self.value,
            inferred: self.inferred,
        })
    }
}
