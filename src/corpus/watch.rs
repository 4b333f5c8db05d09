//! Noticing changes in an open corpus folder (files added, changed, removed) so the
//! app can read it again; only reads the kernel's change notices, never the folder.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use notify::event::ModifyKind;
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use super::Format;

/// Watches a folder and its subfolders for as long as it lives.
pub struct FolderWatch {
    _watcher: RecommendedWatcher,
    notice: ChangeNotice,
}

/// Tells a watch of changes found another way (a check of the folder against its
/// last reading): they are taken with the next [`FolderWatch::settled`], at once.
#[derive(Clone)]
pub struct ChangeNotice {
    pending: Arc<Mutex<Pending>>,
    wake: Arc<dyn Fn() + Send + Sync>,
}

impl ChangeNotice {
    pub fn changed(&self, paths: impl IntoIterator<Item = PathBuf>) {
        let mut pending = self.pending.lock().unwrap_or_else(PoisonError::into_inner);
        pending.paths.extend(paths);
        pending.due_now = true;
        pending.last = Some(Instant::now());
        drop(pending);
        (self.wake)();
    }
}

#[derive(Default)]
struct Pending {
    paths: HashSet<PathBuf>,
    last: Option<Instant>,
    /// The changes are known to be complete: no need to wait for quiet.
    due_now: bool,
}

impl std::fmt::Debug for FolderWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FolderWatch").finish_non_exhaustive()
    }
}

impl FolderWatch {
    /// Starts watching `root`; `wake` is called on every change (to wake a UI).
    pub fn start(root: &Path, wake: impl Fn() + Send + Sync + 'static) -> notify::Result<Self> {
        let pending = Arc::new(Mutex::new(Pending::default()));
        let wake: Arc<dyn Fn() + Send + Sync> = Arc::new(wake);
        let seen = Arc::clone(&pending);
        let wake_on_event = Arc::clone(&wake);
        let mut watcher = notify::recommended_watcher(move |event: notify::Result<Event>| {
            let Ok(event) = event else {
                return;
            };
            let paths: Vec<PathBuf> = event
                .paths
                .into_iter()
                .filter(|p| may_hold_documents(p))
                .collect();
            if !is_change(&event.kind) || paths.is_empty() {
                return;
            }
            let mut pending = seen.lock().unwrap_or_else(PoisonError::into_inner);
            pending.paths.extend(paths);
            pending.last = Some(Instant::now());
            drop(pending);
            wake_on_event();
        })?;
        watcher.watch(root, RecursiveMode::Recursive)?;
        Ok(FolderWatch {
            _watcher: watcher,
            notice: ChangeNotice { pending, wake },
        })
    }

    /// A way to add changes found otherwise, usable from another thread.
    pub fn notice(&self) -> ChangeNotice {
        self.notice.clone()
    }

    /// How many paths changed, once nothing has changed for `quiet` (so a copy of
    /// many files is taken in one go); the count starts again from zero.
    pub fn settled(&self, quiet: Duration) -> Option<usize> {
        let mut pending = self
            .notice
            .pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let last = pending.last?;
        if last.elapsed() < quiet && !pending.due_now {
            return None;
        }
        let changed = pending.paths.len();
        *pending = Pending::default();
        Some(changed)
    }
}

/// A file the app reads, or a folder (which may have brought or taken files with it).
/// A workspace saved in the corpus folder, or an editor's temporary file, is not.
fn may_hold_documents(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) => Format::from_extension(ext).is_some(),
        None => true,
    }
}

/// Files created, written, renamed or removed; not reads or access-time updates
/// (the app's own reading must not look like a change).
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        // Attribute changes (access times, permissions) are not new content; a write
        // also reports itself as a data change.
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_document_is_noticed_and_reading_is_not() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("a.txt"), "old").expect("writes");
        let watch = FolderWatch::start(dir.path(), || {}).expect("watches");
        let _ = std::fs::read(dir.path().join("a.txt"));
        std::fs::write(dir.path().join("notes.ron"), "()").expect("writes");
        std::thread::sleep(Duration::from_millis(300));
        assert_eq!(
            watch.settled(Duration::ZERO),
            None,
            "reading a document or saving a workspace is not a change"
        );
        std::fs::create_dir(dir.path().join("sub")).expect("creates");
        std::fs::write(dir.path().join("sub/b.txt"), "new").expect("writes");
        let started = Instant::now();
        let mut changed = None;
        while changed.is_none() && started.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(50));
            changed = watch.settled(Duration::from_millis(100));
        }
        assert!(changed.is_some_and(|n| n >= 1), "{changed:?}");
    }
}
