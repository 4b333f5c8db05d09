//! The corrections part of the entity details: rename, change kind, hide, merge (by name
//! or Shift+click), split a spelling out, set a date's value, move a place to another
//! gazetteer place; and what the details keep between frames for them.

use egui::RichText;

use crate::app::command::Command;
use crate::app::format::thousands;
use crate::app::kinds;
use crate::app::model::Model;
use crate::entities::{Correction, IndexedEntity};
use crate::extract::EntityKind;
use crate::extract::dates::DateValue;

/// What the details keep between frames: an open rename field, the merge search.
#[derive(Default)]
pub struct DetailsState {
    /// The entity being renamed and the name typed so far.
    pub(super) rename: Option<(u32, String)>,
    pub(super) merge_query: String,
    /// Entities picked with Shift+click to merge together, by id; the first one picked
    /// (the selected entity, when there is one) gives its name unless the user chooses.
    pub(super) marked: Vec<String>,
    pub(super) keep_name_of: usize,
    /// The date entity whose value is being edited, and the text typed.
    pub(super) date_value: Option<(u32, String)>,
    /// The place whose gazetteer candidates were asked for.
    pub(super) candidates_asked: Option<String>,
}

impl DetailsState {
    pub fn is_marked(&self, id: &str) -> bool {
        self.marked.iter().any(|m| m == id)
    }

    /// Shift+click: adds or removes an entity from the ones to merge. The selected entity
    /// joins first, so Shift+clicking others after selecting one merges them into it.
    pub fn toggle_marked(&mut self, id: &str, model: &Model) {
        if self.marked.is_empty()
            && let Some(selected) = model.selected_entity_id()
            && selected != id
        {
            self.marked.push(selected);
        }
        match self.marked.iter().position(|m| m == id) {
            Some(i) => {
                self.marked.remove(i);
            }
            None => self.marked.push(id.to_owned()),
        }
        self.keep_name_of = 0;
    }
}

/// The value of a date, editable: "1999-03-03", "1979-02", "1968" or "1980s".
pub(super) fn date_value(
    ui: &mut egui::Ui,
    index: u32,
    entity: &IndexedEntity,
    state: &mut DetailsState,
    out: &mut Vec<Command>,
) {
    if state.date_value.as_ref().is_none_or(|(i, _)| *i != index) {
        state.date_value = Some((index, entity.value.clone().unwrap_or_default()));
    }
    let Some((_, typed)) = state.date_value.as_mut() else {
        return;
    };
    let valid = DateValue::parse_iso(typed.trim()).is_some();
    ui.horizontal(|ui| {
        ui.label("Date:");
        ui.add(egui::TextEdit::singleline(typed).desired_width(110.0))
            .on_hover_text(
                "1999-03-03 (a day), 1979-02 (a month), 1968 (a year), 1980s (a decade)",
            );
        let changed = entity.value.as_deref() != Some(typed.trim());
        if ui
            .add_enabled(valid && changed, egui::Button::new("Set date"))
            .clicked()
        {
            out.push(Command::Correct(Correction::SetDate {
                id: entity.id.clone(),
                value: typed.trim().to_owned(),
            }));
        }
    });
    if !valid {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "Write it as 1999-03-03, 1979-02, 1968 or 1980s.",
        );
    }
}

/// The other gazetteer places this place could be, to pick the right one.
pub(super) fn place_candidates(
    ui: &mut egui::Ui,
    model: &Model,
    entity: &IndexedEntity,
    state: &mut DetailsState,
    out: &mut Vec<Command>,
) {
    let header = egui::CollapsingHeader::new("Other places with this name")
        .id_salt(("candidates", &entity.id))
        .show(ui, |ui| {
            let Some((_, places)) = model
                .place_candidates
                .as_ref()
                .filter(|(id, _)| *id == entity.id)
            else {
                ui.label(RichText::new("Looking them up…").weak());
                return;
            };
            if places.is_empty() {
                ui.label(RichText::new("The gazetteer has no other place by this name.").weak());
            }
            for p in places {
                let region = p
                    .admin1
                    .as_deref()
                    .map(|a| format!("{a}, "))
                    .unwrap_or_default();
                let people = if p.population > 0 {
                    format!(" · {} people", thousands(p.population as usize))
                } else {
                    String::new()
                };
                let here = entity.lat == Some(p.lat) && entity.lon == Some(p.lon);
                let label = format!("{} ({region}{}){people}", p.name, p.country);
                if ui
                    .add_enabled(!here, egui::Button::new(label))
                    .on_hover_text(format!("Put it at {:.3}, {:.3}", p.lat, p.lon))
                    .on_disabled_hover_text("Where it is now")
                    .clicked()
                {
                    out.push(Command::Correct(Correction::SetLocation {
                        id: entity.id.clone(),
                        lat: p.lat,
                        lon: p.lon,
                    }));
                }
            }
        });
    // Asked once per place while its list is open; the answer lands in the model.
    let asked = state.candidates_asked.as_ref() == Some(&entity.id);
    if header.body_returned.is_some() && !asked {
        state.candidates_asked = Some(entity.id.clone());
        let names = std::iter::once(&entity.name)
            .chain(&entity.aliases)
            .cloned()
            .collect();
        out.push(Command::FindPlaceCandidates {
            id: entity.id.clone(),
            names,
        });
    }
}

