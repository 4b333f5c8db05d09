//! The ingest job: walk a folder, then read and decode its files in parallel,
//! reporting progress, documents and problems as events so a UI can fill in
//! as it goes. Documents are emitted in `rel_path` order, so the n-th
//! document event is always the same file for the same folder.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{SyncSender, sync_channel};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::error::CorpusError;
use super::manifest::{FileStamp, Manifest};
use super::reader::{FileDocuments, read_file};
use super::walk::{FoundFile, walk};
use super::{Document, Problem};

/// Settings the user can change in preferences.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Files larger than this are skipped and listed as problems.
    pub max_file_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        Self {
            max_file_bytes: 50 * 1024 * 1024,
        }
    }
}

/// What an ingest reports while it runs, in order: `Started` once, then
/// documents and problems interleaved with `Progress`.
#[derive(Debug, Clone)]
pub enum IngestEvent {
    /// The walk is done: this many candidate files will be read.
    Started {
        total: usize,
    },
    /// Sent at most every 1% of the files or 50 ms, and once at the end.
    Progress {
        done: usize,
        total: usize,
        current: String,
    },
    Document(Box<Document>),
    Problem(Problem),
}

/// What earlier readings gave (the corpus cache): taken instead of reading a file
/// that has not changed since, and told of every file read now.
pub trait Reuse: Sync {
    /// What the file at `path` gave before, if it is unchanged since.
    fn reuse(&self, path: &Path, rel_path: &str) -> Option<FileDocuments>;
    /// A file was read (or reused) and gave these documents and problems.
    fn record(&self, rel_path: &str, read: &FileDocuments);
}

/// Totals at the end of an ingest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestSummary {
    /// Every file found, with the size and date it had when read (complete only when
    /// the ingest was not cancelled).
    pub manifest: Manifest,
    pub documents: usize,
    /// Files that gave documents (an e-mail and its attachments are one file).
    pub files: usize,
    /// Of those, the files taken from an earlier reading without being opened.
    pub reused: usize,
    pub problems: usize,
    pub bytes_read: u64,
    pub cancelled: bool,
}

/// The first batch is small so the first documents show quickly; later
/// batches grow to keep both cores busy. A batch's texts are kept by the
/// caller anyway, so batches are bounded by file count, not bytes.
const FIRST_BATCH_FILES: usize = 16;
const MAX_BATCH_FILES: usize = 1024;
const PROGRESS_INTERVAL: Duration = Duration::from_millis(50);

/// Reads every supported file below `root`, sending events to `sink`.
/// Checks `cancel` between files. Fails only if `root` itself is unusable.
/// Never writes anything below `root`.
pub fn ingest_folder(
    root: &Path,
    options: &IngestOptions,
    cancel: &AtomicBool,
    sink: impl FnMut(IngestEvent),
) -> Result<IngestSummary, CorpusError> {
    ingest_folder_reusing(root, options, None, cancel, sink)
}

/// Like [`ingest_folder`], taking unchanged files' documents from `reuse` instead of
/// reading them.
pub fn ingest_folder_reusing(
    root: &Path,
    options: &IngestOptions,
    reuse: Option<&dyn Reuse>,
    cancel: &AtomicBool,
    mut sink: impl FnMut(IngestEvent),
) -> Result<IngestSummary, CorpusError> {
    let walked = walk(root, cancel)?;
    let total = walked.files.len();
    sink(IngestEvent::Started { total });
    let mut summary = IngestSummary {
        problems: walked.problems.len(),
        cancelled: walked.cancelled,
        ..IngestSummary::default()
    };
    summary.manifest.walk_problems.clone_from(&walked.problems);
    for problem in walked.problems {
        sink(IngestEvent::Problem(problem));
    }
    let mut progress = ProgressPacer::new(total);
    // A reader thread reads batch after batch in parallel while this thread hands the
    // previous batch to the sink, so the sink's work overlaps the reading.
    let files = walked.files.as_slice();
    let (batches, received) = sync_channel::<Batch>(2);
    let mut seen = 0;
    std::thread::scope(|scope| {
        scope.spawn(move || read_batches(files, options, reuse, cancel, &batches));
        for results in received {
            for (index, result) in results {
                seen += 1;
                let Some((result, reused)) = result else {
                    summary.cancelled = true;
                    continue;
                };
                let file = &files[index];
                take_file(&mut summary, file, result, reused, reuse, &mut sink);
                if let Some(event) = progress.advance(&file.rel_path) {
                    sink(event);
                }
            }
        }
    });
    // The reader stops early only when cancelled: files it never read were skipped.
    summary.cancelled |= seen < files.len();
    if let Some(event) = progress.finish() {
        sink(event);
    }
    Ok(summary)
}

