//! The entity sidebar (right): People, Organisations, Places and Dates of the documents
//! the filters let through, with counts, a name filter that also matches aliases, and the
//! selected entity's details underneath.

use egui::{Align, Layout, RichText};
use egui_extras::{Column, TableBuilder};

use crate::app::command::Command;
use crate::app::format::thousands;
use crate::app::kinds;
use crate::app::model::Model;
use crate::app::panels::{entity_details, entity_fixes};
use crate::entities::Correction;
use crate::extract::EntityKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortBy {
    Name,
    Documents,
    Mentions,
}

/// The sidebar's own state: the tab, the name filter, the sort, and the cached rows.
pub struct EntitiesPanel {
    kind: EntityKind,
    filter: String,
    /// Per tab (in `EntityKind::ALL` order): dates start in time order, the rest by documents.
    sorts: [SortBy; 4],
    rows: Vec<u32>,
    /// What `rows` was computed for.
    computed_for: Option<RowsKey>,
    /// Where the list was last drawn: while the pointer is over it, a new filter does not
    /// re-sort the rows (the next click would land on another name).
    list_rect: Option<egui::Rect>,
    scroll_to_selection: bool,
    details: entity_fixes::DetailsState,
}

impl Default for EntitiesPanel {
    fn default() -> Self {
        Self {
            kind: EntityKind::Person,
            filter: String::new(),
            sorts: [
                SortBy::Documents,
                SortBy::Documents,
                SortBy::Documents,
                SortBy::Name,
            ],
            rows: Vec::new(),
            computed_for: None,
            list_rect: None,
            scroll_to_selection: false,
            details: entity_fixes::DetailsState::default(),
        }
    }
}

/// What the rows depend on: the tab, the name filter, the sort, the entities' revision
/// and the filter generation.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RowsKey {
    kind: EntityKind,
    filter: String,
    sort: SortBy,
    entities_revision: u64,
    filter_generation: u64,
}

impl RowsKey {
    /// Only the filter generation differs: the same entities in the same tab and order.
    fn only_filters_differ(&self, other: &RowsKey) -> bool {
        RowsKey {
            filter_generation: other.filter_generation,
            ..self.clone()
        } == *other
    }
}

