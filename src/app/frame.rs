//! What happens at the start of every frame, before the panels draw: start-up, draining
//! the jobs, the close button, dropped files, shortcuts, recovery autosave, theme and title.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::CorpusExplorerApp;
use super::command::Command;
use super::dialogs::Dialog;
use super::error::AppError;
use super::flow::Phase;
use super::fonts;
use super::jobs::{JobResult, Reading};
use super::panels::menu;
use super::session::CorpusSession;
use crate::workspace::{self, Recovery, Theme};

/// How often unsaved work is copied to the recovery file.
const RECOVERY_INTERVAL: Duration = Duration::from_secs(60);

impl CorpusExplorerApp {
    pub(super) fn before_frame(&mut self, ctx: &egui::Context) {
        if let Phase::Starting { open } = std::mem::replace(&mut self.phase, Phase::Running) {
            self.start(ctx, open);
        }
        for result in self.tasks.poll() {
            self.on_job_result(ctx, result);
        }
        self.poll_reading(ctx);
        self.follow_folder_changes(ctx);
        self.handle_close_request(ctx);
        self.handle_dropped_files(ctx);
        if !self.dialogs.is_open() {
            let model = self.session.as_ref().map(|s| &s.model);
            menu::shortcuts(ctx, model, &mut self.commands);
        }
        self.autosave_recovery(ctx);
        self.apply_theme(ctx);
        let title = self.title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    fn start(&mut self, ctx: &egui::Context, open: Option<PathBuf>) {
        fonts::install(ctx);
        // Ctrl +/- change the reading text size (a workspace setting), not egui's zoom.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let file = self.dirs.recovery_file();
        let read = move || JobResult::RecoveryFound(workspace::read_recovery(&file));
        if let Err(source) = self.tasks.spawn("read-recovery", ctx, read) {
            self.notices.error(&AppError::Thread {
                what: "Could not check for unsaved work",
                source,
            });
        }
        if let Some(path) = open {
            self.commands.push(Command::OpenPath(path));
        }
    }

    /// Takes this frame's share of the open folder's reading.
    fn poll_reading(&mut self, ctx: &egui::Context) {
        let Some(session) = self.session.as_mut().filter(|s| s.is_reading()) else {
            return;
        };
        ctx.request_repaint();
        let news = session.drain_reading();
        if news.read {
            self.commands.push(Command::BuildSearchIndex);
        }
        for notice in news.notices {
            self.notices.push(notice.level, notice.text);
        }
        if news.failed_empty {
            self.close_corpus();
        }
        if let Some((path, kind)) = news.opened {
            self.add_recent(ctx, &path, kind);
        }
    }

    /// Reads the folder again (only what changed is read and extracted) once files in
    /// it were added, changed or removed and it has been quiet for a moment.
    fn follow_folder_changes(&mut self, ctx: &egui::Context) {
        let Some(changed) = self
            .session
            .as_ref()
            .and_then(CorpusSession::folder_changed)
        else {
            return;
        };
        self.reload_folder(ctx, Reading::Update);
        self.notices.info(CorpusSession::changed_notice(changed));
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) {
            return;
        }
        if self.has_unsaved_changes() && !matches!(self.phase, Phase::Quitting) {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            if !self.dialogs.is_asking_to_save() {
                self.dialogs.push(Dialog::UnsavedChanges {
                    then: Box::new(Command::Quit),
                });
            }
            return;
        }
        if let Some(session) = &self.session {
            session.cancel_reading();
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
                self.notices
                    .warn("That cannot be opened: drop a folder or a .ron workspace file.");
            } else {
                self.commands.push(Command::OpenPath(path));
            }
        }
    }

    fn autosave_recovery(&mut self, ctx: &egui::Context) {
        let Some(model) = self.model().filter(|m| m.is_dirty()) else {
            self.last_recovery_write = Instant::now();
            return;
        };
        ctx.request_repaint_after(RECOVERY_INTERVAL);
        if self.last_recovery_write.elapsed() < RECOVERY_INTERVAL {
            return;
        }
        let recovery = Recovery::now(model.workspace_snapshot(), model.workspace_file.clone());
        self.last_recovery_write = Instant::now();
        let file = self.dirs.recovery_file();
        let write = move || JobResult::Written(workspace::write_recovery(&file, &recovery));
        if let Err(source) = self.tasks.spawn("write-recovery", ctx, write) {
            self.notices.error(&AppError::Thread {
                what: "Could not keep a recovery copy",
                source,
            });
        }
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        let theme = self.view().theme;
        if self.applied_theme != Some(theme) {
            ctx.set_theme(match theme {
                Theme::Light => egui::Theme::Light,
                Theme::Dark => egui::Theme::Dark,
            });
            self.applied_theme = Some(theme);
        }
    }
}
