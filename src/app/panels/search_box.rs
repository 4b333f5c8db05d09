//! The search box above the document list (Ctrl+K or /): full-text search
//! over every document, with what it is doing said in words under it.

use egui::{Key, RichText};

use crate::app::command::Command;
use crate::app::format::count;
use crate::app::model::Model;
use crate::app::panels::menu::SEARCH;
use crate::workspace::SortColumn;

#[derive(Default)]
pub struct SearchBox {
    text: String,
    /// The query the text was last synced from, so a restored workspace fills the box.
    synced: Option<String>,
}

const HELP: &str = "Words (all must appear), \"exact phrase\", OR, NOT or -word, \
prefix*, spelling variants~ (or ~2), title:word, path:folder";

impl SearchBox {
    pub fn show(&mut self, ui: &mut egui::Ui, model: &Model, out: &mut Vec<Command>) {
        let saved = &model.workspace.list.search;
        if self.synced.as_ref() != Some(saved) {
            saved.clone_into(&mut self.text);
            self.synced = Some(saved.clone());
        }
        let shortcut = ui.ctx().format_shortcut(&SEARCH);
        let mut run = false;
        ui.horizontal(|ui| {
            let button_width = 64.0;
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.text)
                        .hint_text(format!("Search all documents ({shortcut})"))
                        .desired_width(ui.available_width() - button_width),
                )
                .on_hover_text(HELP);
            let slash =
                ui.input(|i| i.key_pressed(Key::Slash)) && !ui.ctx().egui_wants_keyboard_input();
            if ui.input_mut(|i| i.consume_shortcut(&SEARCH)) || slash {
                field.request_focus();
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                run = true;
            }
            if ui
                .add_enabled(!self.text.trim().is_empty(), egui::Button::new("Search"))
                .clicked()
            {
                run = true;
            }
        });
        if run {
            self.synced = Some(self.text.clone());
            out.push(Command::Search(self.text.clone()));
        }
        status(ui, model, out);
    }
}

/// One line under the box: an error, "preparing", or how many documents match.
fn status(ui: &mut egui::Ui, model: &Model, out: &mut Vec<Command>) {
    let search = &model.search;
    if let Some(err) = &search.error {
        ui.label(RichText::new(err).color(ui.visuals().error_fg_color));
    } else if search.pending.is_some() || (search.building && search.index.is_none()) {
        if search.pending.is_some() {
            ui.label(RichText::new("Preparing search… your search runs when it is ready.").weak());
        }
    } else if let Some(active) = &search.active {
        let matched = count(active.hits.len(), "document matches", "documents match");
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("{matched} \u{201c}{}\u{201d}", active.text)).weak());
            let list = &model.workspace.list;
            let best_first = list.sort == SortColumn::Relevance;
            if ui
                .selectable_label(best_first, "Best match first")
                .on_hover_text("Order the list by how well each document matches")
                .clicked()
                && !best_first
            {
                out.push(Command::SetSort {
                    column: SortColumn::Relevance,
                    ascending: true,
                });
            }
        });
    }
}
