//! The full-text search as the window holds it: the index (built off the UI
//! thread once a folder is read), the active query and the documents it matched.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::search::{DocHit, KwicLine, KwicOrder, Query, SearchIndex};

#[derive(Default)]
pub struct SearchState {
    pub index: Option<Arc<SearchIndex>>,
    /// Which reading this search belongs to, unique while the app runs, so a late index
    /// or result from an earlier reading (of this folder or another) is dropped.
    pub generation: u64,
    pub building: bool,
    /// A query typed before the index was ready; run when it is.
    pub pending: Option<String>,
    /// Why the last query could not run, for the search box.
    pub error: Option<String>,
    pub active: Option<ActiveSearch>,
    /// Bumped whenever `active` changes, so views derived from it know to redo.
    pub revision: u64,
    /// The concordance of the active search over the documents the list shows.
    pub concordance: Option<Concordance>,
    /// The filter generation a concordance is being built for.
    pub concordance_building: Option<u64>,
    /// How the concordance is sorted; kept when the search changes.
    pub concordance_order: KwicOrder,
}

/// Keyword-in-context lines of the active search.
pub struct Concordance {
    /// The list filter generation (which the search is part of) the lines were made for.
    pub filter_generation: u64,
    /// Sorted in `SearchState::concordance_order`.
    pub lines: Vec<KwicLine>,
    /// More hits than `lines` holds.
    pub truncated: bool,
}

/// A search whose hits narrow the document list.
pub struct ActiveSearch {
    pub text: String,
    pub query: Arc<Query>,
    /// Best first.
    pub hits: Vec<DocHit>,
    /// Per document: a hit or not.
    pub mask: Vec<bool>,
    /// Per document: its rank among the hits (best 0), `u32::MAX` when not a hit.
    pub ranks: Vec<u32>,
}

impl ActiveSearch {
    pub fn new(text: String, query: Arc<Query>, hits: Vec<DocHit>, documents: usize) -> Self {
        let mut mask = vec![false; documents];
        let mut ranks = vec![u32::MAX; documents];
        for (rank, hit) in hits.iter().enumerate() {
            let doc = hit.doc as usize;
            if doc < documents {
                mask[doc] = true;
                ranks[doc] = u32::try_from(rank).unwrap_or(u32::MAX);
            }
        }
        ActiveSearch {
            text,
            query,
            hits,
            mask,
            ranks,
        }
    }
}

impl SearchState {
    /// Forgets the index and the search of the reading before.
    pub fn reset(&mut self) {
        static READINGS: AtomicU64 = AtomicU64::new(1);
        *self = SearchState {
            generation: READINGS.fetch_add(1, Ordering::Relaxed),
            revision: self.revision + 1,
            concordance_order: self.concordance_order,
            ..SearchState::default()
        };
    }

    pub fn set_active(&mut self, active: Option<ActiveSearch>) {
        self.active = active;
        self.revision += 1;
    }

    /// The documents the search lets through, if one is active.
    pub fn mask(&self) -> Option<&[bool]> {
        self.active.as_ref().map(|a| a.mask.as_slice())
    }
}