/// Each other spelling, with a way to take it back out as an entity of its own.
pub(super) fn spellings(ui: &mut egui::Ui, entity: &IndexedEntity, out: &mut Vec<Command>) {
    if entity.aliases.is_empty() {
        return;
    }
    let title = format!("Spellings ({})", entity.aliases.len());
    egui::CollapsingHeader::new(title)
        .id_salt(("spellings", &entity.id))
        .show(ui, |ui| {
            for alias in &entity.aliases {
                ui.horizontal(|ui| {
                    ui.label(alias);
                    if ui
                        .small_button("Split out")
                        .on_hover_text(format!(
                            "\"{alias}\" is someone or something else: make it an entity of its own"
                        ))
                        .clicked()
                    {
                        out.push(Command::Correct(Correction::Split {
                            id: entity.id.clone(),
                            alias: alias.clone(),
                        }));
                    }
                });
            }
        });
}

/// With two or more entities picked by Shift+click: which name to keep, and Merge.
/// Returns true while that choice is showing.
pub(super) fn merge_marked(
    ui: &mut egui::Ui,
    model: &Model,
    state: &mut DetailsState,
    out: &mut Vec<Command>,
) -> bool {
    state.marked.retain(|id| model.entities.find(id).is_some());
    if state.marked.len() < 2 {
        return false;
    }
    let names: Vec<&str> = state
        .marked
        .iter()
        .filter_map(|id| {
            model
                .entities
                .find(id)
                .and_then(|i| model.entities.entity(i))
        })
        .map(|e| e.name.as_str())
        .collect();
    ui.add_space(6.0);
    ui.label(RichText::new(format!("{} picked to merge", names.len())).heading());
    ui.label(names.join(", "));
    let keep = state.keep_name_of.min(names.len() - 1);
    egui::ComboBox::from_id_salt("merge_keep_name")
        .selected_text(format!("Keep the name: {}", names[keep]))
        .show_ui(ui, |ui| {
            for (i, name) in names.iter().enumerate() {
                ui.selectable_value(&mut state.keep_name_of, i, *name);
            }
        });
    ui.horizontal(|ui| {
        if ui
            .button(format!("Merge {}", names.len()))
            .on_hover_text("Make them one entity with every spelling (Ctrl+Z undoes it)")
            .clicked()
        {
            let into = state.marked[keep].clone();
            let others = state
                .marked
                .iter()
                .filter(|id| **id != into)
                .cloned()
                .collect();
            out.push(Command::Correct(Correction::Merge { into, others }));
            state.marked.clear();
        }
        if ui.button("Cancel").clicked() {
            state.marked.clear();
        }
    });
    ui.label(RichText::new("Shift+click names in the list to add or remove them.").weak());
    true
}

/// Rename, change kind, hide, merge: the user's fixes to what the engine found.
pub(super) fn corrections(
    ui: &mut egui::Ui,
    model: &Model,
    index: u32,
    entity: &IndexedEntity,
    state: &mut DetailsState,
    out: &mut Vec<Command>,
) {
    let id = entity.id.clone();
    ui.label(RichText::new("Correct").strong());
    if let Some((_, name)) = state.rename.as_mut().filter(|(i, _)| *i == index) {
        let mut done = false;
        ui.horizontal(|ui| {
            let field = ui.add(egui::TextEdit::singleline(name).desired_width(180.0));
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button("Rename").clicked() || enter) && !name.trim().is_empty() {
                out.push(Command::Correct(Correction::Rename {
                    id: id.clone(),
                    name: name.trim().to_owned(),
                }));
                done = true;
            }
            if ui.button("Cancel").clicked() {
                done = true;
            }
        });
        if done {
            state.rename = None;
        }
    } else {
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Rename…")
                .on_hover_text("Give it another name; the old one stays as a spelling")
                .clicked()
            {
                state.rename = Some((index, entity.name.clone()));
            }
            let mut kind = entity.kind;
            egui::ComboBox::from_id_salt("entity_kind")
                .selected_text(format!("Kind: {}", kinds::singular(kind)))
                .show_ui(ui, |ui| {
                    for k in EntityKind::ALL {
                        ui.selectable_value(&mut kind, k, kinds::singular(k));
                    }
                });
            if kind != entity.kind {
                out.push(Command::Correct(Correction::Retype {
                    id: id.clone(),
                    kind,
                }));
            }
            if entity.kind == EntityKind::Place
                && ui
                    .button("Set location on the map…")
                    .on_hover_text("Wrong place, or none found? Click where it really is")
                    .clicked()
            {
                out.push(Command::PickLocation);
            }
            if ui
                .button("Not an entity")
                .on_hover_text("Remove it from every list (Ctrl+Z brings it back)")
                .clicked()
            {
                out.push(Command::Correct(Correction::Hide { id: id.clone() }));
            }
        });
    }
    if entity.kind == EntityKind::Date {
        date_value(ui, index, entity, state, out);
    }
    merge_by_name(ui, model, entity, state, out);
}

/// "Merge with…": entities of the same kind whose names match what is typed.
fn merge_by_name(
    ui: &mut egui::Ui,
    model: &Model,
    entity: &IndexedEntity,
    state: &mut DetailsState,
    out: &mut Vec<Command>,
) {
    ui.add(
        egui::TextEdit::singleline(&mut state.merge_query)
            .hint_text("Merge with… (type a name)")
            .desired_width(f32::INFINITY),
    );
    let query = state.merge_query.trim().to_lowercase();
    if query.is_empty() {
        return;
    }
    let candidates = model
        .entities
        .live_entities()
        .map(|(_, e)| e)
        .filter(|e| e.kind == entity.kind && e.id != entity.id && e.matches(&query))
        .take(6);
    for other in candidates {
        let label = format!("Merge \"{}\" into \"{}\"", other.name, entity.name);
        if ui
            .button(label)
            .on_hover_text("They become one entity with both spellings")
            .clicked()
        {
            out.push(Command::Correct(Correction::Merge {
                into: entity.id.clone(),
                others: vec![other.id.clone()],
            }));
            state.merge_query.clear();
        }
    }
}