fn kind_slot(kind: EntityKind) -> usize {
    EntityKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

impl EntitiesPanel {
    fn sort(&self) -> SortBy {
        self.sorts[kind_slot(self.kind)]
    }

    /// Shows the tab of the selected entity and scrolls it into view.
    pub fn reveal(&mut self, model: &Model) {
        if let Some(e) = model.selected_entity.and_then(|i| model.entities.entity(i)) {
            self.kind = e.kind;
            self.scroll_to_selection = true;
        }
    }

    pub fn show(&mut self, ui: &mut egui::Ui, model: &Model, out: &mut Vec<Command>) {
        self.tabs(ui, model);
        ui.add(
            egui::TextEdit::singleline(&mut self.filter)
                .hint_text(format!(
                    "Filter {}…",
                    kinds::plural(self.kind).to_lowercase()
                ))
                .desired_width(f32::INFINITY),
        )
        .on_hover_text("Show only names containing this (aliases count too)");
        let pointer_on_list = self
            .list_rect
            .is_some_and(|rect| ui.rect_contains_pointer(rect));
        self.refresh_rows(model, pointer_on_list);
        suggestions(ui, model, out);
        if model.entities.entities().is_empty() {
            ui.add_space(12.0);
            let text = if model.extraction_complete {
                "No people, organisations, places or dates were found in these documents."
            } else {
                "Finding people, organisations, places and dates…"
            };
            ui.label(RichText::new(text).weak());
            return;
        }
        // The list takes the upper half, the selected entity's details the rest.
        let list_height = (ui.available_height() * 0.5).max(120.0);
        let list = ui.allocate_ui(egui::vec2(ui.available_width(), list_height), |ui| {
            self.table(ui, model, out);
        });
        self.list_rect = Some(list.response.rect);
        ui.separator();
        entity_details::show(ui, model, &mut self.details, out);
    }

    fn tabs(&mut self, ui: &mut egui::Ui, model: &Model) {
        ui.horizontal_wrapped(|ui| {
            for kind in EntityKind::ALL {
                let count = model
                    .entities
                    .entities()
                    .iter()
                    .enumerate()
                    .filter(|(i, e)| e.kind == kind && model.filtered.entity_docs[*i] > 0)
                    .count();
                let label = format!("{} {}", kinds::plural(kind), thousands(count));
                // Swatch and tab side by side, straight in the wrapping row: a nested
                // row would not wrap and would widen the sidebar.
                kinds::swatch(ui, kind);
                if ui.selectable_label(self.kind == kind, label).clicked() {
                    self.kind = kind;
                }
            }
        });
    }

    /// Recomputes the rows when what they depend on changed. A new filter alone waits
    /// while the pointer is on the list, so clicking a name never moves the rows under it.
    fn refresh_rows(&mut self, model: &Model, pointer_on_list: bool) {
        let key = RowsKey {
            kind: self.kind,
            filter: self.filter.clone(),
            sort: self.sort(),
            entities_revision: model.entities_revision,
            filter_generation: model.filter_generation,
        };
        let keep =
            |old: &RowsKey| *old == key || (pointer_on_list && old.only_filters_differ(&key));
        if self.computed_for.as_ref().is_some_and(keep) {
            return;
        }
        let needle = self.filter.trim().to_lowercase();
        let entities = model.entities.entities();
        let counts = &model.filtered;
        let mut rows: Vec<u32> = (0..entities.len() as u32)
            .filter(|&i| {
                let e = &entities[i as usize];
                e.kind == self.kind && counts.entity_docs[i as usize] > 0 && e.matches(&needle)
            })
            .collect();
        let name_order = |a: &u32, b: &u32| {
            let (ea, eb) = (&entities[*a as usize], &entities[*b as usize]);
            match (ea.date, eb.date) {
                // Dates list in time order, not by their spelling.
                (Some(da), Some(db)) => da.day_range().cmp(&db.day_range()),
                _ => ea.lower_name().cmp(eb.lower_name()),
            }
        };
        match self.sort() {
            SortBy::Name => rows.sort_by(name_order),
            SortBy::Documents => rows.sort_by(|a, b| {
                counts.entity_docs[*b as usize]
                    .cmp(&counts.entity_docs[*a as usize])
                    .then_with(|| name_order(a, b))
            }),
            SortBy::Mentions => rows.sort_by(|a, b| {
                counts.entity_mentions[*b as usize]
                    .cmp(&counts.entity_mentions[*a as usize])
                    .then_with(|| name_order(a, b))
            }),
        }
        self.rows = rows;
        self.computed_for = Some(key);
    }

    fn table(&mut self, ui: &mut egui::Ui, model: &Model, out: &mut Vec<Command>) {
        if self.rows.is_empty() {
            ui.add_space(8.0);
            ui.label(
                RichText::new(format!(
                    "No {} here.",
                    kinds::plural(self.kind).to_lowercase()
                ))
                .weak(),
            );
            return;
        }
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        let mut table = TableBuilder::new(ui)
            .id_salt(("entities", self.kind))
            .striped(true)
            .sense(egui::Sense::click())
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::remainder().at_least(100.0).clip(true))
            .column(Column::initial(52.0).at_least(40.0))
            .column(Column::initial(64.0).at_least(40.0))
            .min_scrolled_height(0.0)
            .auto_shrink([false, false]);
        if std::mem::take(&mut self.scroll_to_selection)
            && let Some(pos) = model
                .selected_entity
                .and_then(|s| self.rows.iter().position(|&r| r == s))
        {
            table = table.scroll_to_row(pos, Some(Align::Center));
        }
        let headers = [
            (SortBy::Name, "Name", "Sort by name (dates: by time)"),
            (SortBy::Documents, "Docs", "Sort by number of documents"),
            (SortBy::Mentions, "Mentions", "Sort by number of mentions"),
        ];
        table
            .header(row_height, |mut header| {
                for (sort, name, hint) in headers {
                    header.col(|ui| {
                        let label = RichText::new(name).strong();
                        if ui
                            .add(egui::Button::new(label).frame(false))
                            .on_hover_text(hint)
                            .clicked()
                        {
                            self.sorts[kind_slot(self.kind)] = sort;
                        }
                        if self.sort() == sort {
                            ui.label(if sort == SortBy::Name { "▲" } else { "▼" });
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, self.rows.len(), |mut row| {
                    let index = self.rows[row.index()];
                    let Some(entity) = model.entities.entity(index) else {
                        return;
                    };
                    let marked = self.details.is_marked(&entity.id);
                    row.set_selected(model.selected_entity == Some(index) || marked);
                    row.col(|ui| {
                        ui.add(egui::Label::new(&entity.name).selectable(false).truncate());
                    });
                    for count in [
                        model.filtered.entity_docs[index as usize],
                        model.filtered.entity_mentions[index as usize],
                    ] {
                        row.col(|ui| {
                            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                                ui.label(thousands(count as usize));
                            });
                        });
                    }
                    let response = row.response().on_hover_text(hover_text(entity));
                    let shift = response.ctx.input(|i| i.modifiers.shift);
                    if response.clicked() && shift {
                        self.details.toggle_marked(&entity.id, model);
                    } else if response.clicked() {
                        let add = ui_ctrl(&response);
                        out.push(Command::SelectEntity(Some(index)));
                        out.push(Command::FilterByEntity {
                            id: entity.id.clone(),
                            add,
                        });
                    }
                });
            });
    }
}

/// The engine's merge suggestions, each to accept or dismiss.
fn suggestions(ui: &mut egui::Ui, model: &Model, out: &mut Vec<Command>) {
    let suggestions = model.entities.suggestions();
    if suggestions.is_empty() {
        return;
    }
    let title = format!("Suggested merges ({})", thousands(suggestions.len()));
    egui::CollapsingHeader::new(title)
        .id_salt("merge_suggestions")
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("merge_suggestions_scroll")
                .max_height(180.0)
                .show(ui, |ui| {
                    for suggestion in suggestions {
                        let names: Vec<&str> = suggestion
                            .entities
                            .iter()
                            .filter_map(|id| model.entities.find(id))
                            .filter_map(|i| model.entities.entity(i))
                            .map(|e| e.name.as_str())
                            .collect();
                        ui.horizontal_wrapped(|ui| {
                            ui.label(format!("{} ({})", names.join(" = "), suggestion.reason));
                            let Some((into, others)) = suggestion.entities.split_first() else {
                                return;
                            };
                            if ui.small_button("Merge").clicked() {
                                out.push(Command::Correct(Correction::Merge {
                                    into: into.clone(),
                                    others: others.to_vec(),
                                }));
                            }
                            if ui.small_button("Not the same").clicked() {
                                out.push(Command::Correct(Correction::DismissSuggestion {
                                    entities: suggestion.entities.clone(),
                                }));
                            }
                        });
                    }
                });
        });
}

fn ui_ctrl(response: &egui::Response) -> bool {
    response.ctx.input(|i| i.modifiers.command)
}

fn hover_text(entity: &crate::entities::IndexedEntity) -> String {
    let mut text = format!(
        "{} ({})\nClick: show its documents. Ctrl+click: add to the filters.\n\
         Shift+click: pick several to merge.",
        entity.name,
        kinds::singular(entity.kind)
    );
    if !entity.aliases.is_empty() {
        text.push_str(&format!("\nAlso written: {}", entity.aliases.join(", ")));
    }
    text
}
