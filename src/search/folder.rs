//! Searching a folder without the window: read it, index it, run one query.
//! The `search` command prints what this returns as JSON.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use serde::Serialize;

use super::highlight::find_hits;
use super::index::{IndexedText, SearchIndex};
use super::kwic::{KwicOrder, kwic_lines, sort_kwic};
use super::query::parse_query;
use crate::corpus::{Document, IngestEvent, IngestOptions, ingest_folder};

/// What one search of a folder found.
#[derive(Debug, Serialize)]
pub struct FolderSearch {
    pub query: String,
    /// Documents matched in all (the hits list may be cut at the limit).
    pub total: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hits: Option<Vec<SearchHitOut>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kwic: Option<Vec<KwicOut>>,
}

/// One matching document, best first.
#[derive(Debug, Serialize)]
pub struct SearchHitOut {
    pub path: String,
    pub title: String,
    pub score: f32,
    /// The text around the first match, on one line.
    pub snippet: String,
    /// Byte offsets of every match in the document's decoded text.
    pub matches: Vec<[usize; 2]>,
}

/// One concordance line.
#[derive(Debug, Serialize)]
pub struct KwicOut {
    pub path: String,
    pub left: String,
    pub keyword: String,
    pub right: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum FolderSearchError {
    #[error(transparent)]
    Corpus(#[from] crate::corpus::CorpusError),
    #[error("the query cannot be read")]
    Query(#[from] super::query::QueryError),
    #[error(transparent)]
    Search(#[from] super::index::SearchError),
}

/// Characters of context each side of a match in snippets and KWIC lines.
const CONTEXT: usize = 60;

/// Reads `root`, indexes it and runs `query_text`. At most `limit` hits (or
/// KWIC lines with `kwic`) are returned.
pub fn search_folder(
    root: &Path,
    options: &IngestOptions,
    query_text: &str,
    limit: usize,
    kwic: bool,
) -> Result<FolderSearch, FolderSearchError> {
    // Check the query before the long part.
    let query = parse_query(query_text)?;
    let cancel = AtomicBool::new(false);
    let mut documents: Vec<Document> = Vec::new();
    ingest_folder(root, options, &cancel, |event| {
        if let IngestEvent::Document(doc) = event {
            documents.push(*doc);
        }
    })?;
    let index = SearchIndex::build(
        documents.iter().enumerate().map(|(i, d)| IndexedText {
            doc: u32::try_from(i).unwrap_or(u32::MAX),
            path: &d.rel_path,
            title: &d.title,
            text: &d.text,
        }),
        &cancel,
        |_| {},
    )?;
    let hits = index.search(&query)?;
    let total = hits.len();
    let doc = |i: u32| &documents[i as usize];
    if kwic {
        let mut lines = kwic_lines(
            &query,
            hits.iter().map(|h| (h.doc, &*doc(h.doc).text)),
            CONTEXT,
            limit,
        );
        sort_kwic(&mut lines, KwicOrder::Document);
        let kwic = lines
            .into_iter()
            .map(|l| KwicOut {
                path: doc(l.doc).rel_path.clone(),
                left: l.left,
                keyword: l.keyword,
                right: l.right,
                start: l.start,
                end: l.end,
            })
            .collect();
        return Ok(FolderSearch {
            query: query_text.to_string(),
            total,
            hits: None,
            kwic: Some(kwic),
        });
    }
    let hits = hits
        .iter()
        .take(limit)
        .map(|hit| {
            let d = doc(hit.doc);
            let matches = find_hits(&query, &d.text);
            let snippet = matches
                .first()
                .map(|m| snippet_around(&d.text, m.start, m.end))
                .unwrap_or_else(|| snippet_around(&d.text, 0, 0));
            SearchHitOut {
                path: d.rel_path.clone(),
                title: d.title.clone(),
                score: hit.score,
                snippet,
                matches: matches.iter().map(|m| [m.start, m.end]).collect(),
            }
        })
        .collect();
    Ok(FolderSearch {
        query: query_text.to_string(),
        total,
        hits: Some(hits),
        kwic: None,
    })
}

/// The text around a match, on one line, cut at word boundaries.
pub fn snippet_around(text: &str, start: usize, end: usize) -> String {
    let (before, after) = context_around(text, start, end);
    format!("{before}{}{after}", &text[start..end])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// About `CONTEXT` characters before and after a span, cut at spaces.
fn context_around(text: &str, start: usize, end: usize) -> (&str, &str) {
    let before = &text[..start];
    let from = before
        .char_indices()
        .rev()
        .nth(CONTEXT)
        .map_or(0, |(i, _)| before[i..].find(' ').map_or(i, |s| i + s + 1));
    let after = &text[end..];
    let to = after
        .char_indices()
        .nth(CONTEXT)
        .map_or(after.len(), |(i, _)| after[..i].rfind(' ').unwrap_or(i));
    (&text[from..start], &after[..to])
}
