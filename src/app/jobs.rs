//! Background work: the ingest job and small one-shot tasks (file dialogs, workspace load and
//! save, Recent list and recovery writes). Each runs on a named thread and reports over a
//! channel that the app drains once per frame, so the UI thread never waits on a disk.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::time::{Duration, Instant};

use crate::cache::CacheDir;
use crate::corpus::{FolderWatch, IngestEvent, IngestOptions};
use crate::entities::Correction;
use crate::reading::{CorpusRead, EntitySnapshot, ExtractionEvent, read_corpus, reopen_corpus};

use super::error::AppError;
use super::picker::{DialogRequest, PickOutcome};
use crate::extract::gazetteer::GazetteerError;
use crate::workspace::{Preferences, Recovery, Workspace, WorkspaceError};

/// How long one frame may spend taking ingest events off the channel.
const DRAIN_BUDGET: Duration = Duration::from_millis(4);
/// And at most this many events per frame, so the list grows smoothly.
const DRAIN_MAX_EVENTS: usize = 5_000;

/// What a path on disk turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathKind {
    Folder,
    Workspace,
    OtherFile,
    Missing,
}

/// The answer of a one-shot task.
#[derive(Debug)]
pub enum JobResult {
    Picked(DialogRequest, PickOutcome),
    PathKind(PathBuf, PathKind),
    /// A workspace was read (or recovered); the folder is where its corpus is now, if found.
    WorkspaceLoaded {
        path: Option<PathBuf>,
        recovered: bool,
        result: Result<(Workspace, Option<PathBuf>), WorkspaceError>,
    },
    WorkspaceSaved {
        path: PathBuf,
        /// The corpus session saved, and its change counter when the snapshot was taken.
        session: u64,
        generation: u64,
        result: Result<(), WorkspaceError>,
    },
    RecoveryFound(Result<Option<Recovery>, WorkspaceError>),
    /// The gazetteer places a place's names could be.
    PlaceCandidates {
        id: String,
        result: Result<Vec<super::model::PlaceCandidate>, &'static GazetteerError>,
    },
    /// An export was written (or not).
    Exported {
        what: &'static str,
        path: PathBuf,
        result: Result<(), AppError>,
    },
    /// The full-text index of the reading numbered `generation`.
    SearchIndexBuilt {
        generation: u64,
        result: Result<std::sync::Arc<crate::search::SearchIndex>, String>,
    },
    /// The documents a query matched.
    Searched {
        generation: u64,
        text: String,
        query: std::sync::Arc<crate::search::Query>,
        result: Result<Vec<crate::search::DocHit>, String>,
    },
    ConcordanceBuilt {
        generation: u64,
        filter_generation: u64,
        order: crate::search::KwicOrder,
        lines: Vec<crate::search::KwicLine>,
        truncated: bool,
    },
    /// A write whose only interesting outcome is an error (Recent list, recovery copy).
    Written(Result<(), WorkspaceError>),
}

/// One-shot tasks on named threads, all answering on one channel.
pub struct Tasks {
    sender: Sender<JobResult>,
    receiver: Receiver<JobResult>,
    running: Arc<AtomicUsize>,
}

impl Default for Tasks {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            running: Arc::default(),
        }
    }
}

impl Tasks {
    /// Runs `work` on a thread called `name`; its result arrives through [`Tasks::poll`].
    pub fn spawn(
        &self,
        name: &str,
        ctx: &egui::Context,
        work: impl FnOnce() -> JobResult + Send + 'static,
    ) -> std::io::Result<()> {
        let sender = self.sender.clone();
        let running = Arc::clone(&self.running);
        let ctx = ctx.clone();
        running.fetch_add(1, Ordering::SeqCst);
        let spawned = std::thread::Builder::new()
            .name(name.to_string())
            .spawn(move || {
                let result = work();
                // The receiver lives as long as the app; if it is gone, nobody is waiting.
                // The task counts as running until `poll` has taken its result.
                if sender.send(result).is_err() {
                    running.fetch_sub(1, Ordering::SeqCst);
                }
                ctx.request_repaint();
            });
        if spawned.is_err() {
            self.running.fetch_sub(1, Ordering::SeqCst);
        }
        spawned.map(|_| ())
    }

