//! Extraction as documents arrive: a named thread takes each document's text as the ingest
//! reads it, extracts batches in parallel (rayon), and now and then links what it has into
//! a snapshot of the corpus's entities, so the sidebar fills while the folder is read.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError, channel};
use std::sync::{Arc, OnceLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::cache::{CacheDir, CacheError, CachedEntitiesRef, FrameWriter, text_hash};
use crate::entities::{Correction, CorrectionProblem, EntityIndex, corrected_index};
use crate::extract::dates::DateValue;
use crate::extract::{DocumentEntities, Extraction, Extractor, Linker};

/// Documents extracted in one parallel step.
const BATCH: usize = 256;
/// Texts longer than this report their own progress.
const IN_DOCUMENT_PROGRESS: usize = 2 * 1024 * 1024;
/// The first snapshot comes quickly; later ones at least this far apart, and further
/// apart when linking takes long, so snapshots never take more than a fifth of the time.
const FIRST_SNAPSHOT: Duration = Duration::from_millis(500);
const MIN_SNAPSHOT_INTERVAL: Duration = Duration::from_secs(2);

/// The entities of the documents extracted so far.
#[derive(Debug)]
pub struct EntitySnapshot {
    /// As the engine linked them, before any user correction.
    pub extraction: Arc<Extraction>,
    /// Document paths in the order they were fed: document `i` of the index.
    pub paths: Arc<Vec<String>>,
    pub index: EntityIndex,
    /// True for the last snapshot, taken once every document was extracted.
    pub complete: bool,
    /// The index with the user's corrections applied, made off the UI thread.
    pub corrected: Option<CorrectedIndex>,
}

/// A snapshot's entities with a list of corrections applied.
#[derive(Debug)]
pub struct CorrectedIndex {
    /// The corrections applied, in order: usable while the workspace holds the same.
    pub corrections: Vec<Correction>,
    pub index: EntityIndex,
    pub problems: Vec<CorrectionProblem>,
}

impl EntitySnapshot {
    /// Applies `corrections` to the snapshot's entities (a second index, kept beside the
    /// engine's), so that the app need not replay them while it draws.
    pub fn correct(&mut self, corrections: &[Correction]) {
        if corrections.is_empty() {
            return;
        }
        let (index, problems) = corrected_index(&self.extraction, corrections, &self.paths);
        self.corrected = Some(CorrectedIndex {
            corrections: corrections.to_vec(),
            index,
            problems,
        });
    }
}

/// What the extraction thread reports.
#[derive(Debug)]
pub enum ExtractionEvent {
    /// Documents extracted so far (in feed order: the first `done` documents).
    Progress {
        done: usize,
    },
    /// How far the extraction of one long document has got, in bytes of its text.
    InDocument {
        path: String,
        done: usize,
        total: usize,
    },
    Snapshot(Box<EntitySnapshot>),
    /// The engine could not start (its embedded word lists failed to load).
    Failed(String),
}

/// A document waiting to be extracted: its path and text.
/// A document's path, text and own date (from its metadata), if it has one.
type Queued = (String, Arc<str>, Option<DateValue>);

/// Where to find extraction results to reuse (loaded on the extraction thread, while
/// the files are read), and where to record them all.
#[derive(Default)]
pub struct ExtractionCache {
    pub reuse_from: Option<CacheDir>,
    pub writer: Option<FrameWriter>,
}

/// What the extraction thread leaves when it ends.
#[derive(Default)]
pub struct ExtractionOutcome {
    /// Documents extracted, and documents whose results came from the cache.
    pub extracted: usize,
    pub reused: usize,
    /// Holds every document's results, unless writing failed (`write_error`).
    pub writer: Option<FrameWriter>,
    pub write_error: Option<CacheError>,
    /// The cached results could not be read (they were not used).
    pub load_error: Option<CacheError>,
    /// The complete snapshot's extraction and document paths, when there was one.
    pub linked: Option<(Arc<Extraction>, Arc<Vec<String>>)>,
}

/// Where the ingest hands documents to the extraction thread, in list order.
pub struct ExtractionFeed {
    sender: Sender<Queued>,
    thread: JoinHandle<ExtractionOutcome>,
}

impl ExtractionFeed {
    /// Queues one document; its position in the feed is its index in the snapshots.
    pub fn push(&self, path: String, text: Arc<str>) {
        self.push_dated(path, text, None);
    }

    /// Queues one document whose own date is known: its partial dates are read against it.
    pub fn push_dated(&self, path: String, text: Arc<str>, document_date: Option<DateValue>) {
        // If the thread has stopped (cancelled or failed), there is nobody to tell.
        let _ = self.sender.send((path, text, document_date));
    }

    /// No more documents will come: the thread finishes with a complete snapshot.
    pub fn finish(self) -> JoinHandle<ExtractionOutcome> {
        drop(self.sender);
        self.thread
    }
}

/// Starts the extraction thread. `emit` receives its events; `cancel` stops it between
/// batches, after which it emits nothing more.
pub fn start_extraction(
    cancel: Arc<AtomicBool>,
    emit: impl Fn(ExtractionEvent) + Send + Sync + 'static,
) -> std::io::Result<ExtractionFeed> {
    start_extraction_cached(cancel, ExtractionCache::default(), emit)
}

/// Like [`start_extraction`], reusing and recording results through `cache`.
pub fn start_extraction_cached(
    cancel: Arc<AtomicBool>,
    cache: ExtractionCache,
    emit: impl Fn(ExtractionEvent) + Send + Sync + 'static,
) -> std::io::Result<ExtractionFeed> {
    let (sender, receiver) = channel();
    let thread = std::thread::Builder::new()
        .name("extract".into())
        .spawn(move || run(&receiver, &cancel, cache, &emit))?;
    Ok(ExtractionFeed { sender, thread })
}

fn run(
    receiver: &Receiver<Queued>,
    cancel: &AtomicBool,
    cache: ExtractionCache,
    emit: &(dyn Fn(ExtractionEvent) + Sync),
) -> ExtractionOutcome {
    let mut outcome = ExtractionOutcome {
        writer: cache.writer,
        ..ExtractionOutcome::default()
    };
    let previous = cache.reuse_from.and_then(|dir| match dir.load_entities() {
        Ok(found) => Some(found),
        Err(err) => {
            outcome.load_error = Some(err);
            None
        }
    });
    // Loaded when a text needs it: a folder whose results all come from the cache
    // never pays for the word lists and the gazetteer.
    let extractor: OnceLock<Result<Extractor, String>> = OnceLock::new();
    let mut paths: Vec<String> = Vec::new();
    let mut linker = Linker::default();
    let mut last_snapshot = Instant::now();
    let mut interval = FIRST_SNAPSHOT;
    let mut snapshot_of = 0;
    loop {
        let Some((batch, closed)) = next_batch(receiver, cancel) else {
            return outcome;
        };
        let extracted: Option<Vec<(u64, DocumentEntities, bool)>> = batch
            .par_iter()
            .map(|(path, text, date)| {
                let hash = extraction_hash(text, *date);
                if let Some(found) = previous.as_ref().and_then(|p| p.entities_for(path, hash)) {
                    return Some((hash, found, true));
                }
                let extractor = extractor
                    .get_or_init(|| Extractor::load_embedded().map_err(|e| e.to_string()))
                    .as_ref()
                    .ok()?;
                // A long text says how far it has got, so the user sees it move.
                let total = text.len();
                let progress = |done: usize| {
                    if total > IN_DOCUMENT_PROGRESS {
                        emit(ExtractionEvent::InDocument {
                            path: path.clone(),
                            done,
                            total,
                        });
                    }
                };
                Some((
                    hash,
                    extractor.extract_reporting(path, text, *date, &progress),
                    false,
                ))
            })
            .collect();
        let Some(extracted) = extracted else {
            if let Some(Err(err)) = extractor.get() {
                emit(ExtractionEvent::Failed(err.clone()));
            }
            return outcome;
        };
        paths.extend(batch.into_iter().map(|(path, _, _)| path));
        for (hash, doc, reused) in extracted {
            if reused {
                outcome.reused += 1;
            } else {
                outcome.extracted += 1;
            }
            record(&mut outcome, hash, &doc);
            linker.add(doc);
        }
        emit(ExtractionEvent::Progress {
            done: linker.documents(),
        });
        if closed {
            break;
        }
        // While every result comes from the cache the whole reading is quick: the
        // sidebar waits for the final snapshot instead of paying for partial ones.
        let extracting = outcome.extracted > 0;
        if extracting && linker.documents() > snapshot_of && last_snapshot.elapsed() >= interval {
            let started = Instant::now();
            emit(snapshot(linker.snapshot(), &paths, false));
            snapshot_of = linker.documents();
            last_snapshot = Instant::now();
            interval = MIN_SNAPSHOT_INTERVAL.max(started.elapsed() * 5);
        }
    }
    // Freeing a large cache takes a second or more: not on the way to the snapshot.
    if let Some(previous) = previous {
        let _ = std::thread::Builder::new()
            .name("free-cache".into())
            .spawn(move || drop(previous));
    }
    if !cancel.load(Ordering::Relaxed) {
        let last = snapshot(linker.finish(), &paths, true);
        if let ExtractionEvent::Snapshot(last) = &last {
            outcome.linked = Some((Arc::clone(&last.extraction), Arc::clone(&last.paths)));
        }
        emit(last);
    }
    outcome
}

/// Adds a document's results to the cache being written; a write error stops the
/// recording (the extraction goes on) and is kept for the caller to report.
fn record(outcome: &mut ExtractionOutcome, text_hash: u64, entities: &DocumentEntities) {
    let Some(writer) = outcome.writer.as_mut() else {
        return;
    };
    let record = CachedEntitiesRef {
        text_hash,
        entities,
    };
    if let Err(err) = writer.write(&record) {
        if let Some(writer) = outcome.writer.take() {
            writer.abandon();
        }
        outcome.write_error = Some(err);
    }
}

fn snapshot(extraction: Extraction, paths: &[String], complete: bool) -> ExtractionEvent {
    let index = EntityIndex::build(&extraction, paths);
    ExtractionEvent::Snapshot(Box::new(EntitySnapshot {
        extraction: Arc::new(extraction),
        paths: Arc::new(paths.to_vec()),
        index,
        complete,
        corrected: None,
    }))
}

/// What a document's extraction depends on: its text and, when it has one, its own
/// date (a new date in the metadata reads "in July" again).
fn extraction_hash(text: &str, document_date: Option<DateValue>) -> u64 {
    let hash = text_hash(text);
    match document_date {
        Some(date) => hash ^ text_hash(&date.iso()).rotate_left(17),
        None => hash,
    }
}

/// Waits for at least one document (or the end of the feed), then takes what else is
/// queued, up to a batch. Returns the batch and whether the feed has ended, or `None`
/// once `cancel` is set.
fn next_batch(receiver: &Receiver<Queued>, cancel: &AtomicBool) -> Option<(Vec<Queued>, bool)> {
    let mut batch = Vec::new();
    while batch.is_empty() {
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
        match receiver.recv_timeout(Duration::from_millis(100)) {
            Ok(item) => batch.push(item),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return Some((batch, true)),
        }
    }
    while batch.len() < BATCH {
        match receiver.try_recv() {
            Ok(item) => batch.push(item),
            Err(TryRecvError::Empty) => return Some((batch, false)),
            Err(TryRecvError::Disconnected) => return Some((batch, true)),
        }
    }
    Some((batch, false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn documents_fed_in_order_end_in_a_complete_snapshot() {
        let events = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&events);
        let cancel = Arc::new(AtomicBool::new(false));
        let feed = start_extraction(cancel, move |e| {
            sink.lock().expect("not poisoned").push(e);
        })
        .expect("thread starts");
        feed.push(
            "a.txt".into(),
            "Amina Okafor flew to Lagos on 3 March 1999.".into(),
        );
        feed.push("b.txt".into(), "Nothing to see here.".into());
        feed.finish().join().expect("thread ends");
        let events = events.lock().expect("not poisoned");
        let Some(ExtractionEvent::Snapshot(last)) = events.last() else {
            panic!("the last event is a snapshot: {events:?}");
        };
        assert!(last.complete);
        assert_eq!(*last.paths, ["a.txt", "b.txt"]);
        let lagos = last.index.find("place:lagos").expect("Lagos found");
        assert_eq!(
            last.index.entity(lagos).map(|e| e.docs.clone()),
            Some(vec![0])
        );
        assert!(
            events
                .iter()
                .any(|e| matches!(e, ExtractionEvent::Progress { done: 2 }))
        );
    }

    #[test]
    fn a_snapshot_corrected_off_the_ui_thread_keeps_the_engines_index_beside() {
        let feed = start_extraction(Arc::new(AtomicBool::new(false)), |_| {}).expect("starts");
        feed.push(
            "a.txt".into(),
            "Amina Okafor flew to Lagos on 3 March 1999.".into(),
        );
        let outcome = feed.finish().join().expect("thread ends");
        let (extraction, paths) = outcome.linked.expect("a complete snapshot");
        let mut snapshot = EntitySnapshot {
            index: EntityIndex::build(&extraction, &paths),
            extraction,
            paths,
            complete: true,
            corrected: None,
        };
        let corrections = vec![
            Correction::Rename {
                id: "place:lagos".into(),
                name: "Lagos City".into(),
            },
            Correction::Rename {
                id: "person:nobody".into(),
                name: "Somebody".into(),
            },
        ];
        snapshot.correct(&corrections);
        let corrected = snapshot.corrected.as_ref().expect("corrected");
        assert_eq!(corrected.corrections, corrections);
        let name = |index: &EntityIndex| {
            let lagos = index.find("place:lagos").expect("Lagos found");
            index.entity(lagos).map(|e| e.name.clone())
        };
        assert_eq!(name(&corrected.index).as_deref(), Some("Lagos City"));
        assert_eq!(name(&snapshot.index).as_deref(), Some("Lagos"));
        assert_eq!(
            corrected.problems.len(),
            1,
            "the missing person is reported"
        );
    }

    #[test]
    fn a_cancelled_extraction_emits_no_snapshot() {
        let events = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&events);
        let cancel = Arc::new(AtomicBool::new(true));
        let feed = start_extraction(cancel, move |e| {
            sink.lock().expect("not poisoned").push(e);
        })
        .expect("thread starts");
        feed.push("a.txt".into(), "Amina Okafor flew to Lagos.".into());
        feed.finish().join().expect("thread ends");
        let events = events.lock().expect("not poisoned");
        assert!(
            !events
                .iter()
                .any(|e| matches!(e, ExtractionEvent::Snapshot(_)))
        );
    }
}
