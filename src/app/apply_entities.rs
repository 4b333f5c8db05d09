//! Applying the commands about entities: selection, filters, opening a mention, and the
//! user's corrections with undo and redo.

use super::central::CentralTab;
use super::command::{Command, MarkAs, MarkScope, MarkText};
use super::find::find_matches;
use super::format::count;
use super::jobs::JobResult;
use super::model::PlaceCandidate;
use super::session::{CorpusSession, WindowCtx};
use crate::entities::{Correction, Filter, MarkedText, follow_correction};
use crate::extract::gazetteer::{Gazetteer, GazetteerError};

/// The name of a marked entity as the text writes it: the first spelling that is not in
/// capitals throughout (a headline's "MENDOZA" is "Mendoza" in the sentences below).
fn preferred_spelling(mentions: &[MarkedText]) -> String {
    let shouted = |t: &str| !t.chars().any(char::is_lowercase);
    mentions
        .iter()
        .find(|m| !shouted(&m.text))
        .or(mentions.first())
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

/// The gazetteer's places for any of `names`, best first, without repeats. Loads the
/// gazetteer on first use (a task thread, never the UI thread).
fn place_candidates(names: &[String]) -> Result<Vec<PlaceCandidate>, &'static GazetteerError> {
    let gazetteer = Gazetteer::shared()?;
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

impl CorpusSession {
    pub(super) fn apply_entity_command(&mut self, command: Command, window: &mut WindowCtx) {
        match command {
            Command::SelectEntity(selected) => {
                if self.model.selected_entity != selected {
                    self.model.selected_entity = selected;
                    self.model.mark_changed();
                }
                self.views.entities.reveal(&self.model);
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
                self.select_document(Some(doc));
                self.views.reader.scroll_to_offset(start);
                *window.central = CentralTab::Reading;
                self.views.documents.scroll_to_selection();
            }
            Command::Correct(correction) => self.correct(correction, window),
            Command::MarkText(request) => match self.mark_text(&request) {
                Ok((correction, left_to_others)) => {
                    self.apply_entity_command(Command::Correct(correction), window);
                    if left_to_others > 0 {
                        window.notices.info(format!(
                            "{} already part of another name stayed with it.",
                            count(left_to_others, "match", "matches")
                        ));
                    }
                }
                Err(why) => window.notices.warn(why),
            },
            Command::FindPlaceCandidates { id, names } => {
                let find = move || JobResult::PlaceCandidates {
                    id,
                    result: place_candidates(&names),
                };
                window.spawn("gazetteer", "Could not look the place up", find);
            }
            Command::PickLocation => {
                *window.central = CentralTab::Map;
                self.views.map.start_pick_location();
            }
            Command::Undo => {
                if let Some(correction) = self.model.workspace.corrections.pop() {
                    self.model.redo.push(correction);
                    self.corrections_changed(window);
                }
            }
            Command::Redo => {
                if let Some(correction) = self.model.redo.pop() {
                    self.model.workspace.corrections.push(correction);
                    self.corrections_changed(window);
                }
            }
            _ => {}
        }
    }

    /// Applies a correction: in place when it can be (fast on a large corpus), else by
    /// replaying the whole list.
    fn correct(&mut self, correction: Correction, window: &mut WindowCtx) {
        let merged_into = match &correction {
            Correction::Merge { into, .. } => Some(into.clone()),
            _ => None,
        };
        // A filter on an entity merged away or hidden follows it (or goes) rather
        // than stay behind matching nothing.
        follow_correction(&mut self.model.workspace.list.filters, &correction);
        // The common corrections update the index in place (fast on a large
        // corpus); the others, and any that do not fit, replay the whole list.
        let in_place =
            self.model.extraction_complete && self.model.entities.apply_in_place(&correction);
        self.model.workspace.corrections.push(correction);
        self.model.redo.clear();
        if in_place {
            self.model.forget_retired_selection();
            self.model.entities_changed();
            self.model.mark_changed();
        } else {
            self.corrections_changed(window);
        }
        if let Some(id) = merged_into {
            self.model.selected_entity = self.model.entities.find(&id);
        }
    }

    /// The correction that marks what `request` asks for. Matches that are already part of
    /// an entity are left to it unless the user chose to take them.
    fn mark_text(&self, request: &MarkText) -> Result<(Correction, usize), String> {
        let model = &self.model;
        let targets: Vec<usize> = match request.scope {
            MarkScope::Everywhere => (0..model.documents.len()).collect(),
            MarkScope::Match(_) | MarkScope::Document => vec![request.doc],
        };
        let mut mentions = Vec::new();
        let mut left_to_others = 0;
        for doc in targets {
            let Some(document) = model.documents.get(doc) else {
                continue;
            };
            let ranges = match &request.scope {
                MarkScope::Match(range) => vec![range.clone()],
                MarkScope::Document | MarkScope::Everywhere => {
                    find_matches(&document.text, &request.query)
                }
            };
            for range in ranges {
                let Some(text) = document.text.get(range.clone()) else {
                    continue;
                };
                let owned = model.entities.mention_over(doc, range.start, range.end);
                if owned.is_some() && !request.take_from_others {
                    left_to_others += 1;
                    continue;
                }
                mentions.push(MarkedText {
                    path: document.rel_path.clone(),
                    start: range.start,
                    end: range.end,
                    text: text.to_owned(),
                });
            }
        }
        if mentions.is_empty() {
            return Err(if left_to_others > 0 {
                "Nothing was marked: the text is already part of a name. Tick \"Take them from \
                 it\" in the Mark as… menu to mark it anyway."
                    .to_owned()
            } else {
                format!("\"{}\" was not found.", request.query)
            });
        }
        let correction = match &request.mark_as {
            MarkAs::New(kind) => Correction::Add {
                kind: *kind,
                name: preferred_spelling(&mentions),
                mentions,
            },
            MarkAs::Existing(id) => Correction::AddMentions {
                id: id.clone(),
                mentions,
            },
        };
        Ok((correction, left_to_others))
    }

    fn filters_changed(&mut self) {
        self.model.refresh_filter();
        self.model.mark_changed();
    }

    fn corrections_changed(&mut self, window: &mut WindowCtx) {
        self.model.reapply_corrections();
        self.model.mark_changed();
        if let Some(problem) = self.model.correction_problems.last() {
            window.notices.warn(problem.message.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> MarkedText {
        MarkedText {
            path: "a.txt".into(),
            start: 0,
            end: text.len(),
            text: text.into(),
        }
    }

    #[test]
    fn a_marked_name_is_spelled_as_the_sentences_write_it_not_as_a_headline() {
        let mentions = [marked("MENDOZA"), marked("Mendoza"), marked("mendoza")];
        assert_eq!(preferred_spelling(&mentions), "Mendoza");
        assert_eq!(preferred_spelling(&mentions[..1]), "MENDOZA");
    }
}
