//! The selected entity's details, under the sidebar's list: name, kind, spellings, where it
//! is mentioned (each mention in its sentence), and what appears with it.

use egui::RichText;
use egui::text::{LayoutJob, TextFormat};

use crate::app::command::Command;
use crate::app::format::{count, thousands};
use crate::app::kinds;
use crate::app::model::Model;
use crate::entities::{Correction, IndexedEntity, one_line, sentence_around};
use crate::extract::EntityKind;
use crate::extract::dates::DateValue;

/// Mentions shown in their sentence.
const FIRST_MENTIONS: usize = 8;
/// Entities listed under "Appears with".
const APPEARS_WITH: usize = 12;

/// What the details keep between frames: an open rename field, the merge search.
#[derive(Default)]
pub struct DetailsState {
    /// The entity being renamed and the name typed so far.
    rename: Option<(u32, String)>,
    merge_query: String,
    /// Entities picked with Shift+click to merge together, by id; the first one picked
    /// (the selected entity, when there is one) gives its name unless the user chooses.
    marked: Vec<String>,
    keep_name_of: usize,
    /// The date entity whose value is being edited, and the text typed.
    date_value: Option<(u32, String)>,
    /// The place whose gazetteer candidates were asked for.
    candidates_asked: Option<String>,
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

pub fn show(ui: &mut egui::Ui, model: &Model, state: &mut DetailsState, out: &mut Vec<Command>) {
    if merge_marked(ui, model, state, out) {
        return;
    }
    let Some((index, entity)) = model
        .selected_entity
        .and_then(|i| Some((i, model.entities.entity(i)?)))
    else {
        ui.add_space(8.0);
        ui.label(
            RichText::new("Click a name above to see where it appears and what appears with it.")
                .weak(),
        );
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("entity_details_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            heading(ui, entity);
            ui.add_space(4.0);
            let docs = model
                .filtered
                .entity_docs
                .get(index as usize)
                .copied()
                .unwrap_or(0);
            let mentions = model
                .filtered
                .entity_mentions
                .get(index as usize)
                .copied()
                .unwrap_or(0);
            ui.label(format!(
                "In {} ({})",
                count(docs as usize, "document", "documents"),
                count(mentions as usize, "mention", "mentions")
            ));
            ui.horizontal(|ui| {
                let buttons = [
                    (
                        "Show its documents",
                        "Filter the document list to the documents that mention it",
                        false,
                    ),
                    (
                        "Add to filters",
                        "Keep the other filters and also require this one",
                        true,
                    ),
                ];
                for (label, hint, add) in buttons {
                    if ui.button(label).on_hover_text(hint).clicked() {
                        out.push(Command::FilterByEntity {
                            id: entity.id.clone(),
                            add,
                        });
                    }
                }
            });
            ui.add_space(6.0);
            corrections(ui, model, index, entity, state, out);
            if entity.kind == EntityKind::Place {
                place_candidates(ui, model, entity, state, out);
            }
            spellings(ui, entity, out);
            ui.add_space(6.0);
            mentions_in_context(ui, model, index, out);
            ui.add_space(6.0);
            appears_with(ui, model, index, out);
        });
}

fn heading(ui: &mut egui::Ui, entity: &IndexedEntity) {
    ui.horizontal(|ui| {
        kinds::swatch(ui, entity.kind);
        ui.label(RichText::new(&entity.name).heading());
    });
    let mut facts = vec![kinds::singular(entity.kind).to_owned()];
    if let (Some(lat), Some(lon)) = (entity.lat, entity.lon) {
        facts.push(format!("{lat:.3}, {lon:.3}"));
    }
    if let Some(country) = &entity.country {
        facts.push(country.clone());
    }
    if entity.kind == EntityKind::Place && entity.lat.is_none() {
        facts.push("no coordinates".into());
    }
    ui.label(RichText::new(facts.join(" · ")).weak());
    if !entity.aliases.is_empty() {
        ui.label(format!("Also written: {}", entity.aliases.join(", ")));
    }
}

/// The value of a date, editable: "1999-03-03", "1979-02", "1968" or "1980s".
fn date_value(
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
fn place_candidates(
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
fn spellings(ui: &mut egui::Ui, entity: &IndexedEntity, out: &mut Vec<Command>) {
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
fn merge_marked(
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
fn corrections(
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
                into: id.clone(),
                others: vec![other.id.clone()],
            }));
            state.merge_query.clear();
        }
    }
}

fn mentions_in_context(ui: &mut egui::Ui, model: &Model, index: u32, out: &mut Vec<Command>) {
    ui.label(RichText::new("Mentions").strong());
    let mentions = model
        .entities
        .first_mentions(index, usize::MAX)
        .into_iter()
        .filter(|(doc, _)| model.filtered.allows(*doc as usize))
        .take(FIRST_MENTIONS);
    for (doc, mention) in mentions {
        let Some(document) = model.documents.get(doc as usize) else {
            continue;
        };
        let text = &document.text;
        let sentence = sentence_around(text, mention.start, mention.end);
        let (Some(before), Some(hit), Some(after)) = (
            text.get(sentence.start..mention.start),
            text.get(mention.start..mention.end),
            text.get(mention.end..sentence.end),
        ) else {
            continue;
        };
        let job = context_job(ui, before, hit, after);
        ui.add_space(2.0);
        ui.label(RichText::new(&document.title).small().weak());
        let response = ui
            .add(
                egui::Label::new(job)
                    .selectable(false)
                    .sense(egui::Sense::click()),
            )
            .on_hover_text("Open the document at this mention");
        if response.clicked() {
            out.push(Command::OpenMention {
                doc: doc as usize,
                start: mention.start,
            });
        }
    }
}

/// One mention in its sentence, the mention in bold.
fn context_job(ui: &egui::Ui, before: &str, hit: &str, after: &str) -> LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = TextFormat {
        font_id: font.clone(),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let strong = TextFormat {
        color: ui.visuals().strong_text_color(),
        ..plain.clone()
    };
    let mut job = LayoutJob::default();
    job.append(&one_line(before), 0.0, plain.clone());
    job.append(&one_line(hit), 0.0, strong);
    job.append(&one_line(after), 0.0, plain);
    job.wrap.max_width = ui.available_width();
    job
}

fn appears_with(ui: &mut egui::Ui, model: &Model, index: u32, out: &mut Vec<Command>) {
    let allowed = model.filtered.allowed.as_deref();
    let others = model.entities.appears_with(index, allowed, APPEARS_WITH);
    if others.is_empty() {
        return;
    }
    ui.label(RichText::new("Appears with").strong());
    // One per line: a row nested in a wrapping layout would not wrap and would widen the
    // sidebar instead.
    for (other, shared) in others {
        let Some(entity) = model.entities.entity(other) else {
            continue;
        };
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 3.0;
            kinds::swatch(ui, entity.kind);
            let label = format!("{} ({})", entity.name, thousands(shared as usize));
            if ui
                .link(label)
                .on_hover_text(format!(
                    "{} ({}) is in {} with it",
                    entity.name,
                    kinds::singular(entity.kind),
                    count(shared as usize, "document", "documents")
                ))
                .clicked()
            {
                out.push(Command::SelectEntity(Some(other)));
            }
        });
    }
}