    /// The results that have arrived since the last call.
    pub fn poll(&self) -> Vec<JobResult> {
        let results: Vec<JobResult> = self.receiver.try_iter().collect();
        self.running.fetch_sub(results.len(), Ordering::SeqCst);
        results
    }

    /// True while any task is running or its result has not been taken yet.
    pub fn busy(&self) -> bool {
        self.running.load(Ordering::SeqCst) > 0
    }
}

enum IngestMessage {
    Event(IngestEvent),
    Extraction(ExtractionEvent),
    Finished(
        Result<CorpusRead, AppError>,
        Option<Result<FolderWatch, String>>,
    ),
}

/// What one frame took off the ingest channel.
#[derive(Default)]
pub struct Drained {
    /// Documents and problems, in arrival order.
    pub events: Vec<IngestEvent>,
    /// The folder was walked: it opened successfully.
    pub started: bool,
    /// The newest entities snapshot, if one arrived.
    pub snapshot: Option<Box<EntitySnapshot>>,
    /// The extraction engine could not start.
    pub extraction_failed: Option<AppError>,
    /// Set once, when the job has ended.
    pub finished: Option<Result<CorpusRead, AppError>>,
    /// The watch on the folder for changes, started before the reading (or why not).
    pub watch: Option<Result<FolderWatch, String>>,
}

/// How long the folder must stay unchanged before changes are read, so that copying
/// many files in is read once.
pub const WATCH_QUIET: Duration = Duration::from_millis(1500);

/// How a folder is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Opened by the user: the last reading is shown at once when the cache holds it,
    /// then the folder is checked for changes made since.
    Reopen,
    /// Files changed: every file is looked at, unchanged ones come from the cache.
    Update,
    /// Forget the cache: read and extract every file again.
    Rebuild,
}

/// What to read and how.
pub struct ReadRequest {
    pub root: PathBuf,
    /// The size limit is read from the preferences on the job's thread.
    pub preferences_file: PathBuf,
    /// The app's data folder, where the folder's reading is kept between sessions.
    pub data_dir: PathBuf,
    pub reading: Reading,
    /// The workspace's corrections, applied to the entities before they reach the UI.
    pub corrections: Vec<Correction>,
}

/// How far the extraction of one long document has got, in bytes of its text.
pub struct InDocument {
    pub path: String,
    pub done: usize,
    pub total: usize,
}

/// The ingest of one corpus folder, running on its own thread.
pub struct IngestJob {
    pub root: PathBuf,
    /// Files read so far and files to read (`None` until the walk is done).
    pub done: usize,
    pub total: Option<usize>,
    /// The file being read now, relative to the corpus folder.
    pub current: String,
    /// Documents whose people, places and dates have been found.
    pub extracted: usize,
    /// A long document being extracted now, and how far it has got.
    pub in_document: Option<InDocument>,
    receiver: Receiver<IngestMessage>,
    cancel: Arc<AtomicBool>,
}

