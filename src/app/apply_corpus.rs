//! Applying the commands about the open corpus: the document selection, sort and filter
//! box, entities, search, exports, the reading's Cancel and the Problems window. They
//! change only the session; what they need of the window comes in a [`WindowCtx`].

use super::command::Command;
use super::error::AppError;
use super::jobs::JobResult;
use super::session::{CorpusSession, WindowCtx};

impl CorpusSession {
    pub(super) fn apply(&mut self, command: Command, window: &mut WindowCtx) {
        match command {
            Command::SelectDocument(selected) => self.select_document(selected),
            Command::SetSort { column, ascending } => {
                let list = &mut self.model.workspace.list;
                (list.sort, list.ascending) = (column, ascending);
                self.model.mark_changed();
            }
            Command::SetFilter(filter) => {
                self.model.workspace.list.filter = filter;
                self.model.mark_changed();
            }
            Command::Search(text) => self.search(text, window),
            Command::BuildSearchIndex => self.build_search_index(window),
            Command::BuildConcordance => self.build_concordance(window),
            Command::SortConcordance(order) => self.sort_concordance(order),
            Command::Export { kind, path } => self.export(kind, path, window),
            Command::CancelIngest => self.cancel_reading(),
            Command::ShowProblems(show) => self.show_problems = show,
            command => self.apply_entity_command(command, window),
        }
    }

    pub(super) fn select_document(&mut self, selected: Option<usize>) {
        if self.model.selected != selected {
            self.model.selected = selected;
            self.model.mark_changed();
        }
    }

    /// Takes the answer of a task about this corpus. Answers for an earlier reading (of
    /// this folder or another) carry another generation and are dropped.
    pub(super) fn on_job_result(&mut self, result: JobResult, window: &mut WindowCtx) {
        match result {
            JobResult::PlaceCandidates { id, result } => match result {
                Ok(places) => self.model.place_candidates = Some((id, places)),
                Err(err) => window.notices.error(&AppError::Gazetteer(err)),
            },
            JobResult::SearchIndexBuilt { generation, result } => {
                self.search_index_built(generation, result, window);
            }
            JobResult::Searched {
                generation,
                text,
                query,
                result,
            } => self.searched(generation, text, query, result),
            JobResult::ConcordanceBuilt {
                generation,
                filter_generation,
                order,
                lines,
                truncated,
            } => self.concordance_built(generation, filter_generation, order, lines, truncated),
            _ => {}
        }
    }
}
