//! The filters a user stacks on the document list — an entity, an area of the map, a time
//! range — and what they leave: the documents let through and each entity's counts there.

use serde::{Deserialize, Serialize};

use super::corrections::Correction;
use super::index::EntityIndex;

/// One active filter. Filters combine with AND; a map area lets through documents that
/// mention any place inside it. Entities are named by id so filters survive re-indexing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Filter {
    /// Documents mentioning this entity.
    Entity { id: String },
    /// Documents mentioning any of these places (a rectangle drawn on the map).
    Places { label: String, ids: Vec<String> },
    /// Documents mentioning a date that overlaps these days (since 1970-01-01, inclusive).
    Dates {
        label: String,
        first_day: i64,
        last_day: i64,
    },
}

impl Filter {
    /// What the filter's chip says.
    pub fn label(&self, index: &EntityIndex) -> String {
        match self {
            Filter::Entity { id } => index
                .find(id)
                .and_then(|i| index.entity(i))
                .map_or_else(|| format!("{id} (no longer found)"), |e| e.name.clone()),
            Filter::Places { label, .. } | Filter::Dates { label, .. } => label.clone(),
        }
    }

    /// The entities this filter asks for: the entity itself, the places of the map area,
    /// the dates that overlap the time range.
    fn targets(&self, index: &EntityIndex) -> Vec<u32> {
        match self {
            Filter::Entity { id } => index.find(id).into_iter().collect(),
            Filter::Places { ids, .. } => ids.iter().filter_map(|id| index.find(id)).collect(),
            Filter::Dates {
                first_day,
                last_day,
                ..
            } => (0..index.entities().len() as u32)
                .filter(|&i| {
                    index
                        .entity(i)
                        .and_then(|e| e.day_range())
                        .is_some_and(|(first, last)| first <= *last_day && *first_day <= last)
                })
                .collect(),
        }
    }

    /// The documents this filter lets through (those mentioning any of its targets), as a
    /// mask over the document list.
    fn mask(&self, index: &EntityIndex) -> Vec<bool> {
        let mut mask = vec![false; index.document_count()];
        for e in self
            .targets(index)
            .into_iter()
            .filter_map(|i| index.entity(i))
        {
            for &d in &e.docs {
                mask[d as usize] = true;
            }
        }
        mask
    }
}

/// Keeps `filters` pointing at live entities after `correction`: an entity merged away is
/// replaced by the one it joined, a hidden one leaves (a map area left with no place goes
/// too). Returns whether any filter changed.
pub fn follow_correction(filters: &mut Vec<Filter>, correction: &Correction) -> bool {
    let before = filters.clone();
    match correction {
        Correction::Merge { into, others } => {
            let follow = |id: &mut String| {
                if others.contains(id) {
                    into.clone_into(id);
                }
            };
            for filter in filters.iter_mut() {
                match filter {
                    Filter::Entity { id } => follow(id),
                    Filter::Places { ids, .. } => {
                        ids.iter_mut().for_each(follow);
                        dedup_keep_order(ids);
                    }
                    Filter::Dates { .. } => {}
                }
            }
            dedup_keep_order(filters);
        }
        Correction::Hide { id: hidden } => {
            filters.retain_mut(|filter| match filter {
                Filter::Entity { id } => id != hidden,
                Filter::Places { ids, .. } => {
                    ids.retain(|id| id != hidden);
                    !ids.is_empty()
                }
                Filter::Dates { .. } => true,
            });
        }
        _ => {}
    }
    *filters != before
}

fn dedup_keep_order<T: PartialEq>(items: &mut Vec<T>) {
    let mut kept: Vec<T> = Vec::with_capacity(items.len());
    for item in items.drain(..) {
        if !kept.contains(&item) {
            kept.push(item);
        }
    }
    *items = kept;
}

/// What a set of filters leaves.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FilterResult {
    /// Per document: let through or not; `None` when no filter is active (all are).
    pub allowed: Option<Vec<bool>>,
    /// How many documents are let through.
    pub document_count: usize,
    /// Per entity: documents and mentions among the documents let through.
    pub entity_docs: Vec<u32>,
    pub entity_mentions: Vec<u32>,
}

impl FilterResult {
    pub fn allows(&self, doc: usize) -> bool {
        self.allowed
            .as_ref()
            .is_none_or(|a| a.get(doc).copied().unwrap_or(false))
    }
}

impl EntityIndex {
    /// Per entity: is it what one of `filters` asks for (the entity itself, a place in
    /// the map area, a date in the time range)?
    pub fn filter_targets(&self, filters: &[Filter]) -> Vec<bool> {
        let mut targeted = vec![false; self.entities().len()];
        for i in filters.iter().flat_map(|f| f.targets(self)) {
            targeted[i as usize] = true;
        }
        targeted
    }

    /// Applies `filters` (AND) and counts every entity within what they let through.
    pub fn apply(&self, filters: &[Filter]) -> FilterResult {
        self.apply_with_documents(filters, None)
    }

