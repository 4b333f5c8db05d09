//! What each correction does to an entity, written once for both representations: the
//! extraction's entities as a full replay rebuilds them, and a built index corrected in
//! place. Each representation lends the facts a correction changes through
//! [`CorrectedEntity`]; finding entities and moving their mentions stay its own.

use super::push_alias;
use crate::entities::index::IndexedEntity;
use crate::extract::dates::DateValue;
use crate::extract::{Entity, EntityKind};

/// The facts of one entity that corrections change, borrowed.
pub(crate) struct FactsMut<'a> {
    pub name: &'a mut String,
    pub aliases: &'a mut Vec<String>,
    pub kind: &'a mut EntityKind,
    pub lat: &'a mut Option<f64>,
    pub lon: &'a mut Option<f64>,
    pub country: &'a mut Option<String>,
    pub value: &'a mut Option<String>,
    pub inferred: &'a mut bool,
}

pub(crate) trait CorrectedEntity {
    fn facts(&mut self) -> FactsMut<'_>;
    /// Brings what the representation derives from the facts up to date.
    fn facts_changed(&mut self) {}
}

/// The new name is the name; the old one stays as a spelling.
pub(crate) fn rename(entity: &mut impl CorrectedEntity, name: &str) {
    let facts = entity.facts();
    let old = std::mem::replace(facts.name, name.to_owned());
    facts.aliases.retain(|a| a != name);
    push_alias(facts.name, facts.aliases, old);
    entity.facts_changed();
}

pub(crate) fn retype(entity: &mut impl CorrectedEntity, kind: EntityKind) {
    *entity.facts().kind = kind;
}

pub(crate) fn set_location(entity: &mut impl CorrectedEntity, lat: f64, lon: f64) {
    let facts = entity.facts();
    (*facts.lat, *facts.lon) = (Some(lat), Some(lon));
}

/// The user's value is stated, not inferred.
pub(crate) fn set_date(entity: &mut impl CorrectedEntity, value: &str) {
    let facts = entity.facts();
    *facts.value = Some(value.to_owned());
    *facts.inferred = false;
    entity.facts_changed();
}

/// What `source` brings to the entity it is merged into: its name and spellings join,
/// and its place and value fill in what the target lacks. Its mentions are moved by the
/// representation.
pub(crate) fn merge_facts(target: &mut impl CorrectedEntity, source: &mut impl CorrectedEntity) {
    let from = source.facts();
    let to = target.facts();
    push_alias(to.name, to.aliases, std::mem::take(from.name));
    for alias in std::mem::take(from.aliases) {
        push_alias(to.name, to.aliases, alias);
    }
    if to.lat.is_none() {
        (*to.lat, *to.lon) = (from.lat.take(), from.lon.take());
        *to.country = from.country.take();
    }
    if to.value.is_none() {
        *to.value = from.value.take();
        *to.inferred = *from.inferred;
    }
    target.facts_changed();
}

impl CorrectedEntity for Entity {
    fn facts(&mut self) -> FactsMut<'_> {
        FactsMut {
            name: &mut self.name,
            aliases: &mut self.aliases,
            kind: &mut self.kind,
            lat: &mut self.lat,
            lon: &mut self.lon,
            country: &mut self.country,
            value: &mut self.value,
            inferred: &mut self.inferred,
        }
    }
}

impl CorrectedEntity for IndexedEntity {
    fn facts(&mut self) -> FactsMut<'_> {
        FactsMut {
            name: &mut self.name,
            aliases: &mut self.aliases,
            kind: &mut self.kind,
            lat: &mut self.lat,
            lon: &mut self.lon,
            country: &mut self.country,
            value: &mut self.value,
            inferred: &mut self.inferred,
        }
    }

    /// The parsed date and the filter box's key follow the value and the names.
    fn facts_changed(&mut self) {
        self.date = self.value.as_deref().and_then(DateValue::parse_iso);
        self.refresh_search_key();
    }
}
