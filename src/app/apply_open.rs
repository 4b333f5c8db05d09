//! Opening, re-reading and closing a corpus folder: the ingest job starts here.

use std::path::PathBuf;

use super::CorpusExplorerApp;
use super::jobs::{IngestJob, ReadRequest, Reading};
use super::views::CorpusViews;
use crate::workspace::{RecentKind, Workspace};

impl CorpusExplorerApp {
    pub(super) fn locate_corpus(&mut self, ctx: &egui::Context, folder: PathBuf) {
        let Some((file, mut workspace)) = self.pending_workspace.take() else {
            return;
        };
        workspace.corpus.absolute = folder.clone();
        self.open_folder(ctx, folder, workspace, file, None, Reading::Reopen);
        // The new location is a change worth saving.
        self.model.mark_changed();
    }

    /// Reads the open folder again (`Update` or `Rebuild`), keeping the workspace as it
    /// is now (unsaved corrections included).
    pub(super) fn reload_folder(&mut self, ctx: &egui::Context, reading: Reading) {
        let Some(folder) = self.model.corpus.clone() else {
            return;
        };
        let dirty = self.model.is_dirty();
        let mut workspace = self.model.workspace.clone();
        workspace.selected_document = self.model.selected_document().map(|d| d.rel_path.clone());
        let file = self.model.workspace_file.clone();
        self.open_folder(ctx, folder, workspace, file, None, reading);
        if dirty {
            self.model.mark_changed();
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
        if let Some(job) = self.ingest.take() {
            job.cancel();
        }
        // The new reading watches the folder from its start.
        self.watch = None;
        // Another folder gets views of its own (the map and the timeline fit its places
        // and dates afresh); reading the same folder again keeps them as the user left them.
        if self.model.corpus.as_deref() == Some(folder.as_path()) {
            self.views.documents.sync_filter(&workspace.list.filter);
            self.views.order.clear();
        } else {
            self.views = CorpusViews::new(&workspace.list.filter);
        }
        self.pending_selection = workspace.selected_document.clone();
        self.model.reset_for(&folder, workspace, file);
        self.show_problems = false;
        self.banner = None;
        let read = ReadRequest {
            root: folder,
            preferences_file: self.dirs.preferences_file(),
            data_dir: self.dirs.data.clone(),
            reading,
            corrections: self.model.workspace.corrections.clone(),
        };
        match IngestJob::start(read, ctx) {
            Ok(job) => {
                self.ingest = Some(job);
                self.recent_on_start = recent;
            }
            Err(err) => {
                self.banner = Some(format!("Could not start reading the folder: {err}"));
                self.model.close();
            }
        }
    }

    pub(super) fn close_corpus(&mut self) {
        if let Some(job) = self.ingest.take() {
            job.cancel();
        }
        self.watch = None;
        self.model.close();
        self.views = CorpusViews::default();
        self.show_problems = false;
        self.pending_selection = None;
    }
}