impl IngestJob {
    /// Starts reading `root` and finding the entities of each document as it is read. The
    /// size limit comes from the preferences file, read on the job's thread.
    pub fn start(request: ReadRequest, ctx: &egui::Context) -> std::io::Result<Self> {
        let ReadRequest {
            root,
            preferences_file,
            data_dir,
            reading,
            corrections,
        } = request;
        let (sender, receiver) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let job_cancel = Arc::clone(&cancel);
        let job_root = root.clone();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("ingest".into())
            .spawn(move || {
                // A cache that cannot be removed is not used either: the reading is fresh.
                let cache = Some(CacheDir::for_corpus(&data_dir, &job_root))
                    .filter(|c| reading != Reading::Rebuild || c.clear().is_ok());
                let preferences = Preferences::load(&preferences_file);
                let options = IngestOptions {
                    max_file_bytes: preferences.max_file_mb.saturating_mul(1024 * 1024),
                };
                // Watching starts before reading, so a change made meanwhile is not missed.
                let wake = ctx.clone();
                let watch = FolderWatch::start(&job_root, move || {
                    wake.request_repaint_after(WATCH_QUIET + Duration::from_millis(50));
                })
                .map_err(|err| err.to_string());
                // Changes made while the folder was closed go where the watch's go.
                let notice = watch.as_ref().ok().map(FolderWatch::notice);
                let extraction_sender = sender.clone();
                let extraction_ctx = ctx.clone();
                let on_extraction = move |mut event| {
                    if let ExtractionEvent::Snapshot(snapshot) = &mut event {
                        snapshot.correct(&corrections);
                    }
                    let _ = extraction_sender.send(IngestMessage::Extraction(event));
                    extraction_ctx.request_repaint();
                };
                let on_ingest = |event| {
                    let _ = sender.send(IngestMessage::Event(event));
                };
                let result = match (&cache, reading, &notice) {
                    (Some(cache), Reading::Reopen, Some(_)) => reopen_corpus(
                        &job_root,
                        &options,
                        cache,
                        &job_cancel,
                        on_ingest,
                        on_extraction,
                    ),
                    _ => read_corpus(
                        &job_root,
                        &options,
                        cache.as_ref(),
                        &job_cancel,
                        on_ingest,
                        on_extraction,
                    ),
                };
                let mut result = result.map_err(|source| AppError::Folder {
                    folder: job_root.clone(),
                    source,
                });
                let last_reading = match &mut result {
                    Ok(read) if read.reopened => Some(std::mem::take(&mut read.summary.manifest)),
                    _ => None,
                };
                let _ = sender.send(IngestMessage::Finished(result, Some(watch)));
                ctx.request_repaint();
                if let (Some(manifest), Some(notice)) = (last_reading, notice) {
                    match manifest.changes(&job_root, &job_cancel) {
                        Ok(changes) if changes.is_empty() => {}
                        Ok(changes) => notice.changed(changes),
                        // Read it again, so that the reading says what is wrong.
                        Err(_) => notice.changed([job_root.clone()]),
                    }
                }
            })?;
        Ok(Self {
            root,
            done: 0,
            total: None,
            current: String::new(),
            extracted: 0,
            in_document: None,
            receiver,
            cancel,
        })
    }

    /// True once every file has been read (extraction may still be running).
    pub fn reading_done(&self) -> bool {
        self.total.is_some_and(|total| self.done >= total)
    }

    /// Asks the job to stop after the current file.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Takes what has arrived, within this frame's time budget.
    pub fn drain(&mut self) -> Drained {
        let started = Instant::now();
        let mut drained = Drained::default();
        while drained.events.len() < DRAIN_MAX_EVENTS && started.elapsed() < DRAIN_BUDGET {
            match self.receiver.try_recv() {
                Ok(IngestMessage::Event(event)) => self.note(event, &mut drained),
                Ok(IngestMessage::Extraction(event)) => match event {
                    ExtractionEvent::Progress { done } => {
                        self.extracted = done;
                        self.in_document = None;
                    }
                    ExtractionEvent::InDocument { path, done, total } => {
                        self.in_document = Some(InDocument { path, done, total });
                    }
                    ExtractionEvent::Snapshot(snapshot) => drained.snapshot = Some(snapshot),
                    ExtractionEvent::Failed(err) => {
                        drained.extraction_failed = Some(AppError::Extraction(err));
                    }
                },
                Ok(IngestMessage::Finished(result, watch)) => {
                    drained.finished = Some(result);
                    drained.watch = watch;
                    break;
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    drained.finished = Some(Err(AppError::ReadingStopped(self.root.clone())));
                    break;
                }
            }
        }
        drained
    }

    fn note(&mut self, event: IngestEvent, drained: &mut Drained) {
        match event {
            IngestEvent::Started { total } => {
                self.total = Some(total);
                drained.started = true;
            }
            IngestEvent::Progress {
                done,
                total,
                current,
            } => {
                self.done = done;
                self.total = Some(total);
                self.current = current;
            }
            other => drained.events.push(other),
        }
    }
}
