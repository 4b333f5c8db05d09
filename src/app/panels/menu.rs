//! The menu bar and the keyboard shortcuts it advertises.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::app::command::Command;
use crate::app::export_kind::ExportKind;
use crate::app::model::Model;
use crate::app::picker::DialogRequest;
use crate::workspace::{RecentKind, RecentList, Theme};

pub const OPEN_FOLDER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
pub const ZOOM_IN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus);
/// Ctrl+= is Ctrl++ without Shift on most keyboards.
const ZOOM_IN_EQUALS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals);
pub const ZOOM_OUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus);
pub const ZOOM_RESET: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0);
pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
pub const FILTER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::L);
pub const SEARCH: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::K);
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);

/// What the menus need besides the open corpus's model.
pub struct MenuContext<'a> {
    pub recent: &'a RecentList,
    pub sample_available: bool,
    pub theme: Theme,
}

/// Turns the app-wide shortcuts pressed this frame into commands.
pub fn shortcuts(ctx: &egui::Context, model: Option<&Model>, out: &mut Vec<Command>) {
    let open = model.is_some();
    ctx.input_mut(|input| {
        // The more specific shortcut first: Ctrl+Shift+S also matches Ctrl+S logically.
        if let Some(model) = model
            && input.consume_shortcut(&SAVE_AS)
        {
            out.push(Command::ShowDialog(save_request(model)));
        }
        if open && input.consume_shortcut(&SAVE) {
            out.push(Command::SaveWorkspace);
        }
        // Text fields keep their own undo: this runs only when none has the keyboard.
        if open && input.consume_shortcut(&REDO) {
            out.push(Command::Redo);
        }
        if open && input.consume_shortcut(&UNDO) {
            out.push(Command::Undo);
        }
        if input.consume_shortcut(&OPEN_FOLDER) {
            out.push(Command::ShowDialog(DialogRequest::OpenFolder));
        }
        if input.consume_shortcut(&QUIT) {
            out.push(Command::Quit);
        }
        if input.consume_shortcut(&ZOOM_IN) || input.consume_shortcut(&ZOOM_IN_EQUALS) {
            out.push(Command::ZoomIn);
        }
        if input.consume_shortcut(&ZOOM_OUT) {
            out.push(Command::ZoomOut);
        }
        if input.consume_shortcut(&ZOOM_RESET) {
            out.push(Command::ZoomReset);
        }
    });
}

/// The Save As dialog request, suggesting a name next to the corpus folder.
pub fn save_request(model: &Model) -> DialogRequest {
    let name = model
        .corpus
        .file_name()
        .map_or("workspace".into(), |n| n.to_string_lossy().into_owned());
    let folder = model
        .workspace_file
        .as_ref()
        .and_then(|f| f.parent())
        .or_else(|| model.corpus.parent())
        .map(std::path::Path::to_path_buf);
    DialogRequest::SaveWorkspace {
        suggested: format!("{name}.ron"),
        folder,
    }
}

/// The save dialog for an export, suggesting "<corpus>-entities.csv" next to the corpus.
pub fn export_request(model: &Model, kind: ExportKind) -> DialogRequest {
    let corpus = model
        .corpus
        .file_name()
        .map_or("corpus".into(), |n| n.to_string_lossy().into_owned());
    DialogRequest::Export {
        kind,
        suggested: format!("{corpus}-{}.{}", kind.file_stem(), kind.extension()),
        folder: model.corpus.parent().map(Into::into),
    }
}

/// The menu bar; `model` is the open corpus's, if one is open.
pub fn show(
    ui: &mut egui::Ui,
    model: Option<&Model>,
    menu: &MenuContext<'_>,
    out: &mut Vec<Command>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(ui, model, menu, out));
        ui.menu_button("Edit", |ui| edit_menu(ui, model, out));
        ui.menu_button("View", |ui| view_menu(ui, model.is_some(), menu.theme, out));
        ui.menu_button("Help", |ui| {
            if ui.button("About Corpus Explorer").clicked() {
                out.push(Command::ShowAbout);
            }
        });
    });
}

fn edit_menu(ui: &mut egui::Ui, model: Option<&Model>, out: &mut Vec<Command>) {
    let last = model.and_then(|m| m.workspace.corrections.last());
    let undo = last.map_or("Undo".to_owned(), |c| format!("Undo {}", c.describe()));
    if ui
        .add_enabled(
            last.is_some(),
            egui::Button::new(undo).shortcut_text(ui.ctx().format_shortcut(&UNDO)),
        )
        .clicked()
    {
        out.push(Command::Undo);
    }
    let next = model.and_then(|m| m.redo.last());
    let redo = next.map_or("Redo".to_owned(), |c| format!("Redo {}", c.describe()));
    if ui
        .add_enabled(
            next.is_some(),
            egui::Button::new(redo).shortcut_text(ui.ctx().format_shortcut(&REDO)),
        )
        .clicked()
    {
        out.push(Command::Redo);
    }
}

