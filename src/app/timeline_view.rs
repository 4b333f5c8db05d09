//! The glue between the timeline panel and the open corpus: the panel draws the cached
//! dates, and its range and clicks become commands.

use super::command::Command;
use super::panels::timeline::TimelineAction;
use super::session::CorpusSession;
use super::timeline_data::brushed;
use crate::entities::Filter;
use crate::timeline::range_label;

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
