//! Every action that crosses panels. Panels push commands; the app applies them once per
//! frame, in one place (`CorpusExplorerApp::apply`).

use std::ops::Range;
use std::path::PathBuf;

use super::picker::DialogRequest;
use crate::entities::{Correction, Filter};
use crate::workspace::{Recovery, SortColumn, Theme};

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Show a native file dialog (or the typed-path fallback when there is none).
    ShowDialog(DialogRequest),
    /// A path typed, dropped or picked from Recent: a folder or a `.ron` workspace.
    OpenPath(PathBuf),
    OpenFolder(PathBuf),
    OpenWorkspace(PathBuf),
    OpenSampleCorpus,
    CloseCorpus,
    /// Index into the loaded documents, or `None` to clear the selection.
    SelectDocument(Option<usize>),
    SetSort {
        column: SortColumn,
        ascending: bool,
    },
    SetFilter(String),
    /// Index into the model's entities, or `None` to clear the entity selection.
    SelectEntity(Option<u32>),
    /// Filter the list to the documents mentioning an entity. `add` keeps the other
    /// entity filters (AND); otherwise this one replaces them.
    FilterByEntity {
        id: String,
        add: bool,
    },
    /// A map area or time range filter; replaces one of the same sort.
    AddFilter(Filter),
    /// Position in the list of active filters.
    RemoveFilter(usize),
    ClearFilters,
    /// Run a full-text search and narrow the list to its hits (empty text: stop searching).
    Search(String),
    /// Build the full-text index of the documents read (after a folder is read).
    BuildSearchIndex,
    /// Forget the folder's cache and read, extract and index it all again.
    RebuildIndex,
    /// Make the concordance (keyword in context) of the active search, if it is stale.
    BuildConcordance,
    SortConcordance(crate::search::KwicOrder),
    /// A correction to the entities (merge, rename, change kind, hide, dismiss a suggestion).
    Correct(Correction),
    /// Mark text found with the find bar as an entity the engine missed.
    MarkText(MarkText),
    /// Look up which gazetteer places a place entity could be (its id and names).
    FindPlaceCandidates {
        id: String,
        names: Vec<String>,
    },
    /// Show the map and take the next click on it as the selected place's location.
    PickLocation,
    /// Undo or redo the last correction.
    Undo,
    Redo,
    /// Open a document with the reading pane scrolled to a byte offset.
    OpenMention {
        doc: usize,
        start: usize,
    },
    SaveWorkspace,
    /// Write an export (entities, documents list) to a file.
    Export {
        kind: super::export_kind::ExportKind,
        path: PathBuf,
    },
    SaveWorkspaceAs(PathBuf),
    /// The folder of a workspace whose corpus had moved, as located by the user.
    LocateCorpus(PathBuf),
    SetTheme(Theme),
    ZoomIn,
    ZoomOut,
    ZoomReset,
    CancelIngest,
    ShowProblems(bool),
    ShowAbout,
    RemoveRecent(PathBuf),
    /// Close the window (asks first when there are unsaved changes).
    Quit,
    /// Answers of the unsaved-changes dialog: save (or forget) the changes, then go on.
    SaveAndThen(Box<Command>),
    DiscardChangesAndThen(Box<Command>),
    /// Answers of the recovery offer at start-up.
    RestoreRecovery(Box<Recovery>),
    DiscardRecovery,
}

/// Text found with the find bar (matches of `query`), to mark as an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkText {
    pub query: String,
    /// The document the find bar is in.
    pub doc: usize,
    pub scope: MarkScope,
    pub mark_as: MarkAs,
    /// Also mark matches that are already part of another entity (they leave it).
    pub take_from_others: bool,
}

/// Which matches are marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkScope {
    /// The match shown, as a byte range of the document.
    Match(Range<usize>),
    /// Every match in the document.
    Document,
    /// Every match in every document.
    Everywhere,
}

/// What the marked text becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkAs {
    /// An entity of this kind named as the text is written (or joining the one so named).
    New(crate::extract::EntityKind),
    /// More mentions of the entity with this id.
    Existing(String),
}
