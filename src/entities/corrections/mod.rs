//! The user's corrections to what the engine found: merge, rename, change kind, hide, and
//! dismissed merge suggestions. They are kept as a list of operations keyed by entity ids,
//! replayed in order on every extraction, so they survive re-extraction and new files; an
//! operation whose entity is gone is reported, never silently dropped.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::EntityIndex;
use crate::extract::dates::find_dates;
use crate::extract::variants::slug;
use crate::extract::{Entity, EntityKind, Extraction, Mention, MergeSuggestion};

pub(crate) mod rules;

/// One correction, as saved in the workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Correction {
    /// `others` become spellings of `into`: their names join its aliases, their mentions
    /// join its mentions.
    Merge { into: String, others: Vec<String> },
    /// A new canonical name; the old one stays as an alias.
    Rename { id: String, name: String },
    /// A different kind (a "person" that is really an organisation).
    Retype { id: String, kind: EntityKind },
    /// Where a place really is (the gazetteer picked the wrong one, or had none).
    SetLocation { id: String, lat: f64, lon: f64 },
    /// What a date really is: an ISO value with its granularity ("1999-03-03", "1979-02",
    /// "1968", "1980s").
    SetDate { id: String, value: String },
    /// "Not an entity": it leaves every list.
    Hide { id: String },
    /// A merge suggestion the user turned down.
    DismissSuggestion { entities: Vec<String> },
    /// The mentions written `alias` leave the entity and become one of their own.
    Split { id: String, alias: String },
    /// One mention is not the entity (the rest are).
    HideMention {
        id: String,
        path: String,
        start: usize,
    },
    /// Text the engine missed, marked by the user: an entity of `kind` named `name` at
    /// these places. Joins the entity of the same kind and name if there is one.
    Add {
        kind: EntityKind,
        name: String,
        mentions: Vec<MarkedText>,
    },
    /// Text the engine missed, marked by the user as more mentions of the entity `id`.
    AddMentions {
        id: String,
        mentions: Vec<MarkedText>,
    },
}

/// A stretch of a document the user marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkedText {
    pub path: String,
    pub start: usize,
    pub end: usize,
    /// The text as written there ("Mendoza", not the entity's name); empty in workspaces
    /// saved before it was kept, which then use the entity's name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

impl Correction {
    /// A short description for undo/redo and reports: "Merge 2 into person:amina-okafor".
    pub fn describe(&self) -> String {
        match self {
            Correction::Merge { into, others } => {
                format!("merge {} into {into}", others.join(", "))
            }
            Correction::Rename { id, name } => format!("rename {id} to \"{name}\""),
            Correction::Retype { id, kind } => format!("make {id} a {}", kind.key()),
            Correction::SetLocation { id, lat, lon } => {
                format!("move {id} to {lat:.3}, {lon:.3}")
            }
            Correction::SetDate { id, value } => format!("date {id} as {value}"),
            Correction::Hide { id } => format!("hide {id}"),
            Correction::DismissSuggestion { entities } => {
                format!("dismiss the suggestion {}", entities.join(" / "))
            }
            Correction::Split { id, alias } => format!("split \"{alias}\" out of {id}"),
            Correction::HideMention { id, path, .. } => {
                format!("hide one mention of {id} in {path}")
            }
            Correction::Add {
                kind,
                name,
                mentions,
            } => format!(
                "mark \"{name}\" as a {} ({} places)",
                kind.key(),
                mentions.len()
            ),
            Correction::AddMentions { id, mentions } => {
                format!("mark {} more mentions of {id}", mentions.len())
            }
        }
    }
}

/// A correction that could not be applied, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectionProblem {
    /// Position in the corrections list.
    pub position: usize,
    pub message: String,
}

