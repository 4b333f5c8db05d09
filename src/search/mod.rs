//! Full-text search over a corpus: the query language, the index, where a
//! query matches in a text, and the keyword-in-context (KWIC) concordance.
//! Knows nothing of the window; the app and the `search` command share it.

mod folder;
mod highlight;
mod index;
mod kwic;
mod query;
mod tokens;

pub use folder::{FolderSearch, FolderSearchError, search_folder, snippet_around};
pub use highlight::{TextHit, find_hits, within_edits};
pub use index::{DocHit, IndexedText, SearchError, SearchIndex, SearchSource, numbered};
pub use kwic::{KwicLine, KwicOrder, kwic_csv, kwic_lines, sort_kwic};
pub use query::{Field, Leaf, Query, QueryError, parse_query};
pub use tokens::{fold_words, word_tokens};
