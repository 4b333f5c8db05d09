//! What the app has open: the corpus, its documents and problems, the workspace and whether
//! it has unsaved changes. Panels read it; only the app's command handler changes it.

use std::path::{Path, PathBuf};

use crate::corpus::{Document, Problem};

use crate::workspace::Workspace;

#[derive(Default)]
pub struct Model {
    /// The corpus folder being shown, if any.
    pub corpus: Option<PathBuf>,
    pub documents: Vec<Document>,
    pub problems: Vec<Problem>,
    /// Sort, filter, theme and text size live here, so saving is a copy.
    pub workspace: Workspace,
    /// Where the workspace was last saved or opened from.
    pub workspace_file: Option<PathBuf>,
    /// Index into `documents`.
    pub selected: Option<usize>,
    /// Counts changes; the workspace is dirty when it differs from the saved count.
    generation: u64,
    saved_generation: u64,
}

impl Model {
    pub fn selected_document(&self) -> Option<&Document> {
        self.selected.and_then(|i| self.documents.get(i))
    }

    /// Records a change the user would want saved.
    pub fn mark_changed(&mut self) {
        self.generation += 1;
    }

    /// Unsaved changes exist (only meaningful with a corpus open).
    pub fn is_dirty(&self) -> bool {
        self.corpus.is_some() && self.generation != self.saved_generation
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The state as of `generation` is now on disk.
    pub fn mark_saved(&mut self, generation: u64) {
        self.saved_generation = generation;
    }

    /// Forget unsaved changes without saving them.
    pub fn mark_clean(&mut self) {
        self.saved_generation = self.generation;
    }

    /// The workspace as it should be written now: with the current selection and folder.
    pub fn workspace_snapshot(&self) -> Workspace {
        let mut workspace = self.workspace.clone();
        workspace.selected_document = self.selected_document().map(|d| d.rel_path.clone());
        if let Some(folder) = &self.corpus {
            workspace.corpus.absolute = folder.clone();
        }
        workspace
    }

    /// Starts showing a new corpus folder: empties the lists, keeps the workspace given.
    pub fn reset_for(&mut self, folder: &Path, workspace: Workspace, file: Option<PathBuf>) {
        self.corpus = Some(folder.to_path_buf());
        self.documents.clear();
        self.problems.clear();
        self.selected = None;
        self.workspace = workspace;
        self.workspace_file = file;
        self.mark_clean();
    }

    /// Back to the welcome screen; view preferences stay.
    pub fn close(&mut self) {
        let view = self.workspace.view.clone();
        *self = Model::default();
        self.workspace.view = view;
    }

    /// What the title bar calls this corpus: the workspace file name, else the folder name.
    pub fn display_name(&self) -> Option<String> {
        let path = self.workspace_file.as_ref().or(self.corpus.as_ref())?;
        let name = path
            .file_stem()
            .filter(|_| self.workspace_file.is_some())
            .or_else(|| path.file_name())
            .unwrap_or(path.as_os_str());
        Some(name.to_string_lossy().into_owned())
    }
}
