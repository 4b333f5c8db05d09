//! `export --format ndjson`: every document with its text, metadata and the entities
//! it mentions, one JSON line each, each after an `{"index":{"_id":…}}` action line,
//! as the `_bulk` API of OpenSearch and Elasticsearch reads it. Quickwit ingests the
//! document lines alone (drop the action lines). Texts are streamed, never all held.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::UNIX_EPOCH;

use serde::Serialize;

use crate::corpus::{CorpusError, Document, IngestEvent, IngestOptions, ingest_folder};
use crate::extract::{Entity, EntityKind};

#[derive(Debug, thiserror::Error)]
pub enum BulkError {
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    #[error("could not write the export: {0}")]
    Write(#[from] std::io::Error),
}

/// One document as a search engine indexes it.
#[derive(Serialize)]
struct BulkDocument<'a> {
    path: &'a str,
    title: &'a str,
    format: &'static str,
    encoding: &'a str,
    words: usize,
    bytes: u64,
    /// Seconds since 1970, when the file system gave it.
    modified: Option<u64>,
    author: Option<&'a str>,
    date: Option<&'a str>,
    subject: Option<&'a str>,
    text: &'a str,
    people: Vec<&'a str>,
    organizations: Vec<&'a str>,
    places: Vec<&'a str>,
    /// The mentioned places that have coordinates, as geo points.
    locations: Vec<GeoPoint>,
    /// ISO values ("1999-03-03", "1979-02", "1968", "1980s") the text states.
    dates: Vec<&'a str>,
    /// ISO values completed from the document's date or an earlier one ("in July").
    inferred_dates: Vec<&'a str>,
}

#[derive(Serialize)]
struct GeoPoint {
    lat: f64,
    lon: f64,
}

#[derive(Serialize)]
struct Action<'a> {
    index: ActionTarget<'a>,
}

#[derive(Serialize)]
struct ActionTarget<'a> {
    #[serde(rename = "_id")]
    id: &'a str,
}

/// Reads `root` again and writes its documents as bulk NDJSON, naming the `entities`
/// (from an earlier pass over the same folder) each one mentions. Returns how many
/// documents were written. Files that cannot be read are left out, as a search
/// engine has nothing to index for them.
pub fn write_bulk_ndjson(
    root: &Path,
    options: &IngestOptions,
    entities: &[Entity],
    mut out: impl Write,
) -> Result<usize, BulkError> {
    let by_path = entities_by_path(entities);
    let cancel = AtomicBool::new(false);
    let mut written = 0;
    let mut failed = None;
    ingest_folder(root, options, &cancel, |event| {
        let IngestEvent::Document(doc) = event else {
            return;
        };
        if failed.is_some() {
            return;
        }
        let mentioned = by_path
            .get(doc.rel_path.as_str())
            .map_or(&[][..], Vec::as_slice);
        match write_document(&mut out, &doc, mentioned) {
            Ok(()) => written += 1,
            Err(err) => failed = Some(err),
        }
    })?;
    if let Some(err) = failed {
        return Err(err.into());
    }
    out.flush()?;
    Ok(written)
}

/// For each document path, the entities mentioned there, each once.
fn entities_by_path(entities: &[Entity]) -> HashMap<&str, Vec<&Entity>> {
    let mut by_path: HashMap<&str, Vec<&Entity>> = HashMap::new();
    for entity in entities {
        let mut last: Option<&str> = None;
        for mention in &entity.mentions {
            if last == Some(&*mention.path) {
                continue;
            }
            last = Some(&mention.path);
            let list = by_path.entry(&mention.path).or_default();
            if !list.iter().any(|e| std::ptr::eq(*e, entity)) {
                list.push(entity);
            }
        }
    }
    by_path
}

fn write_document(
    out: &mut impl Write,
    doc: &Document,
    mentioned: &[&Entity],
) -> std::io::Result<()> {
    let names = |kind: EntityKind| -> Vec<&str> {
        mentioned
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.name.as_str())
            .collect()
    };
    let line = BulkDocument {
        path: &doc.rel_path,
        title: &doc.title,
        format: doc.format.label(),
        encoding: &doc.encoding,
        words: doc.words,
        bytes: doc.bytes,
        modified: doc
            .modified
            .and_then(|m| m.duration_since(UNIX_EPOCH).ok())
            .map(|d| d.as_secs()),
        author: doc.metadata.author.as_deref(),
        date: doc.metadata.date.as_deref(),
        subject: doc.metadata.subject.as_deref(),
        text: &doc.text,
        people: names(EntityKind::Person),
        organizations: names(EntityKind::Organization),
        places: names(EntityKind::Place),
        locations: mentioned
            .iter()
            .filter(|e| e.kind == EntityKind::Place)
            .filter_map(|e| {
                Some(GeoPoint {
                    lat: e.lat?,
                    lon: e.lon?,
                })
            })
            .collect(),
        dates: mentioned
            .iter()
            .filter(|e| !e.inferred)
            .filter_map(|e| e.value.as_deref())
            .collect(),
        inferred_dates: mentioned
            .iter()
            .filter(|e| e.inferred)
            .filter_map(|e| e.value.as_deref())
            .collect(),
    };
    let action = Action {
        index: ActionTarget { id: &doc.rel_path },
    };
    serde_json::to_writer(&mut *out, &action)?;
    out.write_all(b"\n")?;
    serde_json::to_writer(&mut *out, &line)?;
    out.write_all(b"\n")
}
