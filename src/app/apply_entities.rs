//! Applying the commands about entities: selection, filters, opening a mention, and the
//! user's corrections with undo and redo.

use super::CorpusExplorerApp;
use super::command::Command;
use super::find::find_matches;
use super::jobs::JobResult;
use super::model::PlaceCandidate;
use crate::entities::{Correction, Filter, MarkedText};
use crate::extract::gazetteer::Gazetteer;

/// The gazetteer's places for any of `names`, best first, without repeats. Loads the
/// gazetteer on first use (a task thread, never the UI thread).
fn place_candidates(names: &[String]) -> Result<Vec<PlaceCandidate>, String> {
    let gazetteer = Gazetteer::shared().map_err(|e| e.to_string())?;
    let mut out: Vec<PlaceCandidate> = Vec::new();
    for name in names {
        for p in gazetteer.candidates_for(name) {
            let candidate = PlaceCandidate {
                name: p.name.clone(),
                admin1: p.admin1.clone(),
                country: p.country.clone(),
                population: p.population,
                lat: p.lat,
                lon: p.lon,
            };
            if !out.contains(&candidate) {
                out.push(candidate);
            }
        }
    }
    out.truncate(12);
    Ok(out)
}

impl CorpusExplorerApp {
    pub(super) fn apply_entity_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::SelectEntity(selected) => {
                if self.model.selected_entity != selected {
                    self.model.selected_entity = selected;
                    self.model.mark_changed();
                }
                self.entities.reveal(&self.model);
            }
            Command::FilterByEntity { id, add } => {
                let filters = &mut self.model.workspace.list.filters;
                if !add {
                    filters.retain(|f| !matches!(f, Filter::Entity { .. }));
                }
                let filter = Filter::Entity { id };
                if !filters.contains(&filter) {
                    filters.push(filter);
                }
                self.filters_changed();
            }
            Command::AddFilter(filter) => {
                let filters = &mut self.model.workspace.list.filters;
                filters.retain(|f| std::mem::discriminant(f) != std::mem::discriminant(&filter));
                filters.push(filter);
                self.filters_changed();
            }
            Command::RemoveFilter(position) => {
                let filters = &mut self.model.workspace.list.filters;
                if position < filters.len() {
                    filters.remove(position);
                    self.filters_changed();
                }
            }
            Command::ClearFilters => {
                self.model.workspace.list.filters.clear();
                self.filters_changed();
            }
            Command::OpenMention { doc, start } if doc < self.model.documents.len() => {
                self.apply(ctx, Command::SelectDocument(Some(doc)));
                self.reader.scroll_to_offset(start);
                self.central = super::CentralTab::Reading;
                self.documents.scroll_to_selection();
            }
            Command::Correct(correction) => {
                let merged_into = match &correction {
                    Correction::Merge { into, .. } => Some(into.clone()),
                    _ => None,
                };
                // The common corrections update the index in place (fast on a large
                // corpus); the others, and any that do not fit, replay the whole list.
                let in_place = self.model.extraction_complete
                    && self.model.entities.apply_in_place(&correction);
                self.model.workspace.corrections.push(correction);
                self.model.redo.clear();
                if in_place {
                    self.model.forget_retired_selection();
                    self.model.entities_changed();
                    self.model.mark_changed();
                } else {
                    self.corrections_changed();
                }
                if let Some(id) = merged_into {
                    self.model.selected_entity = self.model.entities.find(&id);
                }
            }
            Command::MarkText {
                kind,
                query,
                doc,
                everywhere,
            } => {
                if let Some(correction) = self.mark_text(kind, &query, doc, everywhere) {
                    self.apply_entity_command(ctx, Command::Correct(correction));
                }
            }
            Command::FindPlaceCandidates { id, names } => {
                let find = move || JobResult::PlaceCandidates {
                    id,
                    result: place_candidates(&names),
                };
                if let Err(err) = self.tasks.spawn("gazetteer", ctx, find) {
                    self.banner = Some(format!("Could not look the place up: {err}"));
                }
            }
            Command::PickLocation => {
                self.central = super::CentralTab::Map;
                self.map.start_pick_location();
            }
            Command::Undo => {
                if let Some(correction) = self.model.workspace.corrections.pop() {
                    self.model.redo.push(correction);
                    self.corrections_changed();
                }
            }
            Command::Redo => {
                if let Some(correction) = self.model.redo.pop() {
                    self.model.workspace.corrections.push(correction);
                    self.corrections_changed();
                }
            }
            _ => {}
        }
    }

    /// The matches of `query` (as find counts them) as an "add" correction named after
    /// the first match as written.
    fn mark_text(
        &self,
        kind: crate::extract::EntityKind,
        query: &str,
        doc: usize,
        everywhere: bool,
    ) -> Option<Correction> {
        let documents = &self.model.documents;
        let targets: Vec<&crate::corpus::Document> = if everywhere {
            documents.iter().collect()
        } else {
            documents.get(doc).into_iter().collect()
        };
        let mut mentions = Vec::new();
        let mut name = None;
        for document in targets {
            for range in find_matches(&document.text, query) {
                name.get_or_insert_with(|| document.text[range.clone()].to_owned());
                mentions.push(MarkedText {
                    path: document.rel_path.clone(),
                    start: range.start,
                    end: range.end,
                });
            }
        }
        Some(Correction::Add {
            kind,
            name: name?,
            mentions,
        })
    }

    fn filters_changed(&mut self) {
        self.model.refresh_filter();
        self.model.mark_changed();
    }

    fn corrections_changed(&mut self) {
        self.model.reapply_corrections();
        self.model.mark_changed();
        if let Some(problem) = self.model.correction_problems.last() {
            self.banner = Some(problem.message.clone());
        }
    }
}
