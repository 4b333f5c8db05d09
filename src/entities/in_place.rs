//! The common corrections applied straight to a built index — merge, rename, change kind,
//! hide, dismiss — so that on a large corpus the sidebar follows at once instead of after
//! a full rebuild. The result is the same as replaying the whole list (a test checks it);
//! anything else, and undo, takes the full path.

use super::corrections::rules;
use super::corrections::{Correction, drop_dead_suggestions, redirect_suggestions, same_set};
use super::index::EntityIndex;

impl EntityIndex {
    /// Applies `correction` in place. Returns false, changing nothing, when it cannot be
    /// applied this way (its kind needs a rebuild, or an entity it names is missing).
    pub fn apply_in_place(&mut self, correction: &Correction) -> bool {
        match correction {
            Correction::Merge { into, others } => {
                let Some(target) = self.find(into) else {
                    return false;
                };
                let sources: Option<Vec<u32>> = others
                    .iter()
                    .filter(|o| *o != into)
                    .map(|o| self.find(o))
                    .collect();
                let Some(sources) = sources else {
                    return false;
                };
                for source in sources {
                    self.merge_one(target, source);
                }
            }
            Correction::Rename { id, name } => {
                let Some(i) = self.find(id) else {
                    return false;
                };
                rules::rename(&mut self.entities[i as usize], name);
            }
            Correction::Retype { id, kind } => {
                let Some(i) = self.find(id) else {
                    return false;
                };
                rules::retype(&mut self.entities[i as usize], *kind);
            }
            Correction::SetLocation { id, lat, lon } => {
                let Some(i) = self.find(id) else {
                    return false;
                };
                rules::set_location(&mut self.entities[i as usize], *lat, *lon);
            }
            Correction::SetDate { id, value } => {
                let Some(i) = self.find(id) else {
                    return false;
                };
                rules::set_date(&mut self.entities[i as usize], value);
            }
            Correction::Hide { id } => {
                let Some(i) = self.find(id) else {
                    return false;
                };
                let docs = std::mem::take(&mut self.entities[i as usize].docs);
                for doc in docs {
                    self.doc_mentions[doc as usize].retain(|m| m.entity != i);
                }
                self.retire(i);
            }
            Correction::DismissSuggestion { entities } => {
                self.suggestions
                    .retain(|s| !same_set(entities, &s.entities));
            }
            Correction::Split { .. }
            | Correction::HideMention { .. }
            | Correction::Add { .. }
            | Correction::AddMentions { .. } => {
                return false;
            }
        }
        true
    }

    /// `source` becomes part of `target`: its names and facts as the merge rule says, and
    /// its documents and mentions.
    fn merge_one(&mut self, target: u32, source: u32) {
        let Ok([to, from]) = self
            .entities
            .get_disjoint_mut([target as usize, source as usize])
        else {
            return;
        };
        rules::merge_facts(to, from);
        let docs = std::mem::take(&mut from.docs);
        to.mentions += from.mentions;
        to.docs.extend(&docs);
        to.docs.sort_unstable();
        to.docs.dedup();
        let (from_id, to_id) = (from.id.clone(), to.id.clone());
        for &doc in &docs {
            for m in &mut self.doc_mentions[doc as usize] {
                if m.entity == source {
                    m.entity = target;
                }
            }
        }
        redirect_suggestions(&mut self.suggestions, &from_id, &to_id);
        self.retire(source);
    }

