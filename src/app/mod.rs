//! The desktop window (eframe/egui). The app keeps what outlives a corpus (preferences,
//! the Recent list, dialogs, task threads); the open folder, with its model, reading and
//! panels, is a [`session::CorpusSession`] made on open and dropped on close. Panels push
//! [`Command`]s, which are applied once per frame in one place (`apply.rs`). Nothing here
//! reads or writes files on the UI thread: that is the jobs' work.

mod apply;
mod apply_corpus;
mod apply_entities;
mod apply_open;
mod apply_search;
mod central;
pub mod command;
mod dialogs;
mod error;
mod export_kind;
mod exports;
mod find;
mod flow;
mod fonts;
mod format;
mod frame;
mod highlight;
mod jobs;
mod kinds;
mod list_order;
mod map_view;
mod model;
mod notices;
mod panels;
pub mod picker;
mod places;
mod search_state;
mod session;
mod timeline_data;
mod timeline_view;
mod views;
use crate::workspace;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};
use std::time::Instant;

use anyhow::anyhow;

pub use command::Command;
pub use picker::{DialogRequest, FilePicker, NativePicker, NoDialogPicker, PickOutcome};

use central::CentralTab;
use dialogs::Dialogs;
use flow::{Phase, Step};
use jobs::Tasks;
use notices::Notices;
use panels::welcome::{WelcomeContext, WelcomePanel};
use panels::{menu, problems, progress};
use session::CorpusSession;
use workspace::{AppDirs, RecentList, Theme, ViewPrefs};

/// Opens the main window; `initial` is a corpus folder or a `.ron` workspace to open.
pub fn run(initial: Option<PathBuf>) -> anyhow::Result<()> {
    let dirs = AppDirs::new()
        .ok_or_else(|| anyhow!("Could not find where to keep settings (no home folder?)"))?;
    let mut viewport = egui::ViewportBuilder::default();
    // The same picture as the desktop entry's; a bad one only costs the window its icon.
    if let Ok(icon) = eframe::icon_data::from_png_bytes(include_bytes!(
        "../../assets/packaging/corpus-explorer.png"
    )) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport: viewport
            .with_title("Corpus Explorer")
            .with_app_id("corpus-explorer")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Corpus Explorer",
        options,
        Box::new(move |_cc| {
            let app = CorpusExplorerApp::new(dirs, Arc::new(NativePicker));
            Ok(Box::new(match initial {
                Some(path) => app.with_initial_path(path),
                None => app,
            }))
        }),
    )
    .map_err(|err| anyhow!("Could not open the window: {err}"))
}

/// The bundled sample corpus: next to the sources for cargo builds, or where a package
/// installs it.
pub fn sample_corpus_dir() -> Option<PathBuf> {
    let from_sources = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_corpus");
    let from_exe = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.join("../../sample_corpus")));
    let installed = PathBuf::from("/usr/share/corpus-explorer/sample_corpus");
    [Some(from_sources), from_exe, Some(installed)]
        .into_iter()
        .flatten()
        .find(|dir| dir.is_dir())
}

/// The application: what outlives a corpus, and the open corpus's session.
pub struct CorpusExplorerApp {
    dirs: AppDirs,
    picker: Arc<dyn FilePicker>,
    /// The open folder and everything that lives only while it is open.
    session: Option<CorpusSession>,
    /// The theme and text size while no folder is open (an open one's workspace has them).
    view: ViewPrefs,
    tasks: Tasks,
    welcome: WelcomePanel,
    /// What the central area shows.
    central: CentralTab,
    dialogs: Dialogs,
    recent: RecentList,
    recent_missing: HashSet<PathBuf>,
    sample_dir: Option<PathBuf>,
    /// Messages over the central area that need no answer, each dismissible.
    notices: Notices,
    /// Commands pushed outside `ui` (shortcuts, drops, job results), applied with the rest.
    commands: Vec<Command>,
    phase: Phase,
    /// The opening or save waiting for the user or a task, if any.
    step: Step,
    last_recovery_write: Instant,
    applied_theme: Option<Theme>,
    shown_title: String,
}

