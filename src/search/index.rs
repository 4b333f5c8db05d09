//! The full-text index (tantivy, in memory or in a folder of the cache): built from
//! the documents of a corpus off the UI thread, then asked for every document a
//! [`Query`] matches, best first (BM25).

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::index::SegmentReader;
use tantivy::query::{
    AllQuery, BooleanQuery, FuzzyTermQuery, Occur, PhraseQuery, Query as TantivyQuery, TermQuery,
};
use tantivy::schema::{
    FAST, Field as IndexField, INDEXED, IndexRecordOption, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{DocId, Index, IndexReader, IndexWriter, Score, TantivyDocument, Term};

use super::query::{Field, Leaf, Query};
use super::tokens::{ANALYZER, analyzer};

/// What the index needs of one document.
pub struct IndexedText<'a> {
    /// The document's number in the corpus list.
    pub doc: u32,
    pub path: &'a str,
    pub title: &'a str,
    pub text: &'a str,
}

/// A document as the app hands it to the index: path, title, text; its number
/// is its position in the list.
pub type SearchSource<'a> = (&'a str, &'a str, &'a str);

/// The sources as the index takes them, numbered in list order.
pub fn numbered<'a>(sources: &'a [SearchSource<'a>]) -> impl Iterator<Item = IndexedText<'a>> {
    sources
        .iter()
        .enumerate()
        .map(|(i, &(path, title, text))| IndexedText {
            doc: u32::try_from(i).unwrap_or(u32::MAX),
            path,
            title,
            text,
        })
}

/// One matching document and how well it matches.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DocHit {
    pub doc: u32,
    pub score: f32,
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("the search index could not be built or read: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("building the search index was cancelled")]
    Cancelled,
    #[error("the search index folder could not be prepared: {0}")]
    Folder(#[from] std::io::Error),
}

#[derive(Clone, Copy)]
struct Fields {
    doc: IndexField,
    title: IndexField,
    path: IndexField,
    body: IndexField,
}

pub struct SearchIndex {
    reader: IndexReader,
    fields: Fields,
    documents: usize,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("documents", &self.documents)
            .finish_non_exhaustive()
    }
}

/// Memory the index writer may use while building, shared by its threads.
const WRITER_BUDGET: usize = 128 * 1024 * 1024;

impl SearchIndex {
    /// Indexes `docs`, checking `cancel` between documents and calling
    /// `progress` with the count done now and then.
    pub fn build<'a>(
        docs: impl IntoIterator<Item = IndexedText<'a>>,
        cancel: &AtomicBool,
        progress: impl FnMut(usize),
    ) -> Result<SearchIndex, SearchError> {
        let (schema, fields) = schema();
        Self::fill(Index::create_in_ram(schema), fields, docs, cancel, progress)
    }

    /// Like [`SearchIndex::build`], kept in the empty folder `dir` so that
    /// [`SearchIndex::open`] can use it again later.
    pub fn build_in<'a>(
        dir: &Path,
        docs: impl IntoIterator<Item = IndexedText<'a>>,
        cancel: &AtomicBool,
        progress: impl FnMut(usize),
    ) -> Result<SearchIndex, SearchError> {
        let (schema, fields) = schema();
        std::fs::create_dir_all(dir)?;
        let index = Index::create_in_dir(dir, schema)?;
        Self::fill(index, fields, docs, cancel, progress)
    }

    /// An index built earlier by [`SearchIndex::build_in`].
    pub fn open(dir: &Path) -> Result<SearchIndex, SearchError> {
        let index = Index::open_in_dir(dir)?;
        let (schema, fields) = schema();
        if index.schema() != schema {
            return Err(tantivy::TantivyError::SchemaError(
                "the saved index has other fields".into(),
            )
            .into());
        }
        index.tokenizers().register(ANALYZER, analyzer());
        let reader = index.reader()?;
        let documents = usize::try_from(reader.searcher().num_docs()).unwrap_or(usize::MAX);
        Ok(SearchIndex {
            reader,
            fields,
            documents,
        })
    }

    fn fill<'a>(
        index: Index,
        fields: Fields,
        docs: impl IntoIterator<Item = IndexedText<'a>>,
        cancel: &AtomicBool,
        mut progress: impl FnMut(usize),
    ) -> Result<SearchIndex, SearchError> {
        index.tokenizers().register(ANALYZER, analyzer());
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let mut writer: IndexWriter = index.writer_with_num_threads(threads, WRITER_BUDGET)?;
        let mut documents = 0;
        for doc in docs {
            if cancel.load(Ordering::Relaxed) {
                return Err(SearchError::Cancelled);
            }
            let mut entry = TantivyDocument::default();
            entry.add_u64(fields.doc, u64::from(doc.doc));
            entry.add_text(fields.title, doc.title);
            entry.add_text(fields.path, doc.path);
            entry.add_text(fields.body, doc.text);
            writer.add_document(entry)?;
            documents += 1;
            if documents % 1024 == 0 {
                progress(documents);
            }
        }
        writer.commit()?;
        writer.wait_merging_threads()?;
        let reader = index.reader()?;
        Ok(SearchIndex {
            reader,
            fields,
            documents,
        })
    }

    /// How many documents are indexed.
    pub fn len(&self) -> usize {
        self.documents
    }

    pub fn is_empty(&self) -> bool {
        self.documents == 0
    }

    /// Every document `query` matches, best first (ties in document order).
    pub fn search(&self, query: &Query) -> Result<Vec<DocHit>, SearchError> {
        let searcher = self.reader.searcher();
        let compiled = compile(query, self.fields);
        let mut hits = searcher.search(compiled.as_ref(), &AllDocs)?;
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        Ok(hits)
    }
}