/// The entities after the corrections: the untouched ones borrowed from the extraction,
/// so replaying corrections on a large corpus copies only what they change.
#[derive(Debug, Clone)]
pub struct Corrected<'a> {
    pub entities: Vec<Cow<'a, Entity>>,
    pub suggestions: Vec<MergeSuggestion>,
}

impl Corrected<'_> {
    pub fn into_extraction(self) -> Extraction {
        Extraction {
            entities: self.entities.into_iter().map(Cow::into_owned).collect(),
            suggestions: self.suggestions,
        }
    }
}

/// The index of `extraction`'s entities with `corrections` applied (document `i` is
/// `doc_paths[i]`), and the corrections that could not be.
pub fn corrected_index<P: AsRef<str>>(
    extraction: &Extraction,
    corrections: &[Correction],
    doc_paths: &[P],
) -> (EntityIndex, Vec<CorrectionProblem>) {
    let (corrected, problems) = apply_corrections(extraction, corrections);
    let index = EntityIndex::build_from(&corrected.entities, &corrected.suggestions, doc_paths);
    (index, problems)
}

/// `extraction` with `corrections` applied in order, and the ones that no longer fit.
pub fn apply_corrections<'a>(
    extraction: &'a Extraction,
    corrections: &[Correction],
) -> (Corrected<'a>, Vec<CorrectionProblem>) {
    let mut replay = Replay::new(extraction);
    let problems = corrections
        .iter()
        .enumerate()
        .filter_map(|(position, correction)| replay.apply(position, correction).err())
        .collect();
    (replay.finish(), problems)
}

/// The entities as a replay rebuilds them: untouched ones borrowed, changed ones owned,
/// gone ones `None`, found by id; and the suggestions, which follow the corrections in
/// order, as the sidebar showed them at each step.
struct Replay<'a> {
    entities: Vec<Option<Cow<'a, Entity>>>,
    position_of: HashMap<String, usize>,
    suggestions: Vec<MergeSuggestion>,
}

impl<'a> Replay<'a> {
    fn new(extraction: &'a Extraction) -> Self {
        let entities: Vec<Option<Cow<'a, Entity>>> = extraction
            .entities
            .iter()
            .map(|e| Some(Cow::Borrowed(e)))
            .collect();
        let position_of = entities
            .iter()
            .enumerate()
            .filter_map(|(i, e)| Some((e.as_ref()?.id.clone(), i)))
            .collect();
        Replay {
            entities,
            position_of,
            suggestions: extraction.suggestions.clone(),
        }
    }

