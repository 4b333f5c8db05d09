//! Applying commands and job results: the one place where the app's state changes. What
//! concerns the open corpus is handed to its session (`apply_corpus.rs`).

use std::path::{Path, PathBuf};

use super::CorpusExplorerApp;
use super::command::Command;
use super::dialogs::Dialog;
use super::error::AppError;
use super::flow::{Phase, Step};
use super::jobs::{JobResult, PathKind, Reading};
use super::panels::menu::save_request;
use super::picker::{DialogRequest, PickOutcome};
use super::session::{CorpusSession, WindowCtx};
use crate::workspace::{self, RecentKind, ViewPrefs, Workspace, WorkspaceError};

const MIN_FONT_SIZE: f32 = 10.0;
const MAX_FONT_SIZE: f32 = 40.0;

impl CorpusExplorerApp {
    pub(super) fn apply(&mut self, ctx: &egui::Context, command: Command) {
        if self.has_unsaved_changes() && leaves_corpus(&command) {
            self.dialogs.push(Dialog::UnsavedChanges {
                then: Box::new(command),
            });
            return;
        }
        match command {
            Command::ShowDialog(request) => self.show_dialog(ctx, request),
            Command::OpenPath(path) => self.check_path(ctx, expand_home(&path)),
            Command::OpenFolder(folder) => {
                let mut workspace = Workspace::for_folder(&folder);
                workspace.view = self.view().clone();
                let recent = Some((folder.clone(), RecentKind::Folder));
                self.open_folder(ctx, folder, workspace, None, recent, Reading::Reopen);
            }
            Command::OpenWorkspace(path) => self.load_workspace(ctx, path),
            Command::OpenSampleCorpus => {
                if let Some(dir) = self.sample_dir.clone() {
                    self.apply(ctx, Command::OpenFolder(dir));
                }
            }
            Command::CloseCorpus => self.close_corpus(),
            Command::RebuildIndex => self.reload_folder(ctx, Reading::Rebuild),
            Command::SaveWorkspace => {
                let target = self
                    .model()
                    .map(|m| m.workspace_file.clone().ok_or_else(|| save_request(m)));
                match target {
                    Some(Ok(path)) => self.save(ctx, path),
                    Some(Err(request)) => self.show_dialog(ctx, request),
                    // Nothing to save: whatever waited for a save goes on.
                    None => self.commands.extend(self.step.take_after_save()),
                }
            }
            Command::SaveWorkspaceAs(path) => self.save(ctx, path),
            Command::LocateCorpus(folder) => self.locate_corpus(ctx, folder),
            Command::SetTheme(theme) => self.change_view(|view| view.theme = theme),
            Command::ZoomIn => {
                self.change_view(|v| v.font_size = (v.font_size + 1.0).min(MAX_FONT_SIZE))
            }
            Command::ZoomOut => {
                self.change_view(|v| v.font_size = (v.font_size - 1.0).max(MIN_FONT_SIZE))
            }
            Command::ZoomReset => {
                self.change_view(|v| v.font_size = ViewPrefs::default().font_size)
            }
            Command::ShowAbout => self.dialogs.push(Dialog::About),
            Command::RemoveRecent(path) => {
                self.recent.remove(&path);
                self.recent_missing.remove(&path);
                self.save_recent(ctx);
            }
            Command::Quit => {
                self.phase = Phase::Quitting;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::SaveAndThen(then) => {
                self.step = Step::Saving { then };
                self.apply(ctx, Command::SaveWorkspace);
            }
            Command::DiscardChangesAndThen(then) => {
                if let Some(session) = &mut self.session {
                    session.model.mark_clean();
                }
                self.clear_recovery(ctx);
                self.apply(ctx, *then);
            }
            Command::RestoreRecovery(recovery) => self.restore_recovery(ctx, *recovery),
            Command::DiscardRecovery => self.clear_recovery(ctx),
            command => self.apply_to_session(ctx, |session, window| {
                session.apply(command, window);
            }),
        }
    }

    /// Runs `apply` on the open corpus's session, if a folder is open.
    fn apply_to_session(
        &mut self,
        ctx: &egui::Context,
        apply: impl FnOnce(&mut CorpusSession, &mut WindowCtx),
    ) {
        let Some(session) = &mut self.session else {
            return;
        };
        let mut window = WindowCtx {
            egui: ctx,
            tasks: &self.tasks,
            notices: &mut self.notices,
            central: &mut self.central,
            data_dir: &self.dirs.data,
        };
        apply(session, &mut window);
    }

    pub(super) fn on_job_result(&mut self, ctx: &egui::Context, result: JobResult) {
        match result {
            JobResult::Picked(request, outcome) => self.on_picked(request, outcome),
            JobResult::PathKind(path, kind) => self.on_path_kind(path, kind),
            JobResult::WorkspaceLoaded {
                path,
                recovered,
                result,
            } => match result {
                Ok((workspace, Some(folder))) => {
                    if let (Some(file), false) = (&path, recovered) {
                        self.add_recent(ctx, file, RecentKind::Workspace);
                    }
                    self.open_folder(ctx, folder, workspace, path, None, Reading::Reopen);
                    if recovered {
                        self.mark_changed();
                    }
                }
                Ok((workspace, None)) => {
                    let missing = workspace.corpus.absolute.clone();
                    self.step = Step::Locating {
                        file: path,
                        workspace: Box::new(workspace),
                    };
                    self.dialogs.push(Dialog::LocateFolder {
                        missing,
                        typed: String::new(),
                        no_dialog: false,
                    });
                }
                Err(err) => self.dialogs.push(error_dialog(&err)),
            },
            JobResult::WorkspaceSaved {
                path,
                session,
                generation,
                result,
            } => self.workspace_saved(ctx, path, (session, generation), result),
            JobResult::RecoveryFound(Ok(Some(recovery))) => {
                self.dialogs.push(Dialog::Restore(Box::new(recovery)));
            }
            JobResult::RecoveryFound(Ok(None)) | JobResult::Written(Ok(())) => {}
            JobResult::RecoveryFound(Err(err)) | JobResult::Written(Err(err)) => {
                self.notices.error(&err.into());
            }
            JobResult::Exported { what, path, result } => match result {
                Ok(()) => self
                    .notices
                    .info(format!("Exported {what} to {}.", path.display())),
                Err(err) => self.notices.error(&err),
            },
            result => self.apply_to_session(ctx, |session, window| {
                session.on_job_result(result, window);
            }),
        }
    }

    fn on_path_kind(&mut self, path: PathBuf, kind: PathKind) {
        match kind {
            PathKind::Folder => self.commands.push(Command::OpenFolder(path)),
            PathKind::Workspace => self.commands.push(Command::OpenWorkspace(path)),
            PathKind::OtherFile => {
                self.notices.warn(format!(
                    "{} is a file. Open a folder of documents, or a .ron workspace file.",
                    path.display()
                ));
            }
            PathKind::Missing => {
                self.notices
                    .warn(format!("Nothing was found at {}.", path.display()));
                if self.recent.entries.iter().any(|e| e.path == path) {
                    self.recent_missing.insert(path);
                }
            }
        }
    }

    fn workspace_saved(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        (session, generation): (u64, u64),
        result: Result<(), WorkspaceError>,
    ) {
        match result {
            Ok(()) => {
                // The corpus saved may have been closed meanwhile.
                if let Some(open) = self.session.as_mut().filter(|s| s.id == session) {
                    open.model.workspace_file = Some(path.clone());
                    open.model.mark_saved(generation);
                }
                self.add_recent(ctx, &path, RecentKind::Workspace);
                self.clear_recovery(ctx);
                self.commands.extend(self.step.take_after_save());
            }
            Err(err) => {
                self.step.take_after_save();
                self.dialogs.push(error_dialog(&err));
            }
        }
    }

    fn on_picked(&mut self, request: DialogRequest, outcome: PickOutcome) {
        self.step.end_picking();
        match outcome {
            PickOutcome::Chosen(path) => {
                let command = match request {
                    DialogRequest::OpenFolder => Command::OpenFolder(path),
                    DialogRequest::OpenWorkspace => Command::OpenWorkspace(path),
                    DialogRequest::SaveWorkspace { .. } => Command::SaveWorkspaceAs(path),
                    DialogRequest::Export { kind, .. } => Command::Export { kind, path },
                    DialogRequest::LocateFolder => {
                        self.dialogs.close_locate();
                        Command::LocateCorpus(path)
                    }
                };
                self.commands.push(command);
            }
            PickOutcome::Cancelled => {
                if matches!(request, DialogRequest::SaveWorkspace { .. }) {
                    self.step.take_after_save();
                }
            }
            PickOutcome::Unavailable => match request {
                DialogRequest::LocateFolder if self.dialogs.locate_has_no_dialog() => {}
                DialogRequest::OpenFolder | DialogRequest::OpenWorkspace
                    if self.session.is_none() =>
                {
                    self.welcome.no_dialog();
                }
                request => self.dialogs.push(Dialog::TypedPath {
                    request,
                    typed: String::new(),
                }),
            },
        }
    }

    fn show_dialog(&mut self, ctx: &egui::Context, request: DialogRequest) {
        if !self.step.start_picking() {
            return;
        }
        let picker = std::sync::Arc::clone(&self.picker);
        let pick = move || {
            let outcome = picker.pick(&request);
            JobResult::Picked(request, outcome)
        };
        if !self.spawn("file-dialog", ctx, pick) {
            self.step.end_picking();
        }
    }

    /// Finds out off the UI thread whether `path` is a folder, a workspace or neither.
    fn check_path(&mut self, ctx: &egui::Context, path: PathBuf) {
        let check = move || {
            let kind = if path.is_dir() {
                PathKind::Folder
            } else if !path.exists() {
                PathKind::Missing
            } else if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
            {
                PathKind::Workspace
            } else {
                PathKind::OtherFile
            };
            JobResult::PathKind(path, kind)
        };
        self.spawn("check-path", ctx, check);
    }

    fn load_workspace(&mut self, ctx: &egui::Context, path: PathBuf) {
        let load = move || {
            let result = workspace::load(&path).map(|ws| {
                let folder = ws.resolve_corpus(&path);
                (ws, folder)
            });
            JobResult::WorkspaceLoaded {
                path: Some(path),
                recovered: false,
                result,
            }
        };
        self.spawn("load-workspace", ctx, load);
    }

    fn restore_recovery(&mut self, ctx: &egui::Context, recovery: workspace::Recovery) {
        let restore = move || {
            let folder = match &recovery.workspace_file {
                Some(file) => recovery.workspace.resolve_corpus(file),
                None => Some(recovery.workspace.corpus.absolute.clone()).filter(|f| f.is_dir()),
            };
            JobResult::WorkspaceLoaded {
                path: recovery.workspace_file,
                recovered: true,
                result: Ok((recovery.workspace, folder)),
            }
        };
        self.spawn("restore-recovery", ctx, restore);
    }

    fn save(&mut self, ctx: &egui::Context, path: PathBuf) {
        let Some(session) = &self.session else {
            return;
        };
        let snapshot = session.model.workspace_snapshot();
        let (session, generation) = (session.id, session.model.generation());
        let save = move || {
            let result = workspace::save(&path, &snapshot);
            JobResult::WorkspaceSaved {
                path,
                session,
                generation,
                result,
            }
        };
        self.spawn("save-workspace", ctx, save);
    }

    /// Records a change the user would want saved in the open corpus's workspace.
    pub(super) fn mark_changed(&mut self) {
        if let Some(session) = &mut self.session {
            session.model.mark_changed();
        }
    }

    fn change_view(&mut self, change: impl FnOnce(&mut ViewPrefs)) {
        match &mut self.session {
            Some(session) => {
                change(&mut session.model.workspace.view);
                session.model.mark_changed();
            }
            None => change(&mut self.view),
        }
    }

    pub(super) fn add_recent(&mut self, ctx: &egui::Context, path: &Path, kind: RecentKind) {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.add(&absolute, kind);
        self.recent_missing.remove(&absolute);
        self.save_recent(ctx);
    }

    fn save_recent(&mut self, ctx: &egui::Context) {
        let (list, file) = (self.recent.clone(), self.dirs.recent_file());
        self.spawn("save-recent", ctx, move || {
            JobResult::Written(list.save(&file))
        });
    }

    fn clear_recovery(&mut self, ctx: &egui::Context) {
        let file = self.dirs.recovery_file();
        self.spawn("clear-recovery", ctx, move || {
            JobResult::Written(workspace::clear_recovery(&file))
        });
    }

    /// Runs a task; a thread that cannot start is reported, not ignored.
    pub(super) fn spawn(
        &mut self,
        name: &str,
        ctx: &egui::Context,
        work: impl FnOnce() -> JobResult + Send + 'static,
    ) -> bool {
        match self.tasks.spawn(name, ctx, work) {
            Ok(()) => true,
            Err(source) => {
                self.notices.error(&AppError::Thread {
                    what: "Could not start a background task",
                    source,
                });
                false
            }
        }
    }
}

/// Commands after which the open corpus (and its unsaved changes) would be gone.
fn leaves_corpus(command: &Command) -> bool {
    matches!(
        command,
        Command::OpenFolder(_)
            | Command::OpenWorkspace(_)
            | Command::OpenSampleCorpus
            | Command::CloseCorpus
            | Command::Quit
    )
}

/// "~/notes" → "/home/me/notes", as people type paths in a terminal.
fn expand_home(path: &Path) -> PathBuf {
    match (path.strip_prefix("~"), std::env::var_os("HOME")) {
        (Ok(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => path.to_path_buf(),
    }
}

/// A dialog that says, in plain words, why a workspace could not be opened or saved.
fn error_dialog(err: &WorkspaceError) -> Dialog {
    let unchanged = "The file was left unchanged.".to_owned();
    match err {
        WorkspaceError::Parse {
            path,
            line,
            column,
            message,
        } => Dialog::Error {
            heading: "This workspace file could not be opened".into(),
            file: path.clone(),
            lines: vec![
                format!("Line {line}, column {column}: {message}"),
                "It may be damaged or incomplete.".into(),
                unchanged,
            ],
        },
        WorkspaceError::TooNew {
            path,
            found,
            supported,
        } => Dialog::Error {
            heading: "This workspace needs a newer Corpus Explorer".into(),
            file: path.clone(),
            lines: vec![
                format!(
                    "It was saved in workspace format {found}; this version reads formats up to {supported}."
                ),
                "Update Corpus Explorer to open it.".into(),
                unchanged,
            ],
        },
        WorkspaceError::Read { path, source } => Dialog::Error {
            heading: "The workspace file could not be read".into(),
            file: path.clone(),
            lines: vec![source.to_string()],
        },
        WorkspaceError::Write { path, source } => Dialog::Error {
            heading: "The workspace could not be saved".into(),
            file: path.clone(),
            lines: vec![
                source.to_string(),
                "Any earlier copy of the file was left as it was.".into(),
            ],
        },
    }
}
