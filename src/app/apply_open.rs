//! Opening, re-reading and closing a corpus folder: the session is made, the ingest job
//! starts, and closing drops the session.

use std::path::PathBuf;

use super::CorpusExplorerApp;
use super::error::AppError;
use super::flow::Step;
use super::jobs::{IngestJob, ReadRequest, Reading};
use super::session::CorpusSession;
use crate::workspace::{RecentKind, Workspace};

impl CorpusExplorerApp {
    pub(super) fn locate_corpus(&mut self, ctx: &egui::Context, folder: PathBuf) {
        let Step::Locating {
            file,
            mut workspace,
        } = std::mem::take(&mut self.step)
        else {
            return;
        };
        workspace.corpus.absolute = folder.clone();
        self.open_folder(ctx, folder, *workspace, file, None, Reading::Reopen);
        // The new location is a change worth saving.
        self.mark_changed();
    }

    /// Reads the open folder again (`Update` or `Rebuild`), keeping the workspace as it
    /// is now (unsaved corrections included).
    pub(super) fn reload_folder(&mut self, ctx: &egui::Context, reading: Reading) {
        let Some(session) = &self.session else {
            return;
        };
        let model = &session.model;
        let (folder, dirty) = (model.corpus.clone(), model.is_dirty());
        let mut workspace = model.workspace.clone();
        workspace.selected_document = model.selected_document().map(|d| d.rel_path.clone());
        let file = model.workspace_file.clone();
        self.open_folder(ctx, folder, workspace, file, None, reading);
        if dirty {
            self.mark_changed();
        }
    }

    /// Starts reading `folder` and shows it with `workspace`'s sort, filter and view.
    pub(super) fn open_folder(
        &mut self,
        ctx: &egui::Context,
        folder: PathBuf,
        workspace: Workspace,
        file: Option<PathBuf>,
        recent: Option<(PathBuf, RecentKind)>,
        reading: Reading,
    ) {
        // Another folder gets a session of its own (the one before is dropped, its reading
        // cancelled); reading the same folder again keeps its views as the user left them.
        let mut session = match self.session.take() {
            Some(mut same) if same.model.corpus == folder => {
                same.reset(workspace, file);
                same
            }
            _ => CorpusSession::new(&folder, workspace, file),
        };
        self.notices.folder_opened();
        let read = ReadRequest {
            root: folder,
            preferences_file: self.dirs.preferences_file(),
            data_dir: self.dirs.data.clone(),
            reading,
            corrections: session.model.workspace.corrections.clone(),
        };
        match IngestJob::start(read, ctx) {
            Ok(job) => {
                session.start_reading(job, recent);
                self.session = Some(session);
            }
            Err(err) => {
                self.notices.error(&AppError::Thread {
                    what: "Could not start reading the folder",
                    source: err,
                });
                self.close_session(session);
            }
        }
    }

    pub(super) fn close_corpus(&mut self) {
        if let Some(session) = self.session.take() {
            self.close_session(session);
        }
    }

    /// Drops `session` (cancelling its reading); its view preferences stay for the next.
    pub(super) fn close_session(&mut self, session: CorpusSession) {
        self.view = session.model.workspace.view.clone();
    }
}
