//! The entities of a corpus keyed by document: who is mentioned where, in the document
//! order the app shows, so filters and highlights are array look-ups.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::sync::Arc;

use crate::extract::dates::DateValue;
use crate::extract::{Entity, EntityKind, Extraction, MergeSuggestion};

/// One entity with the documents that mention it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedEntity {
    /// Stable id, e.g. "person:chidi-okafor".
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub aliases: Vec<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub country: Option<String>,
    /// Dates: the ISO value with its granularity ("1999-03-03", "1980s").
    pub value: Option<String>,
    /// Dates: the parsed value, for time ranges and ordering.
    pub date: Option<DateValue>,
    /// Dates: the value was completed from the document, not stated ("in July").
    pub inferred: bool,
    /// Indices of the documents that mention it, ascending, no repeats.
    pub docs: Vec<u32>,
    pub mentions: u32,
    /// Name and aliases in lower case, one per line, for the sidebar's filter box.
    search_key: String,
}

impl IndexedEntity {
    /// True when the name or an alias contains `needle` (already lower-case).
    pub fn matches(&self, needle: &str) -> bool {
        needle.is_empty() || self.search_key.contains(needle)
    }

    /// The name in lower case, for sorting by name.
    pub fn lower_name(&self) -> &str {
        self.search_key.split('\n').next().unwrap_or_default()
    }

    /// Call after the name or aliases change.
    pub(super) fn refresh_search_key(&mut self) {
        self.search_key = std::iter::once(&self.name)
            .chain(&self.aliases)
            .map(|n| n.to_lowercase())
            .collect::<Vec<_>>()
            .join("\n");
    }

    /// First and last day it covers (inclusive), for dates.
    pub fn day_range(&self) -> Option<(i64, i64)> {
        self.date.map(|d| d.day_range())
    }
}

/// Where an entity is mentioned inside one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionRef {
    /// Byte offsets into the document's text.
    pub start: usize,
    pub end: usize,
    /// Index into [`EntityIndex::entities`].
    pub entity: u32,
}

/// Every entity of the corpus and, per document, its mentions in text order.
#[derive(Debug, Clone, Default)]
pub struct EntityIndex {
    pub(super) entities: Vec<IndexedEntity>,
    pub(super) doc_mentions: Vec<Vec<MentionRef>>,
    pub(super) by_id: HashMap<String, u32>,
    pub(super) suggestions: Vec<MergeSuggestion>,
}

impl IndexedEntity {
    /// `entity` as the index holds it, mentioned `mentions` times in `docs`.
    fn new(entity: &Entity, docs: Vec<u32>, mentions: u32) -> Self {
        let mut indexed = IndexedEntity {
            id: entity.id.clone(),
            kind: entity.kind,
            name: entity.name.clone(),
            aliases: entity.aliases.clone(),
            lat: entity.lat,
            lon: entity.lon,
            country: entity.country.clone(),
            value: entity.value.clone(),
            date: entity.value.as_deref().and_then(DateValue::parse_iso),
            inferred: entity.inferred,
            docs,
            mentions,
            search_key: String::new(),
        };
        indexed.refresh_search_key();
        indexed
    }
}

/// Sorts one document's mentions in text order. Highlights cannot nest: an overlapping
/// later span gives way, except one with the same span (both ends of a date range,
/// "2014–2017", share theirs).
fn in_text_order(mentions: &mut Vec<MentionRef>) {
    mentions.sort_by_key(|m| (m.start, m.end));
    let mut last = (0, 0);
    mentions.retain(|m| {
        let keep = m.start >= last.1 || (m.start, m.end) == last;
        if keep {
            last = (m.start, m.end);
        }
        keep
    });
}

impl EntityIndex {
    /// Indexes `extraction` against the documents as the app lists them (`doc_paths[i]`
    /// is document `i`). Mentions of documents not in the list are left out.
    pub fn build<P: AsRef<str>>(extraction: &Extraction, doc_paths: &[P]) -> EntityIndex {
        Self::build_from(&extraction.entities, &extraction.suggestions, doc_paths)
    }

