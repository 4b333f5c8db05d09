//! One open corpus folder and everything that lives only while it is open: the model, the
//! reading job and the folder watch, the panels and their caches, the Problems window.
//! Opening a folder makes a session and closing drops it, so nothing of one folder can show
//! in the next and no counter has to be reset by hand.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::central::CentralTab;
use super::error::AppError;
use super::format::count;
use super::jobs::{IngestJob, Tasks, WATCH_QUIET};
use super::model::Model;
use super::notices::{Level, Notice, Notices};
use super::views::CorpusViews;
use crate::corpus::{FolderWatch, IngestEvent};
use crate::workspace::{RecentKind, Workspace};

pub struct CorpusSession {
    /// Tells this session's answers from those of a session closed before, while the app runs.
    pub id: u64,
    pub model: Model,
    /// The panels and their caches of rows derived from the model.
    pub views: CorpusViews,
    /// The reading of the folder under way, if any.
    pub reading: Option<ActiveReading>,
    /// Watches the folder for files added, changed or removed; each reading starts one.
    pub watch: Option<FolderWatch>,
    pub show_problems: bool,
}

/// A reading of the folder under way, and what waits for it to get far enough.
pub struct ActiveReading {
    pub job: IngestJob,
    /// The Recent entry to add once the folder turns out to open.
    add_to_recent: Option<(PathBuf, RecentKind)>,
    /// The workspace's selected document, selected when it arrives.
    select: Option<String>,
}

/// What a frame's share of the reading asks of the window.
#[derive(Default)]
pub struct ReadingNews {
    /// The folder opened: it goes on the Recent list.
    pub opened: Option<(PathBuf, RecentKind)>,
    /// Messages for the user, in the order they arose.
    pub notices: Vec<Notice>,
    /// The reading ended well: the search index can be built.
    pub read: bool,
    /// The reading failed before anything of the folder could be shown: close it.
    pub failed_empty: bool,
}

/// What a session may use of the window while it applies a command: the egui context, the
/// task threads, the notices, the central area's tab and the app's data folder.
pub struct WindowCtx<'a> {
    pub egui: &'a egui::Context,
    pub tasks: &'a Tasks,
    pub notices: &'a mut Notices,
    pub central: &'a mut CentralTab,
    /// Where the folder's cache (and its search index) is kept.
    pub data_dir: &'a Path,
}

impl WindowCtx<'_> {
    /// Runs a task; a thread that cannot start is reported as `what` could not be done.
    pub fn spawn(
        &mut self,
        name: &str,
        what: &'static str,
        work: impl FnOnce() -> super::jobs::JobResult + Send + 'static,
    ) -> bool {
        match self.tasks.spawn(name, self.egui, work) {
            Ok(()) => true,
            Err(source) => {
                self.notices.error(&AppError::Thread { what, source });
                false
            }
        }
    }
}

impl CorpusSession {
    /// A session showing `folder` with `workspace`, before anything of it is read.
    pub fn new(folder: &Path, workspace: Workspace, file: Option<PathBuf>) -> Self {
        static SESSIONS: AtomicU64 = AtomicU64::new(1);
        Self {
            id: SESSIONS.fetch_add(1, Ordering::Relaxed),
            views: CorpusViews::new(&workspace.list.filter),
            model: Model::new(folder, workspace, file),
            reading: None,
            watch: None,
            show_problems: false,
        }
    }

    /// Empties the lists to read the same folder again with `workspace`; the views stay as
    /// the user left them.
    pub fn reset(&mut self, workspace: Workspace, file: Option<PathBuf>) {
        self.cancel_reading();
        self.reading = None;
        // The new reading watches the folder from its start.
        self.watch = None;
        self.views.documents.sync_filter(&workspace.list.filter);
        self.views.order.clear();
        let folder = self.model.corpus.clone();
        self.model.reset_for(&folder, workspace, file);
        self.show_problems = false;
    }

    /// Follows `job`, which reads the folder; `recent` is added to Recent once it opens.
    pub fn start_reading(&mut self, job: IngestJob, recent: Option<(PathBuf, RecentKind)>) {
        self.reading = Some(ActiveReading {
            job,
            add_to_recent: recent,
            select: self.model.workspace.selected_document.clone(),
        });
    }

    /// Asks the reading under way, if any, to stop after the current file.
    pub fn cancel_reading(&self) {
        if let Some(reading) = &self.reading {
            reading.job.cancel();
        }
    }

    pub fn is_reading(&self) -> bool {
        self.reading.is_some()
    }

    /// How many files changed in the folder, once it has been quiet for a moment after a
    /// change and no reading is running.
    pub fn folder_changed(&self) -> Option<usize> {
        if self.reading.is_some() {
            return None;
        }
        self.watch.as_ref()?.settled(WATCH_QUIET)
    }

    /// Takes what the reading sent since the last frame (within the frame's budget) into
    /// the model, and says what the window should do about it.
    pub fn drain_reading(&mut self) -> ReadingNews {
        let mut news = ReadingNews::default();
        let Some(reading) = self.reading.as_mut() else {
            return news;
        };
        let drained = reading.job.drain();
        if drained.started {
            news.opened = reading.add_to_recent.take();
        }
        for event in drained.events {
            match event {
                IngestEvent::Document(doc) => {
                    if reading.select.as_deref() == Some(doc.rel_path.as_str()) {
                        reading.select = None;
                        self.model.selected = Some(self.model.documents.len());
                    }
                    self.model.documents.push(*doc);
                }
                IngestEvent::Problem(problem) => self.model.problems.push(problem),
                _ => {}
            }
        }
        if let Some(snapshot) = drained.snapshot {
            self.model.set_entities(*snapshot);
        }
        if let Some(err) = drained.extraction_failed {
            news.notices.push(error(&err));
        }
        let Some(finished) = drained.finished else {
            return news;
        };
        self.reading = None;
        let watch_failed = match drained.watch {
            Some(Ok(watch)) => {
                self.watch = Some(watch);
                None
            }
            Some(Err(err)) => Some(err),
            None => None,
        };
        // A workspace's restored selection may be far down the list.
        if self.model.selected.is_some() {
            self.views.documents.scroll_to_selection();
        }
        news.read = finished.is_ok();
        match finished {
            Ok(read) if read.summary.cancelled => news.notices.push(Notice {
                level: Level::Info,
                text: format!(
                    "Reading was cancelled: {} documents were read, the rest were skipped.",
                    self.model.documents.len()
                ),
            }),
            Ok(read) => {
                let warning = read.notice.or_else(|| {
                    watch_failed.map(|err| {
                        format!(
                            "Changes to files in this folder will not show by themselves \
                             ({err}); use File > Rebuild index after changing them."
                        )
                    })
                });
                news.notices.extend(warning.map(|text| Notice {
                    level: Level::Warning,
                    text,
                }));
            }
            Err(err) => {
                news.notices.push(error(&err));
                news.failed_empty = self.model.documents.is_empty();
            }
        }
        news
    }

    /// The message shown when the folder changed and is read again.
    pub fn changed_notice(changed: usize) -> String {
        format!(
            "{} in the folder changed; the documents are being updated.",
            count(changed, "file", "files")
        )
    }
}

fn error(err: &AppError) -> Notice {
    Notice {
        level: Level::Error,
        text: err.to_string(),
    }
}

impl Drop for CorpusSession {
    /// A folder closed or replaced stops being read.
    fn drop(&mut self) {
        self.cancel_reading();
    }
}