    fn finish(mut self) -> Corrected<'a> {
        let position_of = &self.position_of;
        drop_dead_suggestions(&mut self.suggestions, |id| position_of.contains_key(id));
        Corrected {
            entities: self.entities.into_iter().flatten().collect(),
            suggestions: self.suggestions,
        }
    }

    fn apply(&mut self, position: usize, correction: &Correction) -> Result<(), CorrectionProblem> {
        let problem = |why: &str| CorrectionProblem {
            position,
            message: format!("Could not {}: {why}", correction.describe()),
        };
        let find =
            |replay: &Self, id: &str| {
                replay.position_of.get(id).copied().ok_or_else(|| {
                    problem(&format!("\"{id}\" is no longer found in these documents."))
                })
            };
        match correction {
            Correction::Merge { into, others } => {
                let target = find(self, into)?;
                let sources = others
                    .iter()
                    .filter(|o| *o != into)
                    .map(|o| find(self, o))
                    .collect::<Result<Vec<_>, _>>()?;
                self.merge(target, into, &sources);
            }
            Correction::Rename { id, name } => {
                self.change(find(self, id)?, |e| rules::rename(e, name));
            }
            Correction::Retype { id, kind } => {
                self.change(find(self, id)?, |e| rules::retype(e, *kind));
            }
            Correction::SetLocation { id, lat, lon } => {
                self.change(find(self, id)?, |e| rules::set_location(e, *lat, *lon));
            }
            Correction::SetDate { id, value } => {
                self.change(find(self, id)?, |e| rules::set_date(e, value));
            }
            Correction::Hide { id } => {
                let at = find(self, id)?;
                self.entities[at] = None;
                self.position_of.remove(id);
                self.drop_dead_suggestions();
            }
            Correction::DismissSuggestion { entities } => {
                self.suggestions
                    .retain(|s| !same_set(entities, &s.entities));
            }
            Correction::Split { id, alias } => {
                let at = find(self, id)?;
                let split = self.entities[at]
                    .as_mut()
                    .filter(|e| e.mentions.iter().any(|m| *m.text == **alias))
                    .and_then(|e| split_alias(e.to_mut(), alias))
                    .ok_or_else(|| problem("it has no mention written that way any more."))?;
                self.push(split);
            }
            Correction::HideMention { id, path, start } => {
                let at = find(self, id)?;
                let is_it = |m: &Mention| *m.path == **path && m.start == *start;
                if let Some(e) = self.entities[at]
                    .as_mut()
                    .filter(|e| e.mentions.iter().any(is_it))
                {
                    e.to_mut().mentions.retain(|m| !is_it(m));
                }
            }
            Correction::Add {
                kind,
                name,
                mentions,
            } => self.add(*kind, name, mentions),
            Correction::AddMentions { id, mentions } => {
                let at = find(self, id)?;
                take_marked_text(&mut self.entities, mentions);
                self.change(at, |e| {
                    let added = marked_mentions(mentions, &e.name);
                    add_marked(e, added);
                });
            }
        }
        Ok(())
    }

    /// Changes the entity at `at` (copying it first if it is still borrowed).
    fn change(&mut self, at: usize, change: impl FnOnce(&mut Entity)) {
        if let Some(e) = self.entities[at].as_mut() {
            change(e.to_mut());
        }
    }

    fn push(&mut self, entity: Entity) {
        self.position_of
            .insert(entity.id.clone(), self.entities.len());
        self.entities.push(Some(Cow::Owned(entity)));
    }

    fn drop_dead_suggestions(&mut self) {
        let position_of = &self.position_of;
        drop_dead_suggestions(&mut self.suggestions, |id| position_of.contains_key(id));
    }

    fn merge(&mut self, target: usize, into: &str, sources: &[usize]) {
        for &source in sources {
            if let Some(from) = self.entities[source].take() {
                self.position_of.remove(&from.id);
                redirect_suggestions(&mut self.suggestions, &from.id, into);
                if let Some(to) = self.entities[target].as_mut() {
                    absorb(to.to_mut(), from.into_owned());
                }
            }
        }
        self.drop_dead_suggestions();
    }

    /// Text the user marked as an entity: it joins the entity of that name, or is a new one.
    fn add(&mut self, kind: EntityKind, name: &str, mentions: &[MarkedText]) {
        let id = format!("{}:{}", kind.key(), slug(name));
        take_marked_text(&mut self.entities, mentions);
        let added = marked_mentions(mentions, name);
        if let Some(existing) = self
            .position_of
            .get(&id)
            .and_then(|&i| self.entities[i].as_mut())
        {
            add_marked(existing.to_mut(), added);
            return;
        }
        let mut entity = Entity {
            id,
            kind,
            name: name.to_owned(),
            aliases: Vec::new(),
            mentions: Vec::new(),
            lat: None,
            lon: None,
            country: None,
            // A date the user marked gets the value its words say.
            value: (kind == EntityKind::Date)
                .then(|| find_dates(name).first().map(|d| d.value.iso()))
                .flatten(),
            inferred: false,
        };
        add_marked(&mut entity, added);
        self.push(entity);
    }
}

