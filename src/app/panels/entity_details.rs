//! The selected entity's details, under the sidebar's list: name, kind, spellings, where it
//! is mentioned (each mention in its sentence), and what appears with it.

use egui::RichText;
use egui::text::{LayoutJob, TextFormat};

use super::entity_fixes::{DetailsState, corrections, merge_marked, place_candidates, spellings};
use crate::app::command::Command;
use crate::app::format::{count, thousands};
use crate::app::kinds;
use crate::app::model::Model;
use crate::entities::{IndexedEntity, one_line, sentence_around};
use crate::extract::EntityKind;

/// Mentions shown in their sentence.
const FIRST_MENTIONS: usize = 8;
/// Entities listed under "Appears with".
const APPEARS_WITH: usize = 12;

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