impl CorpusExplorerApp {
    /// The app with its settings in `dirs` and file dialogs from `picker`.
    pub fn new(dirs: AppDirs, picker: Arc<dyn FilePicker>) -> Self {
        // The one read on the UI thread: two tiny files at start-up, before the first frame.
        let recent = RecentList::load(&dirs.recent_file());
        let recent_missing = recent
            .entries
            .iter()
            .filter(|e| !e.exists())
            .map(|e| e.path.clone())
            .collect();
        Self {
            dirs,
            picker,
            session: None,
            view: ViewPrefs::default(),
            tasks: Tasks::default(),
            welcome: WelcomePanel::default(),
            central: CentralTab::Reading,
            dialogs: Dialogs::default(),
            recent,
            recent_missing,
            sample_dir: sample_corpus_dir(),
            notices: Notices::default(),
            commands: Vec::new(),
            phase: Phase::Starting { open: None },
            step: Step::Idle,
            last_recovery_write: Instant::now(),
            applied_theme: None,
            shown_title: String::new(),
        }
    }

    /// For UI tests: settings under `dirs`, dialogs from `picker`.
    pub fn new_for_test(dirs: AppDirs, picker: impl FilePicker) -> Self {
        Self::new(dirs, Arc::new(picker))
    }

    /// Opens `path` (folder or workspace) on the first frame, as the command line does.
    pub fn with_initial_path(mut self, path: PathBuf) -> Self {
        self.phase = Phase::Starting { open: Some(path) };
        self
    }

    /// Shows `documents` and their `extraction` as if `folder` had been read, without
    /// reading anything: for benchmarks of the views at a scale no test folder has.
    #[doc(hidden)]
    pub fn with_loaded_corpus(
        mut self,
        folder: PathBuf,
        documents: Vec<crate::corpus::Document>,
        extraction: crate::extract::Extraction,
    ) -> Self {
        let workspace = workspace::Workspace::for_folder(&folder);
        let mut session = CorpusSession::new(&folder, workspace, None);
        let paths: Vec<String> = documents.iter().map(|d| d.rel_path.clone()).collect();
        let index = crate::entities::EntityIndex::build(&extraction, &paths);
        session.model.documents = documents;
        session.model.set_entities(crate::reading::EntitySnapshot {
            extraction: Arc::new(extraction),
            paths: Arc::new(paths),
            index,
            complete: true,
            corrected: None,
        });
        self.session = Some(session);
        self
    }

    /// Opens a folder or workspace as if its path had been typed or dropped.
    pub fn queue_open(&mut self, path: PathBuf) {
        self.commands.push(Command::OpenPath(path));
    }

    /// The open corpus's model, if a folder is open.
    fn model(&self) -> Option<&model::Model> {
        self.session.as_ref().map(|s| &s.model)
    }

    /// The theme and text size in use.
    fn view(&self) -> &ViewPrefs {
        self.model().map_or(&self.view, |m| &m.workspace.view)
    }

    /// The messages shown over the central area, oldest first.
    pub fn notices(&self) -> Vec<&str> {
        self.notices.all().iter().map(|n| n.text.as_str()).collect()
    }

    /// Loaded documents, problems, selection: for tests and diagnostics.
    pub fn documents(&self) -> &[crate::corpus::Document] {
        self.model().map_or(&[], |m| &m.documents)
    }

    /// Paths of the documents the entity, map and time filters let through.
    pub fn filtered_documents(&self) -> Vec<&str> {
        let Some(model) = self.model() else {
            return Vec::new();
        };
        (0..model.documents.len())
            .filter(|&i| model.filtered.allows(i))
            .map(|i| model.documents[i].rel_path.as_str())
            .collect()
    }

    /// Where a place is drawn on the map (after the map tab was shown): for UI tests.
    #[doc(hidden)]
    pub fn map_screen_pos(&self, lat: f64, lon: f64) -> Option<egui::Pos2> {
        self.session.as_ref()?.views.map.screen_pos(lat, lon)
    }

    /// Where a day is on the timeline's axis (after it was drawn): for UI tests.
    #[doc(hidden)]
    pub fn timeline_screen_pos(&self, day: i64) -> Option<egui::Pos2> {
        self.session.as_ref()?.views.timeline.screen_pos(day)
    }

    /// The active entity, map and time filters.
    pub fn filters(&self) -> &[crate::entities::Filter] {
        self.model().map_or(&[], |m| m.filters())
    }

    /// The corpus's entities as the sidebar has them (none while no folder is open).
    pub fn entities(&self) -> &crate::entities::EntityIndex {
        static NONE: LazyLock<crate::entities::EntityIndex> = LazyLock::new(Default::default);
        self.model().map_or(&NONE, |m| &m.entities)
    }

    pub fn problems(&self) -> &[crate::corpus::Problem] {
        self.model().map_or(&[], |m| &m.problems)
    }

    pub fn selected_document(&self) -> Option<&crate::corpus::Document> {
        self.model()?.selected_document()
    }

