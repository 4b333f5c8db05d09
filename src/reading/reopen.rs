//! Reopening a folder: its last complete reading is shown whole from the cache (no
//! walk, no file looked at, no linking), and the caller checks the folder against it
//! afterwards. Without a usable last reading the folder is read file by file.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::extraction::{EntitySnapshot, ExtractionEvent};
use super::read::{CorpusRead, read_corpus};
use crate::cache::CacheDir;
use crate::corpus::{CorpusError, IngestEvent, IngestOptions, IngestSummary};
use crate::entities::EntityIndex;

/// Like [`read_corpus`] with a cache, but when the cache holds the folder's last
/// complete reading (made with the same options) it is emitted as it was, and the
/// result has `reopened` set: check `summary.manifest` against the folder.
pub fn reopen_corpus(
    root: &Path,
    options: &IngestOptions,
    cache: &CacheDir,
    cancel: &Arc<AtomicBool>,
    mut on_ingest: impl FnMut(IngestEvent),
    on_extraction: impl Fn(ExtractionEvent) + Send + Sync + 'static,
) -> Result<CorpusRead, CorpusError> {
    // A folder that is gone is reported as the reading would, not shown from memory.
    if root.is_dir()
        && let Some(read) = show_last_reading(cache, options, &mut on_ingest, &on_extraction)
    {
        return Ok(read);
    }
    read_corpus(root, options, Some(cache), cancel, on_ingest, on_extraction)
}

/// Emits the last reading, or nothing and `None` when there is none that can be
/// trusted (a damaged cache is then reported and rebuilt by the full reading).
fn show_last_reading(
    cache: &CacheDir,
    options: &IngestOptions,
    on_ingest: &mut dyn FnMut(IngestEvent),
    on_extraction: &dyn Fn(ExtractionEvent),
) -> Option<CorpusRead> {
    // A reading still finishing (one just cancelled) may put a new documents file in
    // place meanwhile: the documents must come from the file the last reading goes with.
    let before = cache.documents_stamp();
    let (last, documents) = rayon::join(
        || cache.load_last_reading(options.max_file_bytes),
        || cache.load_documents(),
    );
    if cache.documents_stamp() != before {
        return None;
    }
    let (Ok(Some(last)), Ok(Some(mut documents))) = (last, documents) else {
        return None;
    };
    let mut listed = Vec::with_capacity(last.paths.len());
    let mut files = 0;
    for stamp in &last.manifest.files {
        if let Some(read) = documents.take(&stamp.rel_path) {
            files += usize::from(!read.documents.is_empty());
            listed.extend(read.documents);
        }
    }
    let same_documents = listed.len() == last.paths.len()
        && listed
            .iter()
            .zip(&last.paths)
            .all(|(d, p)| d.rel_path == *p);
    if !same_documents {
        return None;
    }
    let paths = Arc::new(last.paths);
    let extraction = last.extraction;
    let total = last.manifest.files.len();
    let mut summary = IngestSummary {
        documents: listed.len(),
        files,
        reused: files,
        problems: last.problems.len(),
        bytes_read: listed.iter().map(|d| d.bytes).sum(),
        ..IngestSummary::default()
    };
    let current = last
        .manifest
        .files
        .last()
        .map(|f| f.rel_path.clone())
        .unwrap_or_default();
    summary.manifest = last.manifest;
    let index = std::thread::scope(|scope| {
        // The entities are indexed while the list fills.
        let indexing = scope.spawn(|| EntityIndex::build(&extraction, &paths));
        on_ingest(IngestEvent::Started { total });
        for problem in last.problems {
            on_ingest(IngestEvent::Problem(problem));
        }
        for doc in listed {
            on_ingest(IngestEvent::Document(Box::new(doc)));
        }
        on_ingest(IngestEvent::Progress {
            done: total,
            total,
            current,
        });
        indexing.join()
    });
    match index {
        Ok(index) => {
            on_extraction(ExtractionEvent::Progress { done: paths.len() });
            on_extraction(ExtractionEvent::Snapshot(Box::new(EntitySnapshot {
                extraction: Arc::new(extraction),
                paths,
                index,
                complete: true,
                corrected: None,
            })));
        }
        Err(_) => on_extraction(ExtractionEvent::Failed(
            "the saved people, places and dates could not be indexed".into(),
        )),
    }
    Some(CorpusRead {
        entities_reused: summary.documents,
        summary,
        notice: None,
        reopened: true,
    })
}
