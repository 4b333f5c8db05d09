//! What the timeline shows of the model: the date mentions of the documents the other
//! filters let through (the timeline's own range does not thin its bars), the chosen
//! range, and the mentions listed for it; kept until the filters or entities change.

use super::model::Model;
use super::panels::timeline::TimelineEvent;
use crate::entities::{Filter, snippet_around};
use crate::timeline::TimePoint;

/// Dates listed for a range, at most.
const MAX_EVENTS: usize = 300;

#[derive(Default)]
pub struct TimelineCache {
    /// The filters other than the time range, and the entities' revision, `points` is for:
    /// choosing a range does not recount the bars.
    points_for: Option<(Vec<Filter>, u64)>,
    pub points: Vec<TimePoint>,
    /// Changes whenever `points` do.
    pub points_revision: u64,
    events_for: Option<u64>,
    pub events: Vec<TimelineEvent>,
}

impl TimelineCache {
    pub fn refresh(&mut self, model: &Model) {
        if self.events_for != Some(model.filter_generation) {
            self.events = brushed(model).map_or_else(Vec::new, |range| events(model, range));
            self.events_for = Some(model.filter_generation);
        }
        let others: Vec<Filter> = model
            .filters()
            .iter()
            .filter(|f| !matches!(f, Filter::Dates { .. }))
            .cloned()
            .collect();
        let key = (others, model.entities_revision);
        if self.points_for.as_ref() == Some(&key) {
            return;
        }
        let without_dates = model.entities.apply(&key.0);
        self.points.clear();
        for doc in 0..model.entities.document_count() {
            if !without_dates.allows(doc) {
                continue;
            }
            for m in model.entities.mentions_in(doc) {
                let Some(entity) = model.entities.entity(m.entity) else {
                    continue;
                };
                if let Some(date) = entity.date {
                    let (first_day, last_day) = date.day_range();
                    self.points.push(TimePoint {
                        first_day,
                        last_day,
                        granularity: date.granularity,
                        doc: doc as u32,
                        inferred: entity.inferred,
                    });
                }
            }
        }
        self.points_for = Some(key);
        self.points_revision += 1;
    }
}

/// The time range the filters hold, if any.
pub fn brushed(model: &Model) -> Option<(i64, i64)> {
    model.filters().iter().find_map(|f| match f {
        Filter::Dates {
            first_day,
            last_day,
            ..
        } => Some((*first_day, *last_day)),
        _ => None,
    })
}

/// The date mentions in `range` among the filtered documents, in time order. Walks only
/// the dates that overlap the range and their documents.
fn events(model: &Model, (first, last): (i64, i64)) -> Vec<TimelineEvent> {
    let mut dates: Vec<(u32, (i64, i64))> = model
        .entities
        .live_entities()
        .filter_map(|(i, e)| Some((i, e.day_range()?)))
        .filter(|&(_, (a, b))| a <= last && first <= b)
        .collect();
    dates.sort_by_key(|&(i, (a, b))| (a, b, i));
    let mut found = Vec::new();
    'dates: for (index, _) in dates {
        let Some(entity) = model.entities.entity(index) else {
            continue;
        };
        for &doc in &entity.docs {
            let doc = doc as usize;
            let Some(document) = model
                .documents
                .get(doc)
                .filter(|_| model.filtered.allows(doc))
            else {
                continue;
            };
            for m in model
                .entities
                .mentions_in(doc)
                .iter()
                .filter(|m| m.entity == index)
            {
                found.push(TimelineEvent {
                    value_label: match (&entity.value, entity.inferred) {
                        (Some(value), true) => format!("{value} (inferred)"),
                        (value, _) => value.clone().unwrap_or_default(),
                    },
                    sentence: snippet_around(&document.text, m.start, m.end),
                    document: document.title.clone(),
                    doc,
                    start: m.start,
                });
                if found.len() >= MAX_EVENTS {
                    break 'dates;
                }
            }
        }
    }
    found
}