fn item(ui: &mut egui::Ui, label: &str, shortcut: Option<&KeyboardShortcut>) -> egui::Response {
    let mut button = egui::Button::new(label);
    if let Some(shortcut) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    ui.add(button)
}

fn file_menu(
    ui: &mut egui::Ui,
    model: Option<&Model>,
    menu: &MenuContext<'_>,
    out: &mut Vec<Command>,
) {
    if item(ui, "Open folder…", Some(&OPEN_FOLDER)).clicked() {
        out.push(Command::ShowDialog(DialogRequest::OpenFolder));
    }
    if item(ui, "Open workspace…", None).clicked() {
        out.push(Command::ShowDialog(DialogRequest::OpenWorkspace));
    }
    let sample = ui
        .add_enabled(
            menu.sample_available,
            egui::Button::new("Open sample corpus"),
        )
        .on_disabled_hover_text("The sample corpus is not installed with this copy.");
    if sample.clicked() {
        out.push(Command::OpenSampleCorpus);
    }
    ui.menu_button("Recent", |ui| {
        if menu.recent.entries.is_empty() {
            ui.label("Nothing opened yet");
        }
        for entry in &menu.recent.entries {
            let kind = match entry.kind {
                RecentKind::Folder => "Folder",
                RecentKind::Workspace => "Workspace",
            };
            let label = format!("{kind}: {}", entry.path.display());
            if ui.button(label).clicked() {
                out.push(Command::OpenPath(entry.path.clone()));
            }
        }
    });
    ui.separator();
    ui.add_enabled_ui(model.is_some(), |ui| corpus_items(ui, model, out));
    ui.separator();
    if item(ui, "Quit", Some(&QUIT)).clicked() {
        out.push(Command::Quit);
    }
}

/// The File menu's items for the open corpus (greyed out while none is open).
fn corpus_items(ui: &mut egui::Ui, model: Option<&Model>, out: &mut Vec<Command>) {
    if item(ui, "Save workspace", Some(&SAVE)).clicked() {
        out.push(Command::SaveWorkspace);
    }
    let save_as = item(ui, "Save workspace as…", Some(&SAVE_AS)).clicked();
    if let (true, Some(model)) = (save_as, model) {
        out.push(Command::ShowDialog(save_request(model)));
    }
    ui.menu_button("Export", |ui| {
        for kind in [
            ExportKind::EntitiesCsv,
            ExportKind::EntitiesJson,
            ExportKind::FilteredDocumentsCsv,
            ExportKind::PlacesGeoJson,
            ExportKind::TimelineCsv,
            ExportKind::ConcordanceCsv,
        ] {
            let label = format!("Export {}…", kind.describe());
            let ready = kind != ExportKind::ConcordanceCsv
                || model.is_some_and(|model| {
                    model
                        .search
                        .concordance
                        .as_ref()
                        .is_some_and(|c| c.filter_generation == model.filter_generation)
                });
            let button = ui
                .add_enabled(ready, egui::Button::new(label))
                .on_disabled_hover_text("Search, then open the Concordance tab");
            if let (true, Some(model)) = (button.clicked(), model) {
                out.push(Command::ShowDialog(export_request(model, kind)));
            }
        }
    });
    let reading = model.is_none_or(|m| m.search.building || m.documents.is_empty());
    if ui
        .add_enabled(!reading, egui::Button::new("Rebuild index"))
        .on_hover_text(
            "Read every file again and find people, places and dates anew, \
             instead of reusing what was saved from the last reading",
        )
        .clicked()
    {
        out.push(Command::RebuildIndex);
        ui.close();
    }
    if item(ui, "Close corpus", None).clicked() {
        out.push(Command::CloseCorpus);
    }
}

fn view_menu(ui: &mut egui::Ui, open: bool, theme: Theme, out: &mut Vec<Command>) {
    if ui.radio(theme == Theme::Light, "Light theme").clicked() {
        out.push(Command::SetTheme(Theme::Light));
    }
    if ui.radio(theme == Theme::Dark, "Dark theme").clicked() {
        out.push(Command::SetTheme(Theme::Dark));
    }
    ui.separator();
    if item(ui, "Bigger text", Some(&ZOOM_IN)).clicked() {
        out.push(Command::ZoomIn);
    }
    if item(ui, "Smaller text", Some(&ZOOM_OUT)).clicked() {
        out.push(Command::ZoomOut);
    }
    if item(ui, "Reset text size", Some(&ZOOM_RESET)).clicked() {
        out.push(Command::ZoomReset);
    }
    ui.separator();
    let problems = ui.add_enabled(open, egui::Button::new("Show problems"));
    if problems.clicked() {
        out.push(Command::ShowProblems(true));
    }
}
