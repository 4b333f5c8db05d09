//! The rows the document list shows: the documents that match the filter box and the
//! entity/map/time filters, in the chosen order. Kept as a cached index vector so a frame with 100,000 documents only sorts when
//! the documents, the sort or the filter change; documents arriving during an ingest are
//! merged in rather than re-sorting everything.

use std::cmp::Ordering;

use super::format::document_date;
use crate::corpus::Document;
use crate::entities::FilterResult;

use crate::workspace::{ListView, SortColumn};

/// Per-document lower-case keys, computed once when a document arrives.
struct Keys {
    title: String,
    folder: String,
    /// As shown in the Date column; ISO dates sort in time order.
    date: String,
    author: String,
    /// Title and path together, for the filter.
    haystack: String,
}

/// A sort column, its direction, the filter box's text (lower case) and, when sorting
/// by relevance, the search revision.
type SortKey = (SortColumn, bool, String, Option<u64>);

/// The active search's ranking: its revision and per document its rank (best 0),
/// `u32::MAX` for documents it did not match.
pub struct Ranking<'a> {
    pub revision: u64,
    pub ranks: &'a [u32],
}

/// The visible rows, as indices into the document list.
#[derive(Default)]
pub struct ListOrder {
    keys: Vec<Keys>,
    /// The documents matching the filter box, sorted: kept apart from the entity/map/time
    /// filters so that changing those only re-filters, never re-sorts.
    sorted: Vec<usize>,
    /// The sort and filter box text `sorted` was computed for.
    sorted_for: Option<SortKey>,
    rows: Vec<usize>,
    /// The generation of the filter result and the length of `sorted` `rows` was made from.
    rows_for: Option<(u64, usize, Option<SortKey>)>,
    /// Per document: its rank in the active search, for the relevance order.
    ranks: Vec<u32>,
}

impl ListOrder {
    /// Forgets everything (a new corpus).
    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// The visible rows for `view` among the documents `filtered` lets through, bringing
    /// the cache up to date first. `generation` changes whenever `filtered` does.
    pub fn rows(
        &mut self,
        documents: &[Document],
        view: &ListView,
        filtered: &FilterResult,
        generation: u64,
        ranking: Option<Ranking<'_>>,
    ) -> &[usize] {
        if documents.len() < self.keys.len() {
            self.clear();
        }
        let known = self.keys.len();
        for doc in &documents[known..] {
            self.keys.push(Keys {
                title: doc.title.to_lowercase(),
                folder: doc.folder().to_lowercase(),
                date: document_date(doc),
                author: doc
                    .metadata
                    .author
                    .as_deref()
                    .unwrap_or_default()
                    .to_lowercase(),
                haystack: format!("{}\n{}", doc.title, doc.rel_path).to_lowercase(),
            });
        }
        let revision = match (view.sort, &ranking) {
            (SortColumn::Relevance, Some(r)) => Some(r.revision),
            _ => None,
        };
        let sort_key = Some((
            view.sort,
            view.ascending,
            view.filter.trim().to_lowercase(),
            revision,
        ));
        if self.sorted_for != sort_key {
            self.ranks.clear();
            if let (Some(ranking), Some(_)) = (&ranking, revision) {
                self.ranks.extend_from_slice(ranking.ranks);
            }
            self.sort_all(documents, view);
            self.sorted_for = sort_key;
        } else if known < documents.len() {
            self.merge_new(documents, view, known);
        }
        let rows_key = Some((generation, self.sorted.len(), self.sorted_for.clone()));
        if self.rows_for != rows_key {
            self.rows = self
                .sorted
                .iter()
                .copied()
                .filter(|&i| filtered.allows(i))
                .collect();
            self.rows_for = rows_key;
        }
        &self.rows
    }

    fn sort_all(&mut self, documents: &[Document], view: &ListView) {
        let needle = view.filter.trim().to_lowercase();
        let mut sorted: Vec<usize> = (0..documents.len())
            .filter(|&i| self.matches(i, &needle))
            .collect();
        sorted.sort_by(|&a, &b| self.compare(documents, view, a, b));
        self.sorted = sorted;
    }

    /// Sorts only the new documents and merges them into the sorted ones: O(n + k log k).
    fn merge_new(&mut self, documents: &[Document], view: &ListView, first_new: usize) {
        let needle = view.filter.trim().to_lowercase();
        let mut new: Vec<usize> = (first_new..documents.len())
            .filter(|&i| self.matches(i, &needle))
            .collect();
        new.sort_by(|&a, &b| self.compare(documents, view, a, b));
        let old = std::mem::take(&mut self.sorted);
        let mut merged = Vec::with_capacity(old.len() + new.len());
        let (mut i, mut j) = (0, 0);
        while i < old.len() && j < new.len() {
            if self.compare(documents, view, new[j], old[i]) == Ordering::Less {
                merged.push(new[j]);
                j += 1;
            } else {
                merged.push(old[i]);
                i += 1;
            }
        }
        merged.extend_from_slice(&old[i..]);
        merged.extend_from_slice(&new[j..]);
        self.sorted = merged;
    }

    fn matches(&self, index: usize, needle: &str) -> bool {
        needle.is_empty() || self.keys[index].haystack.contains(needle)
    }