    /// [`EntityIndex::build`] from entities that may be borrowed or corrected copies.
    pub fn build_from<E, P>(
        entities_in: &[E],
        suggestions: &[MergeSuggestion],
        doc_paths: &[P],
    ) -> EntityIndex
    where
        E: Borrow<Entity>,
        P: AsRef<str>,
    {
        let doc_of: foldhash::HashMap<&str, u32> = doc_paths
            .iter()
            .enumerate()
            .map(|(i, p)| (p.as_ref(), i as u32))
            .collect();
        // The mentions of one document share one path allocation: looking a path up by
        // its address spares hashing and comparing it for each of millions of mentions.
        let mut by_address = foldhash::HashMap::<usize, Option<u32>>::default();
        let mut previous: Option<(usize, Option<u32>)> = None;
        let mut doc_of_mention = |path: &Arc<str>| {
            let address = Arc::as_ptr(path).cast::<u8>() as usize;
            match previous {
                Some((last, doc)) if last == address => doc,
                _ => {
                    let doc = *by_address
                        .entry(address)
                        .or_insert_with(|| doc_of.get(&**path).copied());
                    previous = Some((address, doc));
                    doc
                }
            }
        };
        // Each mention's document first, so every document's list is allocated once.
        let mut mention_docs: Vec<Option<u32>> = Vec::new();
        let mut per_doc = vec![0usize; doc_paths.len()];
        for entity in entities_in {
            for m in &entity.borrow().mentions {
                let doc = doc_of_mention(&m.path);
                if let Some(doc) = doc {
                    per_doc[doc as usize] += 1;
                }
                mention_docs.push(doc);
            }
        }
        let mut doc_mentions: Vec<Vec<MentionRef>> =
            per_doc.into_iter().map(Vec::with_capacity).collect();
        let mut mention_docs = mention_docs.into_iter();
        let mut entities = Vec::with_capacity(entities_in.len());
        for entity in entities_in {
            let entity: &Entity = entity.borrow();
            let index = entities.len() as u32;
            let mut docs = Vec::new();
            let mut mentions = 0;
            for m in &entity.mentions {
                let Some(Some(doc)) = mention_docs.next() else {
                    continue;
                };
                docs.push(doc);
                mentions += 1;
                doc_mentions[doc as usize].push(MentionRef {
                    start: m.start,
                    end: m.end,
                    entity: index,
                });
            }
            docs.sort_unstable();
            docs.dedup();
            entities.push(IndexedEntity::new(entity, docs, mentions));
        }
        for mentions in &mut doc_mentions {
            in_text_order(mentions);
        }
        let by_id = entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i as u32))
            .collect();
        EntityIndex {
            entities,
            doc_mentions,
            by_id,
            suggestions: suggestions.to_vec(),
        }
    }

    /// Every slot, including entities merged away or hidden in place (they have no
    /// documents and are not found by id); see [`EntityIndex::live_entities`].
    pub fn entities(&self) -> &[IndexedEntity] {
        &self.entities
    }

    /// The entities that exist now, with their indices.
    pub fn live_entities(&self) -> impl Iterator<Item = (u32, &IndexedEntity)> + '_ {
        self.entities
            .iter()
            .enumerate()
            .map(|(i, e)| (i as u32, e))
            .filter(|(i, e)| self.by_id.get(&e.id) == Some(i))
    }

    pub fn entity(&self, index: u32) -> Option<&IndexedEntity> {
        self.entities.get(index as usize)
    }

    /// The index of the entity with this id.
    pub fn find(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    pub fn suggestions(&self) -> &[MergeSuggestion] {
        &self.suggestions
    }

    pub fn document_count(&self) -> usize {
        self.doc_mentions.len()
    }

    /// The mentions in document `doc`, in text order, not overlapping.
    pub fn mentions_in(&self, doc: usize) -> &[MentionRef] {
        self.doc_mentions.get(doc).map_or(&[], Vec::as_slice)
    }

    /// The entity with a mention overlapping `start..end` of document `doc`, if any.
    pub fn mention_over(&self, doc: usize, start: usize, end: usize) -> Option<u32> {
        self.mentions_in(doc)
            .iter()
            .find(|m| m.start < end && start < m.end)
            .map(|m| m.entity)
    }

    /// The first `limit` mentions of `entity`, in document then text order.
    pub fn first_mentions(&self, entity: u32, limit: usize) -> Vec<(u32, MentionRef)> {
        let Some(e) = self.entity(entity) else {
            return Vec::new();
        };
        e.docs
            .iter()
            .flat_map(|&doc| {
                self.mentions_in(doc as usize)
                    .iter()
                    .filter(move |m| m.entity == entity)
                    .map(move |m| (doc, *m))
            })
            .take(limit)
            .collect()
    }

    /// The entities (not dates) most often mentioned in the same documents as `entity`,
    /// among the documents `allowed` lets through: (entity, shared documents), most first.
    pub fn appears_with(
        &self,
        entity: u32,
        allowed: Option<&[bool]>,
        limit: usize,
    ) -> Vec<(u32, u32)> {
        let Some(e) = self.entity(entity) else {
            return Vec::new();
        };
        let mut shared = vec![0u32; self.entities.len()];
        let mut seen_in = vec![u32::MAX; self.entities.len()];
        for &doc in &e.docs {
            if allowed.is_some_and(|a| !a.get(doc as usize).copied().unwrap_or(false)) {
                continue;
            }
            for m in self.mentions_in(doc as usize) {
                let other = m.entity as usize;
                if m.entity != entity && seen_in[other] != doc {
                    seen_in[other] = doc;
                    shared[other] += 1;
                }
            }
        }
        let mut ranked: Vec<(u32, u32)> = shared
            .iter()
            .enumerate()
            .filter(|&(i, &n)| n > 0 && self.entities[i].kind != EntityKind::Date)
            .map(|(i, &n)| (i as u32, n))
            .collect();
        ranked.sort_by(|a, b| {
            b.1.cmp(&a.1).then_with(|| {
                self.entities[a.0 as usize]
                    .name
                    .cmp(&self.entities[b.0 as usize].name)
            })
        });
        ranked.truncate(limit);
        ranked
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::extract::{Entity, Mention};

    pub(crate) fn entity(id: &str, kind: EntityKind, mentions: &[(&str, usize)]) -> Entity {
        let name = id.split(':').nth(1).unwrap_or(id).to_string();
        Entity {
            id: id.into(),
            kind,
            name: name.clone(),
            aliases: Vec::new(),
            mentions: mentions
                .iter()
                .map(|&(path, start)| Mention {
                    path: path.into(),
                    start,
                    end: start + 3,
                    text: name.as_str().into(),
                })
                .collect(),
            lat: None,
            lon: None,
            country: None,
            value: (kind == EntityKind::Date).then(|| name.clone()),
            inferred: false,
        }
    }

    /// Three documents: Okafor in a and b, Lagos in b and c, the UN in a, a date in c.
    pub(crate) fn sample() -> EntityIndex {
        let extraction = Extraction {
            entities: vec![
                entity(
                    "person:okafor",
                    EntityKind::Person,
                    &[("a", 0), ("a", 10), ("b", 4)],
                ),
                entity(
                    "place:lagos",
                    EntityKind::Place,
                    &[("b", 20), ("c", 0), ("x", 0)],
                ),
                entity("organization:un", EntityKind::Organization, &[("a", 30)]),
                entity("date:1999-03-03", EntityKind::Date, &[("c", 8)]),
            ],
            suggestions: Vec::new(),
        };
        EntityIndex::build(&extraction, &["a", "b", "c"])
    }

    #[test]
    fn documents_and_mentions_are_indexed_by_list_position() {
        let index = sample();
        let okafor = index.find("person:okafor").expect("indexed");
        let e = index.entity(okafor).expect("indexed");
        assert_eq!(e.docs, [0, 1]);
        assert_eq!(e.mentions, 3);
        let lagos = index
            .entity(index.find("place:lagos").expect("indexed"))
            .expect("indexed");
        assert_eq!(lagos.docs, [1, 2], "the unknown document x is left out");
        let in_a: Vec<usize> = index.mentions_in(0).iter().map(|m| m.start).collect();
        assert_eq!(in_a, [0, 10, 30]);
        let date = index.entity(3).expect("indexed");
        assert_eq!(date.date, DateValue::day(1999, 3, 3));
    }

    #[test]
    fn first_mentions_follow_document_order() {
        let index = sample();
        let firsts = index.first_mentions(0, 2);
        let got: Vec<(u32, usize)> = firsts.iter().map(|(d, m)| (*d, m.start)).collect();
        assert_eq!(got, [(0, 0), (0, 10)]);
    }

    #[test]
    fn appears_with_counts_shared_documents_and_skips_dates() {
        let index = sample();
        let lagos = index.find("place:lagos").expect("indexed");
        assert_eq!(index.appears_with(lagos, None, 10), [(0, 1)]);
        let okafor = index.find("person:okafor").expect("indexed");
        let with = index.appears_with(okafor, None, 10);
        assert_eq!(with.len(), 2);
        assert!(with.contains(&(lagos, 1)));
        let only_a = [true, false, false];
        assert_eq!(index.appears_with(okafor, Some(&only_a), 10), [(2, 1)]);
    }

    #[test]
    fn overlapping_mentions_keep_the_first() {
        let extraction = Extraction {
            entities: vec![
                entity("person:a", EntityKind::Person, &[("d", 0)]),
                entity("place:b", EntityKind::Place, &[("d", 2)]),
            ],
            suggestions: Vec::new(),
        };
        let index = EntityIndex::build(&extraction, &["d"]);
        assert_eq!(index.mentions_in(0).len(), 1);
        assert_eq!(index.mentions_in(0)[0].entity, 0);
    }

    #[test]
    fn both_ends_of_a_range_keep_their_shared_span() {
        let extraction = Extraction {
            entities: vec![
                entity("date:2014", EntityKind::Date, &[("d", 0)]),
                entity("date:2017", EntityKind::Date, &[("d", 0)]),
                entity("place:b", EntityKind::Place, &[("d", 2)]),
            ],
            suggestions: Vec::new(),
        };
        let index = EntityIndex::build(&extraction, &["d"]);
        let kept: Vec<u32> = index.mentions_in(0).iter().map(|m| m.entity).collect();
        assert_eq!(kept, [0, 1]);
    }
}