fn schema() -> (Schema, Fields) {
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let mut builder = Schema::builder();
    let fields = Fields {
        doc: builder.add_u64_field("doc", INDEXED | FAST),
        title: builder.add_text_field("title", text.clone()),
        path: builder.add_text_field("path", text.clone()),
        body: builder.add_text_field("body", text),
    };
    (builder.build(), fields)
}

/// Our query tree as a tantivy query.
fn compile(query: &Query, fields: Fields) -> Box<dyn TantivyQuery> {
    match query {
        Query::Leaf(field, leaf) => {
            let targets: &[IndexField] = match field {
                Field::Any => &[fields.body, fields.title],
                Field::Title => &[fields.title],
                Field::Path => &[fields.path],
            };
            let mut per_field: Vec<(Occur, Box<dyn TantivyQuery>)> = targets
                .iter()
                .map(|&f| (Occur::Should, leaf_query(f, leaf)))
                .collect();
            if per_field.len() == 1 {
                per_field.remove(0).1
            } else {
                Box::new(BooleanQuery::new(per_field))
            }
        }
        Query::And(parts) => {
            let mut clauses: Vec<(Occur, Box<dyn TantivyQuery>)> = parts
                .iter()
                .map(|part| match part {
                    Query::Not(inner) => (Occur::MustNot, compile(inner, fields)),
                    other => (Occur::Must, compile(other, fields)),
                })
                .collect();
            if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
                clauses.push((Occur::Must, Box::new(AllQuery)));
            }
            Box::new(BooleanQuery::new(clauses))
        }
        Query::Or(parts) => Box::new(BooleanQuery::new(
            parts
                .iter()
                .map(|part| (Occur::Should, compile(part, fields)))
                .collect(),
        )),
        Query::Not(inner) => Box::new(BooleanQuery::new(vec![
            (Occur::Must, Box::new(AllQuery)),
            (Occur::MustNot, compile(inner, fields)),
        ])),
    }
}

fn leaf_query(field: IndexField, leaf: &Leaf) -> Box<dyn TantivyQuery> {
    let term = |word: &str| Term::from_field_text(field, word);
    match leaf {
        Leaf::Word(word) => Box::new(TermQuery::new(term(word), IndexRecordOption::WithFreqs)),
        Leaf::Prefix(prefix) => Box::new(FuzzyTermQuery::new_prefix(term(prefix), 0, true)),
        Leaf::Fuzzy(word, edits) => Box::new(FuzzyTermQuery::new(term(word), *edits, true)),
        Leaf::Phrase(words) => Box::new(PhraseQuery::new(words.iter().map(|w| term(w)).collect())),
    }
}

/// Collects every matching document with its score (the list filters to all
/// of them, not a top ten).
struct AllDocs;

struct SegmentDocs {
    doc_numbers: Column<u64>,
    hits: Vec<DocHit>,
}

impl Collector for AllDocs {
    type Fruit = Vec<DocHit>;
    type Child = SegmentDocs;

    fn for_segment(&self, _: u32, segment: &SegmentReader) -> tantivy::Result<SegmentDocs> {
        Ok(SegmentDocs {
            doc_numbers: segment.fast_fields().u64("doc")?,
            hits: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<DocHit>>) -> tantivy::Result<Vec<DocHit>> {
        Ok(fruits.concat())
    }
}

impl SegmentCollector for SegmentDocs {
    type Fruit = Vec<DocHit>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(number) = self.doc_numbers.first(doc)
            && let Ok(doc) = u32::try_from(number)
        {
            self.hits.push(DocHit { doc, score });
        }
    }

    fn harvest(self) -> Vec<DocHit> {
        self.hits
    }
}