    fn compare(&self, documents: &[Document], view: &ListView, a: usize, b: usize) -> Ordering {
        let (da, db) = (&documents[a], &documents[b]);
        let (ka, kb) = (&self.keys[a], &self.keys[b]);
        let primary = match view.sort {
            SortColumn::Title => ka.title.cmp(&kb.title),
            SortColumn::Folder => ka.folder.cmp(&kb.folder).then(ka.title.cmp(&kb.title)),
            SortColumn::Words => da.words.cmp(&db.words),
            SortColumn::Modified => ka.date.cmp(&kb.date),
            // Documents without an author come after the others (before them, descending).
            SortColumn::Author => {
                (ka.author.is_empty(), &ka.author).cmp(&(kb.author.is_empty(), &kb.author))
            }
            SortColumn::Relevance => {
                let rank = |i: usize| self.ranks.get(i).copied().unwrap_or(u32::MAX);
                rank(a).cmp(&rank(b)).then(ka.title.cmp(&kb.title))
            }
        };
        let directed = if view.ascending {
            primary
        } else {
            primary.reverse()
        };
        // Ties keep a stable, path-based order in both directions.
        directed.then_with(|| da.rel_path.cmp(&db.rel_path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Format;

    fn doc(rel_path: &str, title: &str, words: usize) -> Document {
        Document {
            rel_path: rel_path.into(),
            title: title.into(),
            bytes: 0,
            words,
            encoding: "UTF-8".into(),
            modified: None,
            format: Format::PlainText,
            text: "".into(),
            metadata: Default::default(),
        }
    }

    const ALL: FilterResult = FilterResult {
        allowed: None,
        document_count: 0,
        entity_docs: Vec::new(),
        entity_mentions: Vec::new(),
    };

    fn view(sort: SortColumn, ascending: bool, filter: &str) -> ListView {
        ListView {
            sort,
            ascending,
            filter: filter.into(),
            filters: Vec::new(),
            search: String::new(),
        }
    }

    #[test]
    fn authors_and_the_documents_own_dates_sort_with_the_unknown_last() {
        let mut mail = doc("mail.eml", "Mail", 1);
        mail.metadata.author = Some("Zoe".into());
        mail.metadata.date = Some("2016-10-18".into());
        let mut memo = doc("memo.pdf", "Memo", 1);
        memo.metadata.author = Some("amina".into());
        memo.metadata.date = Some("1999-03-03".into());
        let docs = [doc("plain.txt", "Plain", 1), mail, memo];
        let mut order = ListOrder::default();
        let by_author = view(SortColumn::Author, true, "");
        assert_eq!(order.rows(&docs, &by_author, &ALL, 0, None), [2, 1, 0]);
        let by_author_desc = view(SortColumn::Author, false, "");
        assert_eq!(order.rows(&docs, &by_author_desc, &ALL, 0, None), [0, 1, 2]);
        let by_date = view(SortColumn::Modified, true, "");
        // No date of its own and no file date: an empty date sorts first.
        assert_eq!(order.rows(&docs, &by_date, &ALL, 0, None), [0, 2, 1]);
    }

    #[test]
    fn relevance_orders_by_search_rank_and_follows_a_new_search() {
        let docs = [
            doc("a.txt", "A", 1),
            doc("b.txt", "B", 1),
            doc("c.txt", "C", 1),
        ];
        let mut order = ListOrder::default();
        let view = view(SortColumn::Relevance, true, "");
        let first = Ranking {
            revision: 1,
            ranks: &[1, u32::MAX, 0],
        };
        assert_eq!(order.rows(&docs, &view, &ALL, 0, Some(first)), [2, 0, 1]);
        let second = Ranking {
            revision: 2,
            ranks: &[0, 1, 2],
        };
        assert_eq!(order.rows(&docs, &view, &ALL, 0, Some(second)), [0, 1, 2]);
        // Without a search the order falls back to titles.
        assert_eq!(order.rows(&docs, &view, &ALL, 0, None), [0, 1, 2]);
    }

    #[test]
    fn sorts_by_words_both_ways_and_filters_on_title_and_path() {
        let docs = vec![
            doc("a/one.txt", "Harbour report", 30),
            doc("b/two.txt", "Budget", 10),
            doc("harbour/three.txt", "Minutes", 20),
        ];
        let mut order = ListOrder::default();
        assert_eq!(
            order.rows(&docs, &view(SortColumn::Words, true, ""), &ALL, 0, None),
            [1, 2, 0]
        );
        assert_eq!(
            order.rows(&docs, &view(SortColumn::Words, false, ""), &ALL, 0, None),
            [0, 2, 1]
        );
        assert_eq!(
            order.rows(
                &docs,
                &view(SortColumn::Title, true, "HARBOUR"),
                &ALL,
                0,
                None
            ),
            [0, 2]
        );
    }

    #[test]
    fn documents_arriving_later_are_merged_in_order() {
        let mut docs = vec![doc("c.txt", "Charlie", 1), doc("a.txt", "Alpha", 1)];
        let mut order = ListOrder::default();
        let sorted = view(SortColumn::Title, true, "");
        assert_eq!(order.rows(&docs, &sorted, &ALL, 0, None), [1, 0]);
        docs.push(doc("b.txt", "Bravo", 1));
        docs.push(doc("d.txt", "Delta", 1));
        assert_eq!(order.rows(&docs, &sorted, &ALL, 0, None), [1, 2, 0, 3]);
        order.clear();
        assert_eq!(order.rows(&docs, &sorted, &ALL, 0, None), [1, 2, 0, 3]);
    }

    #[test]
    fn entity_filters_narrow_the_rows_when_their_generation_changes() {
        let docs = vec![doc("a.txt", "Alpha", 1), doc("b.txt", "Bravo", 1)];
        let mut order = ListOrder::default();
        let sorted = view(SortColumn::Title, true, "");
        assert_eq!(order.rows(&docs, &sorted, &ALL, 0, None), [0, 1]);
        let only_b = FilterResult {
            allowed: Some(vec![false, true]),
            ..ALL
        };
        assert_eq!(order.rows(&docs, &sorted, &only_b, 1, None), [1]);
    }
}