/// The user's marking wins over whatever the engine saw there: mentions overlapping a
/// marked stretch leave their entities.
fn take_marked_text(entities: &mut [Option<Cow<'_, Entity>>], marked: &[MarkedText]) {
    let marked_over = |m: &Mention| marked.iter().any(|x| overlaps(x, m));
    for e in entities.iter_mut().flatten() {
        if e.mentions.iter().any(marked_over) {
            e.to_mut().mentions.retain(|m| !marked_over(m));
        }
    }
}

/// The marked stretches as mentions, each with its own spelling (`name` when unknown).
fn marked_mentions(marked: &[MarkedText], name: &str) -> Vec<Mention> {
    marked
        .iter()
        .map(|x| Mention {
            path: x.path.as_str().into(),
            start: x.start,
            end: x.end,
            text: if x.text.is_empty() { name } else { &x.text }.into(),
        })
        .collect()
}

/// Adds marked mentions to `entity`; their spellings become its aliases.
fn add_marked(entity: &mut Entity, mentions: Vec<Mention>) {
    for m in &mentions {
        add_alias(entity, m.text.to_string());
    }
    entity.mentions.extend(mentions);
}

/// `from` becomes part of `to`: its names and facts as the merge rule says, and its
/// mentions join.
fn absorb(to: &mut Entity, mut from: Entity) {
    rules::merge_facts(to, &mut from);
    to.mentions.extend(from.mentions);
    to.mentions
        .sort_by(|a, b| (&a.path, a.start).cmp(&(&b.path, b.start)));
}

/// Takes the mentions written `alias` out of `entity` into a new entity, if there are any.
fn split_alias(entity: &mut Entity, alias: &str) -> Option<Entity> {
    let (out, stay): (Vec<Mention>, Vec<Mention>) = std::mem::take(&mut entity.mentions)
        .into_iter()
        .partition(|m| &*m.text == alias);
    entity.mentions = stay;
    if out.is_empty() {
        return None;
    }
    entity.aliases.retain(|a| a != alias);
    Some(Entity {
        id: format!("{}:{}", entity.kind.key(), slug(alias)),
        kind: entity.kind,
        name: alias.to_owned(),
        aliases: Vec::new(),
        mentions: out,
        lat: entity.lat,
        lon: entity.lon,
        country: entity.country.clone(),
        value: entity.value.clone(),
        inferred: entity.inferred,
    })
}

fn overlaps(marked: &MarkedText, m: &Mention) -> bool {
    *marked.path == *m.path && marked.start < m.end && m.start < marked.end
}

fn add_alias(entity: &mut Entity, alias: String) {
    push_alias(&entity.name, &mut entity.aliases, alias);
}

/// Adds a spelling unless it is the name or already known.
pub(super) fn push_alias(name: &str, aliases: &mut Vec<String>, alias: String) {
    if alias != name && !aliases.contains(&alias) {
        aliases.push(alias);
    }
}

/// After `from` merged into `to`, suggestions naming `from` name `to` instead.
pub(super) fn redirect_suggestions(suggestions: &mut [MergeSuggestion], from: &str, to: &str) {
    for s in suggestions {
        let mut seen: Vec<String> = Vec::new();
        for id in std::mem::take(&mut s.entities) {
            let id = if id == from { to.to_owned() } else { id };
            if !seen.contains(&id) {
                seen.push(id);
            }
        }
        s.entities = seen;
    }
}

/// Drops suggestions left with fewer than two live entities, and repeats.
pub(super) fn drop_dead_suggestions(
    suggestions: &mut Vec<MergeSuggestion>,
    is_live: impl Fn(&str) -> bool,
) {
    suggestions.retain(|s| s.entities.iter().filter(|id| is_live(id)).count() >= 2);
    let mut kept: Vec<MergeSuggestion> = Vec::with_capacity(suggestions.len());
    for s in suggestions.drain(..) {
        if !kept.iter().any(|k| same_set(&k.entities, &s.entities)) {
            kept.push(s);
        }
    }
    *suggestions = kept;
}

pub(super) fn same_set(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.contains(x))
}

#[cfg(test)]
mod tests;