    /// An entity that is gone: no documents, no mentions, not found by id, and no longer
    /// part of any suggestion. Its slot stays so other indices do not move.
    fn retire(&mut self, index: u32) {
        let e = &mut self.entities[index as usize];
        e.docs.clear();
        e.mentions = 0;
        self.by_id.remove(&e.id);
        let by_id = &self.by_id;
        drop_dead_suggestions(&mut self.suggestions, |id| by_id.contains_key(id));
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::index::tests::entity;
    use crate::entities::{Correction, EntityIndex, apply_corrections};
    use crate::extract::{EntityKind, Extraction, MergeSuggestion};

    fn extraction() -> Extraction {
        // A month the document dated, and a season with no value of its own.
        let mut july = entity("date:july", EntityKind::Date, &[("d0", 30)]);
        (july.value, july.inferred) = (Some("1999-07".into()), true);
        Extraction {
            entities: vec![
                entity("person:a", EntityKind::Person, &[("d0", 0), ("d1", 0)]),
                entity("person:b", EntityKind::Person, &[("d1", 10), ("d2", 0)]),
                entity("person:c", EntityKind::Person, &[("d2", 10)]),
                entity("place:x", EntityKind::Place, &[("d0", 20)]),
                july,
                entity("date:summer", EntityKind::Date, &[("d1", 30)]),
            ],
            suggestions: vec![
                MergeSuggestion {
                    entities: vec!["person:a".into(), "person:b".into()],
                    reason: "transliteration variant".into(),
                },
                MergeSuggestion {
                    entities: vec!["person:b".into(), "person:c".into()],
                    reason: "same surname".into(),
                },
            ],
        }
    }

    /// What the views see: live entities with their documents and counts, per-document
    /// mentions by entity id, and the suggestions.
    /// Live entities, mentions per document (start, entity id), number of suggestions.
    type Seen = (Vec<String>, Vec<Vec<(usize, String)>>, Vec<Vec<String>>);

    fn seen(index: &EntityIndex) -> Seen {
        let mut live: Vec<String> = index
            .entities()
            .iter()
            .filter(|e| index.find(&e.id).is_some())
            .map(|e| {
                format!(
                    "{} {:?} {} {:?} {:?} {} {:?} {:?}",
                    e.id,
                    e.kind,
                    e.name,
                    e.aliases,
                    e.docs,
                    e.mentions,
                    (e.lat, e.lon, &e.country),
                    (&e.value, e.date, e.inferred)
                )
            })
            .collect();
        live.sort();
        let per_doc = (0..index.document_count())
            .map(|d| {
                index
                    .mentions_in(d)
                    .iter()
                    .map(|m| {
                        (
                            m.start,
                            index
                                .entity(m.entity)
                                .map(|e| e.id.clone())
                                .unwrap_or_default(),
                        )
                    })
                    .collect()
            })
            .collect();
        let suggestions = index
            .suggestions()
            .iter()
            .map(|s| s.entities.clone())
            .collect();
        (live, per_doc, suggestions)
    }

    #[test]
    fn in_place_corrections_match_a_full_replay() {
        let base = extraction();
        let paths = ["d0", "d1", "d2"];
        let corrections = vec![
            Correction::Merge {
                into: "person:a".into(),
                others: vec!["person:b".into()],
            },
            Correction::Rename {
                id: "person:a".into(),
                name: "Alpha".into(),
            },
            Correction::Retype {
                id: "person:c".into(),
                kind: EntityKind::Organization,
            },
            Correction::SetLocation {
                id: "person:c".into(),
                lat: 6.45,
                lon: 3.4,
            },
            Correction::Hide {
                id: "place:x".into(),
            },
            Correction::SetDate {
                id: "person:c".into(),
                value: "1980s".into(),
            },
            // The season takes the month's value, inferred as it was.
            Correction::Merge {
                into: "date:summer".into(),
                others: vec!["date:july".into()],
            },
        ];
        let mut index = EntityIndex::build(&base, &paths);
        for c in &corrections {
            assert!(index.apply_in_place(c), "{c:?}");
        }
        assert_eq!(
            index.suggestions()[0].entities,
            ["person:a", "person:c"],
            "the suggestion about b now names a, which b merged into"
        );
        let dismiss = Correction::DismissSuggestion {
            entities: vec!["person:c".into(), "person:a".into()],
        };
        assert!(index.apply_in_place(&dismiss));
        assert!(index.suggestions().is_empty());
        let corrections = [corrections, vec![dismiss]].concat();
        let (corrected, problems) = apply_corrections(&base, &corrections);
        assert!(problems.is_empty());
        let rebuilt = EntityIndex::build_from(&corrected.entities, &corrected.suggestions, &paths);
        assert_eq!(seen(&index), seen(&rebuilt));
    }

    #[test]
    fn a_missing_entity_or_a_split_is_left_to_the_full_path() {
        let mut index = EntityIndex::build(&extraction(), &["d0", "d1", "d2"]);
        let missing = Correction::Merge {
            into: "person:a".into(),
            others: vec!["person:nobody".into()],
        };
        assert!(!index.apply_in_place(&missing));
        assert_eq!(
            index.entity(0).map(|e| e.docs.len()),
            Some(2),
            "nothing changed"
        );
        let split = Correction::Split {
            id: "person:a".into(),
            alias: "A.".into(),
        };
        assert!(!index.apply_in_place(&split));
    }
}
