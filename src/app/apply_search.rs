//! Full-text search commands: building the index once a folder is read,
//! running a query on a task thread, and narrowing the list to its hits.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::jobs::JobResult;
use super::search_state::{ActiveSearch, Concordance};
use super::session::{CorpusSession, WindowCtx};
use crate::cache::CacheDir;
use crate::search::{
    KwicLine, KwicOrder, Query, SearchIndex, SearchSource, kwic_lines, parse_query, sort_kwic,
};
use crate::workspace::SortColumn;

/// Characters of context each side of a concordance hit.
const KWIC_CONTEXT: usize = 70;
/// Concordance lines kept; more are counted as "and more".
const KWIC_LIMIT: usize = 20_000;

impl CorpusSession {
    /// Indexes the documents read, off the UI thread.
    pub(super) fn build_search_index(&mut self, window: &mut WindowCtx) {
        let search = &mut self.model.search;
        if search.building || self.model.documents.is_empty() {
            return;
        }
        search.building = true;
        let generation = search.generation;
        let docs: Vec<(String, String, Arc<str>)> = self
            .model
            .documents
            .iter()
            .map(|d| (d.rel_path.clone(), d.title.clone(), Arc::clone(&d.text)))
            .collect();
        // Kept in the folder's cache, so an unchanged folder opens its index at once.
        let cache = CacheDir::for_corpus(window.data_dir, &self.model.corpus);
        let build = move || {
            let sources: Vec<SearchSource<'_>> = docs
                .iter()
                .map(|(path, title, text)| (path.as_str(), title.as_str(), &**text))
                .collect();
            let cancel = AtomicBool::new(false);
            let built = cache
                .search_index(&sources, &cancel)
                .map(|(index, _)| index);
            let result = built.map(Arc::new).map_err(|e| e.to_string());
            JobResult::SearchIndexBuilt { generation, result }
        };
        if !window.spawn("search index", "Search is not available", build) {
            self.model.search.building = false;
        }
    }

    pub(super) fn search_index_built(
        &mut self,
        generation: u64,
        result: Result<Arc<SearchIndex>, String>,
        window: &mut WindowCtx,
    ) {
        let search = &mut self.model.search;
        if generation != search.generation {
            return;
        }
        search.building = false;
        match result {
            Ok(index) => {
                search.index = Some(index);
                // A query typed while indexing, or the one the workspace was saved with.
                let waiting = search
                    .pending
                    .take()
                    .or_else(|| Some(self.model.workspace.list.search.clone()))
                    .filter(|t| !t.trim().is_empty());
                if let Some(text) = waiting {
                    self.search(text, window);
                }
            }
            Err(err) => search.error = Some(format!("Search is not available: {err}")),
        }
    }

    /// Runs `text` as a query; empty text stops searching.
    pub(super) fn search(&mut self, text: String, window: &mut WindowCtx) {
        let search = &mut self.model.search;
        search.error = None;
        if text.trim().is_empty() {
            search.pending = None;
            search.set_active(None);
            if self.model.workspace.list.sort == SortColumn::Relevance {
                self.model.workspace.list.sort = SortColumn::Title;
                self.model.workspace.list.ascending = true;
            }
            self.set_saved_search(String::new());
            return;
        }
        let query = match parse_query(&text) {
            Ok(query) => Arc::new(query),
            Err(err) => {
                search.error = Some(format!("Cannot search: {err}."));
                return;
            }
        };
        let Some(index) = search.index.clone() else {
            search.pending = Some(text);
            return;
        };
        let generation = search.generation;
        let run = move || {
            let result = index.search(&query).map_err(|e| e.to_string());
            JobResult::Searched {
                generation,
                text,
                query,
                result,
            }
        };
        if let Err(err) = window.tasks.spawn("search", window.egui, run) {
            self.model.search.error = Some(format!("Cannot search: {err}"));
        }
    }

    pub(super) fn searched(
        &mut self,
        generation: u64,
        text: String,
        query: Arc<Query>,
        result: Result<Vec<crate::search::DocHit>, String>,
    ) {
        if generation != self.model.search.generation {
            return;
        }
        match result {
            Ok(hits) => {
                let documents = self.model.documents.len();
                let active = ActiveSearch::new(text.clone(), query, hits, documents);
                // A new search lists its best matches first, as search tools do.
                if self.model.search.active.is_none() {
                    let list = &mut self.model.workspace.list;
                    list.sort = SortColumn::Relevance;
                    list.ascending = true;
                }
                self.model.search.set_active(Some(active));
                self.set_saved_search(text);
            }
            Err(err) => self.model.search.error = Some(format!("Cannot search: {err}")),
        }
    }

    /// Records the search in the workspace and re-filters the list.
    fn set_saved_search(&mut self, text: String) {
        if self.model.workspace.list.search != text {
            self.model.workspace.list.search = text;
            self.model.mark_changed();
        }
        self.model.refresh_filter();
    }

    /// Makes the concordance of the active search over the documents the list shows,
    /// on a task thread, unless it is current or on its way.
    pub(super) fn build_concordance(&mut self, window: &mut WindowCtx) {
        let model = &self.model;
        let search = &model.search;
        let key = model.filter_generation;
        let Some(active) = &search.active else {
            return;
        };
        let current = search
            .concordance
            .as_ref()
            .is_some_and(|c| c.filter_generation == key);
        if current || search.concordance_building == Some(key) {
            return;
        }
        let docs: Vec<(u32, Arc<str>)> = (0..model.documents.len())
            .filter(|&i| active.mask.get(i).copied().unwrap_or(false) && model.filtered.allows(i))
            .map(|i| {
                (
                    u32::try_from(i).unwrap_or(u32::MAX),
                    Arc::clone(&model.documents[i].text),
                )
            })
            .collect();
        let query = Arc::clone(&active.query);
        let (generation, order) = (search.generation, search.concordance_order);
        let build = move || {
            let texts = docs.iter().map(|(i, text)| (*i, &**text));
            let mut lines = kwic_lines(&query, texts, KWIC_CONTEXT, KWIC_LIMIT + 1);
            let truncated = lines.len() > KWIC_LIMIT;
            lines.truncate(KWIC_LIMIT);
            sort_kwic(&mut lines, order);
            JobResult::ConcordanceBuilt {
                generation,
                filter_generation: key,
                order,
                lines,
                truncated,
            }
        };
        self.model.search.concordance_building = Some(key);
        if let Err(err) = window.tasks.spawn("concordance", window.egui, build) {
            self.model.search.concordance_building = None;
            self.model.search.error = Some(format!("Cannot make the concordance: {err}"));
        }
    }

    pub(super) fn concordance_built(
        &mut self,
        generation: u64,
        filter_generation: u64,
        order: KwicOrder,
        mut lines: Vec<KwicLine>,
        truncated: bool,
    ) {
        let search = &mut self.model.search;
        if generation != search.generation || search.concordance_building != Some(filter_generation)
        {
            return;
        }
        search.concordance_building = None;
        if order != search.concordance_order {
            sort_kwic(&mut lines, search.concordance_order);
        }
        search.concordance = Some(Concordance {
            filter_generation,
            lines,
            truncated,
        });
    }

    pub(super) fn sort_concordance(&mut self, order: KwicOrder) {
        let search = &mut self.model.search;
        search.concordance_order = order;
        if let Some(concordance) = &mut search.concordance {
            sort_kwic(&mut concordance.lines, order);
        }
    }
}