    /// [`EntityIndex::apply`], also keeping only the documents `documents` lets
    /// through (a full-text search's hits), so the counts follow it too.
    pub fn apply_with_documents(
        &self,
        filters: &[Filter],
        documents: Option<&[bool]>,
    ) -> FilterResult {
        let docs = self
            .document_count()
            .max(documents.map_or(0, <[bool]>::len));
        let allowed = documents
            .map(|d| {
                let mut mask = d.to_vec();
                mask.resize(docs, false);
                mask
            })
            .into_iter()
            .chain(filters.iter().map(|f| f.mask(self)))
            .reduce(|mut all, mask| {
                for (i, a) in all.iter_mut().enumerate() {
                    *a &= mask.get(i).copied().unwrap_or(false);
                }
                all
            });
        let n = self.entities().len();
        let mut entity_docs = vec![0u32; n];
        let mut entity_mentions = vec![0u32; n];
        let mut last_doc = vec![usize::MAX; n];
        let mut document_count = 0;
        for doc in 0..docs {
            if allowed.as_ref().is_some_and(|a| !a[doc]) {
                continue;
            }
            document_count += 1;
            for m in self.mentions_in(doc) {
                let e = m.entity as usize;
                entity_mentions[e] += 1;
                if last_doc[e] != doc {
                    last_doc[e] = doc;
                    entity_docs[e] += 1;
                }
            }
        }
        FilterResult {
            allowed,
            document_count,
            entity_docs,
            entity_mentions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::index::tests::sample;
    use crate::extract::dates::days_from_epoch;

    fn entity(id: &str) -> Filter {
        Filter::Entity { id: id.into() }
    }

    #[test]
    fn a_document_mask_combines_with_filters_and_counts_follow_it() {
        let index = sample();
        let only_first = [true, false, false, false];
        let result = index.apply_with_documents(&[], Some(&only_first));
        assert_eq!(result.document_count, 1);
        assert!(result.allows(0) && !result.allows(1) && !result.allows(3));
        let everything = index.apply(&[]);
        assert!(result.entity_docs.iter().sum::<u32>() < everything.entity_docs.iter().sum());
    }

    #[test]
    fn no_filter_lets_everything_through_with_full_counts() {
        let index = sample();
        let result = index.apply(&[]);
        assert_eq!(result.allowed, None);
        assert_eq!(result.document_count, 3);
        assert_eq!(result.entity_docs, [2, 2, 1, 1]);
        assert_eq!(result.entity_mentions, [3, 2, 1, 1]);
    }

    #[test]
    fn entity_filters_combine_with_and_and_counts_follow() {
        let index = sample();
        let one = index.apply(&[entity("person:okafor")]);
        assert_eq!(one.allowed, Some(vec![true, true, false]));
        assert_eq!(one.entity_docs, [2, 1, 1, 0]);
        let both = index.apply(&[entity("person:okafor"), entity("place:lagos")]);
        assert_eq!(both.allowed, Some(vec![false, true, false]));
        assert_eq!(both.document_count, 1);
        assert_eq!(both.entity_mentions, [1, 1, 0, 0]);
        assert!(both.allows(1) && !both.allows(0));
    }

    #[test]
    fn a_missing_entity_lets_nothing_through() {
        let index = sample();
        let result = index.apply(&[entity("person:nobody")]);
        assert_eq!(result.document_count, 0);
        assert_eq!(
            Filter::Entity {
                id: "person:nobody".into()
            }
            .label(&index),
            "person:nobody (no longer found)"
        );
    }

    #[test]
    fn places_let_through_any_and_dates_overlap_the_range() {
        let index = sample();
        let places = Filter::Places {
            label: "Map area".into(),
            ids: vec!["place:lagos".into(), "person:okafor".into()],
        };
        assert_eq!(index.apply(&[places]).document_count, 3);
        let year_1999 = Filter::Dates {
            label: "1999".into(),
            first_day: days_from_epoch(1999, 1, 1),
            last_day: days_from_epoch(1999, 12, 31),
        };
        assert_eq!(
            index.apply(&[year_1999]).allowed,
            Some(vec![false, false, true])
        );
        let year_2000 = Filter::Dates {
            label: "2000".into(),
            first_day: days_from_epoch(2000, 1, 1),
            last_day: days_from_epoch(2000, 12, 31),
        };
        assert_eq!(index.apply(&[year_2000]).document_count, 0);
    }

    #[test]
    fn filters_follow_a_merge_and_drop_a_hidden_entity() {
        let entity = |id: &str| Filter::Entity { id: id.into() };
        let mut filters = vec![
            entity("person:chidi"),
            entity("person:amina"),
            Filter::Places {
                label: "Area".into(),
                ids: vec!["place:lagos".into(), "place:ikeja".into()],
            },
        ];
        let merge = Correction::Merge {
            into: "person:amina".into(),
            others: vec!["person:chidi".into()],
        };
        assert!(follow_correction(&mut filters, &merge));
        assert_eq!(filters[0], entity("person:amina"));
        assert_eq!(filters.len(), 2, "the two filters became one");
        let rename = Correction::Rename {
            id: "person:amina".into(),
            name: "Amina O.".into(),
        };
        assert!(
            !follow_correction(&mut filters, &rename),
            "ids outlive names"
        );
        for place in ["place:lagos", "place:ikeja"] {
            let hide = Correction::Hide { id: place.into() };
            assert!(follow_correction(&mut filters, &hide));
        }
        assert_eq!(filters, [entity("person:amina")], "an empty area goes");
        let hide = Correction::Hide {
            id: "person:amina".into(),
        };
        assert!(follow_correction(&mut filters, &hide));
        assert!(filters.is_empty());
    }
}
