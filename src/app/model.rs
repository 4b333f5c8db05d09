//! What the open corpus is: its folder, documents and problems, entities, search, the
//! workspace and whether it has unsaved changes. Panels read it; only the session's command
//! handler changes it. It lives in the corpus session, so it never outlives its folder.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::corpus::{Document, Problem};
use crate::entities::{CorrectionProblem, EntityIndex, Filter, FilterResult, corrected_index};
use crate::extract::Extraction;
use crate::reading::EntitySnapshot;

use crate::workspace::Workspace;

/// A gazetteer place a place entity could be instead.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceCandidate {
    pub name: String,
    /// Region (state code for US cities), country code, population, approximate point.
    pub admin1: Option<String>,
    pub country: String,
    pub population: u64,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Default)]
pub struct Model {
    /// The corpus folder being shown.
    pub corpus: PathBuf,
    pub documents: Vec<Document>,
    pub problems: Vec<Problem>,
    /// Sort, filter, theme and text size live here, so saving is a copy.
    pub workspace: Workspace,
    /// Where the workspace was last saved or opened from.
    pub workspace_file: Option<PathBuf>,
    /// Index into `documents`.
    pub selected: Option<usize>,
    /// The corpus's entities, indexed by document position.
    pub entities: EntityIndex,
    /// The engine's extraction the index was built from, and the document order it used.
    pub extraction: Arc<Extraction>,
    pub extraction_paths: Arc<Vec<String>>,
    /// Every document read so far has been through extraction.
    pub extraction_complete: bool,
    /// What the active filters (`workspace.list.filters`) let through, and its generation.
    pub filtered: FilterResult,
    pub filter_generation: u64,
    /// Changes whenever the entities do (a snapshot, a correction).
    pub entities_revision: u64,
    /// Index into `entities.entities()`.
    pub selected_entity: Option<u32>,
    /// Corrections undone, most recent last, for redo.
    pub redo: Vec<crate::entities::Correction>,
    /// Other gazetteer places a place's names could be, once looked up: (entity id, places).
    pub place_candidates: Option<(String, Vec<PlaceCandidate>)>,
    /// Corrections that no longer fit the documents.
    pub correction_problems: Vec<CorrectionProblem>,
    /// The full-text index and the active search.
    pub search: super::search_state::SearchState,
    /// Counts changes; the workspace is dirty when it differs from the saved count.
    generation: u64,
    saved_generation: u64,
}

impl Model {
    pub fn selected_document(&self) -> Option<&Document> {
        self.selected.and_then(|i| self.documents.get(i))
    }

    /// Takes a new extraction snapshot, keeping the selected entity by id.
    pub fn set_entities(&mut self, snapshot: EntitySnapshot) {
        // The current selection, else the one the workspace was saved with.
        let selected_id = self
            .selected_entity_id()
            .or_else(|| self.workspace.selected_entity.clone());
        self.extraction = snapshot.extraction;
        self.extraction_paths = snapshot.paths;
        self.extraction_complete = snapshot.complete;
        if self.workspace.corrections.is_empty() {
            self.entities = snapshot.index;
            self.correction_problems.clear();
        } else {
            // Corrected on the reading's thread when that used the corrections the
            // workspace still holds; replayed here otherwise.
            let corrected = snapshot
                .corrected
                .filter(|c| c.corrections == self.workspace.corrections)
                .map(|c| (c.index, c.problems));
            match corrected {
                Some(corrected) => self.use_corrected(corrected),
                None => self.reindex(),
            }
        }
        self.selected_entity = selected_id.and_then(|id| self.entities.find(&id));
        self.entities_changed();
    }

    /// Rebuilds the entities from the engine's extraction with the corrections applied,
    /// keeping the selection by id.
    pub fn reapply_corrections(&mut self) {
        let selected_id = self.selected_entity_id();
        self.reindex();
        self.selected_entity = selected_id.and_then(|id| self.entities.find(&id));
        self.entities_changed();
    }

    fn reindex(&mut self) {
        let corrected = corrected_index(
            &self.extraction,
            &self.workspace.corrections,
            &self.extraction_paths,
        );
        self.use_corrected(corrected);
    }

    fn use_corrected(&mut self, (entities, problems): (EntityIndex, Vec<CorrectionProblem>)) {
        self.entities = entities;
        // Until every document is extracted, an entity may simply not have been seen yet.
        self.correction_problems = if self.extraction_complete {
            problems
        } else {
            Vec::new()
        };
    }

    /// Clears the entity selection when its entity was merged away or hidden.
    pub fn forget_retired_selection(&mut self) {
        if self
            .selected_entity_id()
            .is_none_or(|id| self.entities.find(&id).is_none())
        {
            self.selected_entity = None;
        }
    }

    pub fn selected_entity_id(&self) -> Option<String> {
        let index = self.selected_entity?;
        Some(self.entities.entity(index)?.id.clone())
    }

    pub fn filters(&self) -> &[Filter] {
        &self.workspace.list.filters
    }

    /// Recounts what the filters let through; call after the filters or entities change.
    pub fn refresh_filter(&mut self) {
        self.filtered = self
            .entities
            .apply_with_documents(&self.workspace.list.filters, self.search.mask());
        self.filter_generation += 1;
    }

    /// Call after the entities changed: recounts them under the filters.
    pub fn entities_changed(&mut self) {
        self.entities_revision += 1;
        self.refresh_filter();
    }

    /// Records a change the user would want saved.
    pub fn mark_changed(&mut self) {
        self.generation += 1;
    }

    /// Unsaved changes exist.
    pub fn is_dirty(&self) -> bool {
        self.generation != self.saved_generation
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
        // Until the entities are known, the saved selection stands.
        if self.extraction_complete {
            workspace.selected_entity = self.selected_entity_id();
        }
        workspace.corpus.absolute = self.corpus.clone();
        workspace
    }

    /// The model of `folder` before anything of it is read, shown with `workspace`.
    pub fn new(folder: &Path, workspace: Workspace, file: Option<PathBuf>) -> Self {
        let mut model = Model::default();
        model.reset_for(folder, workspace, file);
        model
    }

    /// Starts reading the folder again: empties the lists, keeps the workspace given. The
    /// counters go on from where they were, so the views kept for it see every change.
    pub fn reset_for(&mut self, folder: &Path, workspace: Workspace, file: Option<PathBuf>) {
        self.corpus = folder.to_path_buf();
        self.documents.clear();
        self.problems.clear();
        self.selected = None;
        self.workspace = workspace;
        self.workspace_file = file;
        self.entities = EntityIndex::default();
        self.extraction = Arc::default();
        self.extraction_paths = Arc::default();
        self.extraction_complete = false;
        self.selected_entity = None;
        // Nothing of the previous corpus carries over: not its redo list either.
        self.redo.clear();
        self.correction_problems.clear();
        self.place_candidates = None;
        self.search.reset();
        self.entities_changed();
        self.mark_clean();
    }

    /// What the title bar calls this corpus: the workspace file name, else the folder name.
    pub fn display_name(&self) -> String {
        let path = self.workspace_file.as_ref().unwrap_or(&self.corpus);
        let name = path
            .file_stem()
            .filter(|_| self.workspace_file.is_some())
            .or_else(|| path.file_name())
            .unwrap_or(path.as_os_str());
        name.to_string_lossy().into_owned()
    }
}
