//! The glue between the timeline panel and the model: the date mentions of the documents
//! the other filters let through (the timeline's own range does not thin its bars), the
//! chosen range, and the mentions listed for it.

use super::command::Command;
use super::model::Model;
use super::panels::timeline::{TimelineAction, TimelineEvent};
use super::session::CorpusSession;
use crate::entities::{Filter, snippet_around};
use crate::timeline::{TimePoint, range_label};

/// Dates listed for a range, at most.
const MAX_EVENTS: usize = 300;

#[derive(Default)]
pub struct TimelineCache {
    /// The filters other than the time range, and the entities' revision, `points` is for:
    /// choosing a range does not recount the bars.
    points_for: Option<(Vec<Filter>, u64)>,
    points: Vec<TimePoint>,
    /// Changes whenever `points` do.
    points_revision: u64,
    events_for: Option<u64>,
    events: Vec<TimelineEvent>,
}

impl TimelineCache {
    fn refresh(&mut self, model: &Model) {
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
fn brushed(model: &Model) -> Option<(i64, i64)> {
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

impl CorpusSession {
    pub(super) fn show_timeline(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        self.views.timeline_data.refresh(&self.model);
        let data = &self.views.timeline_data;
        let range = brushed(&self.model);
        let action =
            self.views
                .timeline
                .show(ui, &data.points, data.points_revision, range, &data.events);
        match action {
            Some(TimelineAction::SetRange(Some((first, last)))) => {
                out.push(Command::AddFilter(Filter::Dates {
                    label: range_label(first, last),
                    first_day: first,
                    last_day: last,
                }));
            }
            Some(TimelineAction::SetRange(None)) => {
                if let Some(position) = self
                    .model
                    .filters()
                    .iter()
                    .position(|f| matches!(f, Filter::Dates { .. }))
                {
                    out.push(Command::RemoveFilter(position));
                }
            }
            // Opening a mention shows the Reading tab.
            Some(TimelineAction::OpenMention { doc, start }) => {
                out.push(Command::OpenMention { doc, start });
            }
            None => {}
        }
    }
}