    /// True while the corpus is being read or a file task is running.
    pub fn is_busy(&self) -> bool {
        self.session.as_ref().is_some_and(CorpusSession::is_reading) || self.tasks.busy()
    }

    /// Whether every document's entities are in, and whether search is ready: for
    /// the benchmark's account of where an opening spends its time.
    #[doc(hidden)]
    pub fn entities_and_search_ready(&self) -> (bool, bool) {
        self.model().map_or((false, false), |m| {
            (m.extraction_complete, m.search.index.is_some())
        })
    }

    /// The search index is built and every document's entities are found: the full UI.
    #[doc(hidden)]
    pub fn fully_loaded(&self) -> bool {
        !self.is_busy() && self.entities_and_search_ready() == (true, true)
    }

    pub fn has_unsaved_changes(&self) -> bool {
        self.model().is_some_and(model::Model::is_dirty)
    }

    /// The window title as it is now, e.g. "Corpus Explorer — reports •".
    pub fn title(&self) -> String {
        let Some(model) = self.model() else {
            return "Corpus Explorer".into();
        };
        let marker = if model.is_dirty() { " •" } else { "" };
        format!("Corpus Explorer — {}{marker}", model.display_name())
    }

    fn ui_frame(&mut self, ui: &mut egui::Ui) {
        let mut out = std::mem::take(&mut self.commands);
        let menu_context = menu::MenuContext {
            recent: &self.recent,
            sample_available: self.sample_dir.is_some(),
            theme: self.view().theme,
        };
        let model = self.session.as_ref().map(|s| &s.model);
        egui::Panel::top("menu_bar").show(ui, |ui| menu::show(ui, model, &menu_context, &mut out));
        let ctx = ui.ctx().clone();
        if let Some(session) = &mut self.session {
            session.ui(ui, &mut self.central, &mut self.notices, &mut out);
            problems::show(&ctx, session.show_problems, &session.model, &mut out);
        } else {
            egui::CentralPanel::default().show(ui, |ui| {
                self.notices.show(ui);
                let context = WelcomeContext {
                    recent: &self.recent,
                    missing: &self.recent_missing,
                    sample_available: self.sample_dir.is_some(),
                };
                self.welcome.show(ui, &context, &mut out);
            });
        }
        self.dialogs.show(&ctx, &mut out);
        drop_overlay(&ctx);
        for command in out {
            self.apply(&ctx, command);
        }
    }
}

impl CorpusSession {
    /// The open corpus's panels: the reading's progress, the timeline under them all, the
    /// document list, the entities, and the central area's tabs.
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        central: &mut CentralTab,
        notices: &mut Notices,
        out: &mut Vec<Command>,
    ) {
        if let Some(reading) = &self.reading {
            let documents = self.model.documents.len();
            egui::Panel::bottom("ingest_progress")
                .show(ui, |ui| progress::show(ui, &reading.job, documents, out));
        }
        // Under all three columns, so the time axis gets the window's width.
        egui::Panel::bottom("timeline")
            .resizable(true)
            .default_size(230.0)
            .size_range(120.0..=600.0)
            .show(ui, |ui| self.show_timeline(ui, out));
        egui::Panel::left("document_list")
            .resizable(true)
            .default_size(440.0)
            .size_range(280.0..=1000.0)
            .show(ui, |ui| {
                let model = &self.model;
                let rows = self.views.order.rows(
                    &model.documents,
                    &model.workspace.list,
                    &model.filtered,
                    model.filter_generation,
                    model.search.active.as_ref().map(|a| list_order::Ranking {
                        revision: model.search.revision,
                        ranks: &a.ranks,
                    }),
                );
                self.views.documents.show(ui, model, rows, out);
            });
        egui::Panel::right("entities")
            .resizable(true)
            .default_size(320.0)
            .size_range(240.0..=700.0)
            .show(ui, |ui| self.views.entities.show(ui, &self.model, out));
        egui::CentralPanel::default().show(ui, |ui| {
            notices.show(ui);
            central::tabs(ui, central);
            match central {
                CentralTab::Reading => self.views.reader.show(ui, &self.model, out),
                CentralTab::Map => self.show_map(ui, out),
                CentralTab::Concordance => panels::concordance::show(ui, &self.model, out),
            }
        });
    }
}

/// While files are dragged over the window, say what dropping them does.
fn drop_overlay(ctx: &egui::Context) {
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop_overlay"),
    ));
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        "Drop a folder or a .ron workspace to open it",
        egui::FontId::proportional(24.0),
        egui::Color32::WHITE,
    );
}

impl eframe::App for CorpusExplorerApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.before_frame(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_frame(ui);
    }
}
