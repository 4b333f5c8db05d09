//! The document list (left panel): filter box, sortable virtualised table, status line.

use egui::{Align, Key, Layout, RichText};
use egui_extras::{Column, TableBuilder};

use crate::app::command::Command;
use crate::app::format::{count, document_date, thousands};
use crate::app::model::Model;
use crate::app::panels::menu::FILTER;
use crate::app::panels::search_box::SearchBox;
use crate::workspace::SortColumn;

const COLUMNS: [(SortColumn, &str); 5] = [
    (SortColumn::Title, "Title"),
    (SortColumn::Folder, "Folder"),
    (SortColumn::Author, "Author"),
    (SortColumn::Words, "Words"),
    (SortColumn::Modified, "Date"),
];

#[derive(Default)]
pub struct DocumentsPanel {
    /// The filter box's text; committed to the workspace as `SetFilter`.
    filter: String,
    /// Set when the selection moved by keyboard or was restored, to scroll the row into view once.
    scroll_to_selection: bool,
    search: SearchBox,
}

impl DocumentsPanel {
    /// Brings the filter box in line with a workspace that was opened or restored.
    pub fn sync_filter(&mut self, filter: &str) {
        filter.clone_into(&mut self.filter);
    }

    /// Scrolls the selected row into view on the next frame.
    pub fn scroll_to_selection(&mut self) {
        self.scroll_to_selection = true;
    }

    /// `rows` are the visible documents, in order, as indices into `model.documents`.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        model: &Model,
        rows: &[usize],
        out: &mut Vec<Command>,
    ) {
        self.keyboard(ui, model, rows, out);
        self.search.show(ui, model, out);
        ui.add_space(2.0);
        filter_chips(ui, model, out);
        self.filter_box(ui, out);
        ui.add_space(4.0);
        let status_height = ui.spacing().interact_size.y + 6.0;
        let table_height = (ui.available_height() - status_height).max(60.0);
        ui.allocate_ui(egui::vec2(ui.available_width(), table_height), |ui| {
            self.table(ui, model, rows, out);
        });
        ui.separator();
        status_line(ui, model, rows.len(), out);
    }

    fn filter_box(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        let shortcut = ui.ctx().format_shortcut(&FILTER);
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text("Filter documents…")
                    .desired_width(f32::INFINITY),
            )
            .on_hover_text(format!(
                "Show only documents whose title or path contains this ({shortcut})"
            ));
        if ui.input_mut(|i| i.consume_shortcut(&FILTER)) {
            field.request_focus();
        }
        if field.changed() {
            out.push(Command::SetFilter(self.filter.clone()));
        }
    }

    /// Up/Down move the selection when no text field has the keyboard.
    fn keyboard(&mut self, ui: &egui::Ui, model: &Model, rows: &[usize], out: &mut Vec<Command>) {
        if rows.is_empty() || ui.ctx().egui_wants_keyboard_input() {
            return;
        }
        let (up, down) = ui.input(|i| (i.key_pressed(Key::ArrowUp), i.key_pressed(Key::ArrowDown)));
        if !up && !down {
            return;
        }
        let position = model
            .selected
            .and_then(|sel| rows.iter().position(|&r| r == sel));
        let next = match (position, down) {
            (None, _) => 0,
            (Some(p), true) => (p + 1).min(rows.len() - 1),
            (Some(p), false) => p.saturating_sub(1),
        };
        out.push(Command::SelectDocument(Some(rows[next])));
        self.scroll_to_selection = true;
    }

    fn table(&mut self, ui: &mut egui::Ui, model: &Model, rows: &[usize], out: &mut Vec<Command>) {
        if rows.is_empty() && !model.documents.is_empty() {
            nothing_matches(ui, model);
            return;
        }
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        // The Author column only where some document names its author.
        let with_author = model.documents.iter().any(|d| d.metadata.author.is_some());
        let columns: Vec<(SortColumn, &str)> = COLUMNS
            .into_iter()
            .filter(|(column, _)| *column != SortColumn::Author || with_author)
            .collect();
        let mut table = TableBuilder::new(ui)
            .striped(true)
            .sense(egui::Sense::click())
            .cell_layout(Layout::left_to_right(Align::Center));
        for (column, _) in &columns {
            table = table.column(match column {
                SortColumn::Title => Column::remainder().at_least(140.0).clip(true),
                SortColumn::Folder | SortColumn::Author => Column::initial(100.0)
                    .at_least(50.0)
                    .clip(true)
                    .resizable(true),
                SortColumn::Words => Column::initial(64.0).at_least(48.0),
                SortColumn::Modified | SortColumn::Relevance => {
                    Column::initial(92.0).at_least(60.0).clip(true)
                }
            });
        }
        let mut table = table.min_scrolled_height(0.0).auto_shrink([false, false]);
        if std::mem::take(&mut self.scroll_to_selection)
            && let Some(pos) = model
                .selected
                .and_then(|s| rows.iter().position(|&r| r == s))
        {
            table = table.scroll_to_row(pos, None);
        }
        let list = &model.workspace.list;
        table
            .header(row_height, |mut header| {
                for &(column, name) in &columns {
                    header.col(|ui| {
                        let sorted = list.sort == column;
                        let label = egui::RichText::new(name).strong();
                        let button = ui
                            .add(egui::Button::new(label).frame(false))
                            .on_hover_text(format!("Sort by {}", name.to_lowercase()));
                        if sorted {
                            ui.label(if list.ascending { "▲" } else { "▼" });
                        }
                        if button.clicked() {
                            let ascending = !sorted || !list.ascending;
                            out.push(Command::SetSort { column, ascending });
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, rows.len(), |mut row| {
                    let index = rows[row.index()];
                    let doc = &model.documents[index];
                    row.set_selected(model.selected == Some(index));
                    for (column, _) in &columns {
                        row.col(|ui| match column {
                            SortColumn::Title => cell(ui, &doc.title),
                            SortColumn::Folder => cell(ui, doc.folder()),
                            SortColumn::Author => {
                                cell(ui, doc.metadata.author.as_deref().unwrap_or_default());
                            }
                            SortColumn::Words => {
                                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                                    cell(ui, &thousands(doc.words));
                                });
                            }
                            SortColumn::Modified | SortColumn::Relevance => {
                                cell(ui, &document_date(doc));
                            }
                        });
                    }
                    if row.response().clicked() {
                        out.push(Command::SelectDocument(Some(index)));
                    }
                });
            });
    }
}