type ReadResult = Result<FileDocuments, Problem>;

/// Files read in one parallel step, by position in the walk: what reading each gave and
/// whether it came from `reuse`, or `None` when cancelled before it was read.
type Batch = Vec<(usize, Option<(ReadResult, bool)>)>;

/// Reads `files` in parallel batches that grow as the reading goes (the first documents
/// show at once), sending each down `batches` until done, cancelled or unheard.
fn read_batches(
    files: &[FoundFile],
    options: &IngestOptions,
    reuse: Option<&dyn Reuse>,
    cancel: &AtomicBool,
    batches: &SyncSender<Batch>,
) {
    let mut start = 0;
    let mut batch_files = FIRST_BATCH_FILES;
    while start < files.len() {
        let len = batch_files.min(files.len() - start);
        let batch = &files[start..start + len];
        let results: Batch = batch
            .par_iter()
            .enumerate()
            .map(|(i, file)| {
                let read = (!cancel.load(Ordering::Relaxed)).then(|| {
                    match reuse.and_then(|r| r.reuse(&file.path, &file.rel_path)) {
                        Some(read) => (Ok(read), true),
                        None => (read_one(file, options), false),
                    }
                });
                (start + i, read)
            })
            .collect();
        let stop = cancel.load(Ordering::Relaxed);
        if batches.send(results).is_err() || stop {
            return;
        }
        start += len;
        batch_files = (batch_files * 2).min(MAX_BATCH_FILES);
    }
}

/// Counts one file's reading in `summary`, stamps it in the manifest, records it for
/// `reuse`, and hands its documents and problems to `sink`.
fn take_file(
    summary: &mut IngestSummary,
    file: &FoundFile,
    result: ReadResult,
    reused: bool,
    reuse: Option<&dyn Reuse>,
    sink: &mut impl FnMut(IngestEvent),
) {
    let read = match result {
        Ok(read) => read,
        Err(problem) => {
            summary
                .manifest
                .files
                .push(FileStamp::of(&file.path, &file.rel_path));
            summary.problems += 1;
            sink(IngestEvent::Problem(problem));
            return;
        }
    };
    summary.manifest.files.push(match read.documents.first() {
        Some(doc) => FileStamp {
            rel_path: file.rel_path.clone(),
            bytes: Some(doc.bytes),
            modified: doc.modified,
            status_changed: None,
        },
        None => FileStamp::of(&file.path, &file.rel_path),
    });
    if let Some(cache) = reuse {
        cache.record(&file.rel_path, &read);
    }
    summary.files += 1;
    summary.reused += usize::from(reused);
    for doc in read.documents {
        summary.documents += 1;
        summary.bytes_read += doc.bytes;
        sink(IngestEvent::Document(Box::new(doc)));
    }
    for problem in read.problems {
        summary.problems += 1;
        sink(IngestEvent::Problem(problem));
    }
}

fn read_one(file: &FoundFile, options: &IngestOptions) -> ReadResult {
    read_file(
        &file.path,
        &file.rel_path,
        file.format,
        options.max_file_bytes,
    )
    .map_err(|err| {
        // Only a skipped file is asked for its size separately, for the Problems list.
        let size = std::fs::metadata(&file.path).map(|m| m.len()).ok();
        Problem::new(&file.rel_path, &err, size)
    })
}

/// Decides when a `Progress` event is due, so a 100,000-file corpus does not
/// flood the UI with 100,000 events.
struct ProgressPacer {
    done: usize,
    total: usize,
    step: usize,
    last_done: usize,
    last_time: Instant,
    current: String,
}

impl ProgressPacer {
    fn new(total: usize) -> Self {
        Self {
            done: 0,
            total,
            step: (total / 100).max(1),
            last_done: 0,
            last_time: Instant::now(),
            current: String::new(),
        }
    }

    fn advance(&mut self, rel_path: &str) -> Option<IngestEvent> {
        self.done += 1;
        rel_path.clone_into(&mut self.current);
        let due = self.done - self.last_done >= self.step
            || self.last_time.elapsed() >= PROGRESS_INTERVAL;
        due.then(|| self.event())
    }

    /// The closing event, unless the last one already said where we stopped.
    fn finish(&mut self) -> Option<IngestEvent> {
        (self.done != self.last_done).then(|| self.event())
    }

    fn event(&mut self) -> IngestEvent {
        self.last_done = self.done;
        self.last_time = Instant::now();
        IngestEvent::Progress {
            done: self.done,
            total: self.total,
            current: self.current.clone(),
        }
    }
}
