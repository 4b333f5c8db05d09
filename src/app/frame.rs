//! What happens at the start of every frame, before the panels draw: start-up, draining
//! the jobs, the close button, dropped files, shortcuts, recovery autosave, theme and title.

use std::time::{Duration, Instant};

use super::CorpusExplorerApp;
use super::command::Command;
use super::dialogs::Dialog;
use super::fonts;
use super::format::count;
use super::jobs::{JobResult, Reading, WATCH_QUIET};
use super::panels::menu;
use crate::corpus::IngestEvent;
use crate::workspace::{self, Recovery, Theme};

/// How often unsaved work is copied to the recovery file.
const RECOVERY_INTERVAL: Duration = Duration::from_secs(60);

impl CorpusExplorerApp {
    pub(super) fn before_frame(&mut self, ctx: &egui::Context) {
        if !self.started {
            self.start(ctx);
        }
        for result in self.tasks.poll() {
            self.on_job_result(ctx, result);
        }
        self.poll_ingest(ctx);
        self.follow_folder_changes(ctx);
        self.handle_close_request(ctx);
        self.handle_dropped_files(ctx);
        if !self.dialogs.is_open() {
            menu::shortcuts(ctx, &self.model, &mut self.commands);
        }
        self.autosave_recovery(ctx);
        self.apply_theme(ctx);
        let title = self.title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    fn start(&mut self, ctx: &egui::Context) {
        self.started = true;
        fonts::install(ctx);
        // Ctrl +/- change the reading text size (a workspace setting), not egui's zoom.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let file = self.dirs.recovery_file();
        let read = move || JobResult::RecoveryFound(workspace::read_recovery(&file));
        if let Err(err) = self.tasks.spawn("read-recovery", ctx, read) {
            self.banner = Some(format!("Could not check for unsaved work: {err}"));
        }
        if let Some(path) = self.initial.take() {
            self.commands.push(Command::OpenPath(path));
        }
    }

    fn poll_ingest(&mut self, ctx: &egui::Context) {
        let Some(job) = self.ingest.as_mut() else {
            return;
        };
        let drained = job.drain();
        ctx.request_repaint();
        let started = drained.started;
        let root = job.root.clone();
        if started && let Some((path, kind)) = self.recent_on_start.take() {
            self.add_recent(ctx, &path, kind);
        }
        for event in drained.events {
            match event {
                IngestEvent::Document(doc) => {
                    if self.pending_selection.as_deref() == Some(doc.rel_path.as_str()) {
                        self.pending_selection = None;
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
            self.banner = Some(format!(
                "People, places and dates could not be found in these documents: {err}"
            ));
        }
        let Some(finished) = drained.finished else {
            return;
        };
        self.ingest = None;
        let watch_failed = match drained.watch {
            Some(Ok(watch)) => {
                self.watch = Some(watch);
                None
            }
            Some(Err(err)) => Some(err),
            None => None,
        };
        self.recent_on_start = None;
        self.pending_selection = None;
        // A workspace's restored selection may be far down the list.
        if self.model.selected.is_some() {
            self.views.documents.scroll_to_selection();
        }
        if finished.is_ok() {
            self.commands.push(Command::BuildSearchIndex);
        }
        match finished {
            Ok(read) if read.summary.cancelled => {
                self.banner = Some(format!(
                    "Reading was cancelled: {} documents were read, the rest were skipped.",
                    self.model.documents.len()
                ));
            }
            Ok(read) => {
                if let Some(notice) = read.notice {
                    self.banner = Some(notice);
                } else if let Some(err) = watch_failed {
                    self.banner = Some(format!(
                        "Changes to files in this folder will not show by themselves \
                         ({err}); use File > Rebuild index after changing them."
                    ));
                }
            }
            Err(err) => {
                self.banner = Some(format!(
                    "Could not open the folder {}: {err}",
                    root.display()
                ));
                if self.model.documents.is_empty() {
                    self.model.close();
                }
            }
        }
    }

    /// Reads the folder again (only what changed is read and extracted) once files in
    /// it were added, changed or removed and it has been quiet for a moment.
    fn follow_folder_changes(&mut self, ctx: &egui::Context) {
        if self.ingest.is_some() {
            return;
        }
        let Some(changed) = self.watch.as_ref().and_then(|w| w.settled(WATCH_QUIET)) else {
            return;
        };
        self.reload_folder(ctx, Reading::Update);
        self.banner = Some(format!(
            "{} in the folder changed; the documents are being updated.",
            count(changed, "file", "files")
        ));
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) {
            return;
        }
        if self.model.is_dirty() && !self.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            if !self.dialogs.is_asking_to_save() {
                self.dialogs.push(Dialog::UnsavedChanges {
                    then: Box::new(Command::Quit),
                });
            }
            return;
        }
        if let Some(job) = &self.ingest {
            job.cancel();
        }
        // A clean exit: the recovery copy is not needed any more. This one small delete
        // happens as the window closes, when no frame is waiting on it.
        if let Err(err) = workspace::clear_recovery(&self.dirs.recovery_file()) {
            eprintln!("corpus-explorer: {err}");
        }
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        // One corpus at a time: the first dropped item wins.
        if let Some(file) = dropped.into_iter().next() {
            let path = file.path().to_path_buf();
            if path.as_os_str().is_empty() {
                self.banner =
                    Some("That cannot be opened: drop a folder or a .ron workspace file.".into());
            } else {
                self.commands.push(Command::OpenPath(path));
            }
        }
    }

    fn autosave_recovery(&mut self, ctx: &egui::Context) {
        if !self.model.is_dirty() {
            self.last_recovery_write = Instant::now();
            return;
        }
        ctx.request_repaint_after(RECOVERY_INTERVAL);
        if self.last_recovery_write.elapsed() < RECOVERY_INTERVAL {
            return;
        }
        self.last_recovery_write = Instant::now();
        let recovery = Recovery::now(
            self.model.workspace_snapshot(),
            self.model.workspace_file.clone(),
        );
        let file = self.dirs.recovery_file();
        let write = move || JobResult::Written(workspace::write_recovery(&file, &recovery));
        if let Err(err) = self.tasks.spawn("write-recovery", ctx, write) {
            self.banner = Some(format!("Could not keep a recovery copy: {err}"));
        }
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        let theme = self.model.workspace.view.theme;
        if self.applied_theme != Some(theme) {
            ctx.set_theme(match theme {
                Theme::Light => egui::Theme::Light,
                Theme::Dark => egui::Theme::Dark,
            });
            self.applied_theme = Some(theme);
        }
    }
}