/// The active search and entity, map and time filters, each removable, and "Clear filters".
fn filter_chips(ui: &mut egui::Ui, model: &Model, out: &mut Vec<Command>) {
    let filters = model.filters();
    let search = model.search.active.as_ref();
    if filters.is_empty() && search.is_none() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Showing documents with:").weak());
        if let Some(search) = search {
            let label = format!("Search: {}  x", search.text);
            if ui
                .add(egui::Button::new(label).corner_radius(8.0))
                .on_hover_text("Stop searching")
                .clicked()
            {
                out.push(Command::Search(String::new()));
            }
        }
        for (position, filter) in filters.iter().enumerate() {
            let label = format!("{}  x", filter.label(&model.entities));
            if ui
                .add(egui::Button::new(label).corner_radius(8.0))
                .on_hover_text("Remove this filter")
                .clicked()
            {
                out.push(Command::RemoveFilter(position));
            }
        }
        if ui.link("Clear filters").clicked() {
            out.push(Command::ClearFilters);
            if search.is_some() {
                out.push(Command::Search(String::new()));
            }
        }
    });
    ui.add_space(2.0);
}

/// Why the list is empty: the filters (search, names, map area, time range, title text)
/// that no document passes all at once.
fn nothing_matches(ui: &mut egui::Ui, model: &Model) {
    let mut filters: Vec<String> = Vec::new();
    if let Some(search) = &model.search.active {
        filters.push(format!("search \"{}\"", search.text));
    }
    filters.extend(model.filters().iter().map(|f| f.label(&model.entities)));
    let title = model.workspace.list.filter.trim();
    if !title.is_empty() {
        filters.push(format!("title or path containing \"{title}\""));
    }
    let text = match filters.as_slice() {
        [] => "No document to show.".to_owned(),
        [one] => format!("No document matches the filter: {one}."),
        all => format!("No document matches all the filters: {}.", all.join(", ")),
    };
    ui.add_space(8.0);
    ui.label(text);
    if !filters.is_empty() {
        ui.label(RichText::new("Remove a filter above to see more.").weak());
    }
}

fn cell(ui: &mut egui::Ui, text: &str) {
    ui.add(egui::Label::new(text).selectable(false).truncate());
}

fn status_line(ui: &mut egui::Ui, model: &Model, shown: usize, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        let total = model.documents.len();
        if shown == total {
            ui.label(count(total, "document", "documents"));
        } else {
            ui.label(format!(
                "{} of {}",
                thousands(shown),
                count(total, "document", "documents")
            ));
        }
        ui.label(", ");
        let problems = count(model.problems.len(), "problem", "problems");
        if model.problems.is_empty() {
            ui.label(problems);
        } else if ui
            .link(problems)
            .on_hover_text("Show the files that could not be read")
            .clicked()
        {
            out.push(Command::ShowProblems(true));
        }
    });
}
