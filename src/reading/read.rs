//! Reading a corpus folder through its cache: unchanged files come from the cache,
//! texts seen before are not extracted again, and a fresh cache is written as the
//! folder is read, put in place only when the reading completes.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::extraction::{
    ExtractionCache, ExtractionEvent, ExtractionFeed, ExtractionOutcome, start_extraction_cached,
};
use crate::cache::{
    CacheDir, CacheError, CacheWriters, DocumentCache, FileCache, FrameWriter, LastReadingRef,
};
use crate::corpus::{
    CorpusError, IngestEvent, IngestOptions, IngestSummary, Problem, Reuse, ingest_folder_reusing,
};
use crate::extract::dates::document_date;

/// How a reading went.
#[derive(Debug, Default)]
pub struct CorpusRead {
    pub summary: IngestSummary,
    /// Documents whose entities came from the cache rather than the engine.
    pub entities_reused: usize,
    /// Something to tell the user about the cache (it was rebuilt, or not saved).
    pub notice: Option<String>,
    /// The reading was the last one, shown whole from the cache without looking at
    /// the folder: check it for changes made since (`summary.manifest` is the folder
    /// as it was then).
    pub reopened: bool,
}

/// Reads `root` (documents to `on_ingest`, entity snapshots to `on_extraction`),
/// using and refreshing the cache in `cache` when one is given. Fails only when the
/// folder itself cannot be read; cache trouble is reported in `notice`.
pub fn read_corpus(
    root: &Path,
    options: &IngestOptions,
    cache: Option<&CacheDir>,
    cancel: &Arc<AtomicBool>,
    mut on_ingest: impl FnMut(IngestEvent),
    on_extraction: impl Fn(ExtractionEvent) + Send + Sync + 'static,
) -> Result<CorpusRead, CorpusError> {
    let mut notice = None;
    let previous = cache.and_then(|c| load_or_forget(c, &mut notice));
    let (documents_writer, entities_writer) = cache_writers(cache, &mut notice);
    let emit = Arc::new(on_extraction);
    let feed_emit = Arc::clone(&emit);
    let extraction_cache = ExtractionCache {
        reuse_from: previous.as_ref().and(cache).cloned(),
        writer: entities_writer,
    };
    let feed = start_extraction_cached(Arc::clone(cancel), extraction_cache, move |event| {
        feed_emit(event);
    });
    let feed = match feed {
        Ok(feed) => Some(feed),
        Err(err) => {
            emit(ExtractionEvent::Failed(err.to_string()));
            None
        }
    };
    let had_cache = previous.is_some();
    let files = FileCache::new(previous, documents_writer);
    let reuse = cache.map(|_| &files as &dyn Reuse);
    // Kept with the last reading, so that reopening lists them without a look.
    let mut problems: Vec<Problem> = Vec::new();
    let result = ingest_folder_reusing(root, options, reuse, cancel, |event| {
        match (&event, &feed) {
            (IngestEvent::Document(doc), Some(feed)) => {
                let date = doc.metadata.date.as_deref().and_then(document_date);
                feed.push_dated(doc.rel_path.clone(), Arc::clone(&doc.text), date);
            }
            (IngestEvent::Problem(problem), _) if cache.is_some() => problems.push(problem.clone()),
            _ => {}
        }
        on_ingest(event);
    });
    let previous_files = files.previous().map(DocumentCache::len);
    let (documents_writer, write_error) = files.into_writer();
    // Every document read must have been through extraction before the reading ends.
    let outcome = finish_extraction(feed, &*emit);
    let summary = match result {
        Ok(summary) => summary,
        Err(err) => {
            abandon(documents_writer, outcome.writer);
            return Err(err);
        }
    };
    let complete = !summary.cancelled && !cancel.load(Ordering::Relaxed);
    let unchanged = had_cache
        && outcome.load_error.is_none()
        && summary.reused == summary.files
        && previous_files == Some(summary.files);
    if let Some(err) = &outcome.load_error {
        notice = Some(rebuilt_notice(err));
    }
    let write_error = write_error.or(outcome.write_error);
    // Whether the documents file now in the cache is this reading's.
    let documents_kept = match (documents_writer, outcome.writer) {
        (Some(documents), Some(entities)) if complete && !unchanged => {
            put_in_place(cache, documents, entities, &mut notice)
        }
        (documents, entities) => {
            abandon(documents, entities);
            complete && unchanged
        }
    };
    if let Some(err) = write_error {
        notice = Some(not_saved(&err));
    }
    if let (true, Some(cache), Some((extraction, paths))) = (documents_kept, cache, &outcome.linked)
    {
        let reading = LastReadingRef {
            manifest: &summary.manifest,
            problems: &problems,
            paths,
            extraction,
        };
        notice = cache
            .save_last_reading(options.max_file_bytes, &reading)
            .err()
            .map(|err| not_saved(&err))
            .or(notice);
    }
    Ok(CorpusRead {
        summary,
        entities_reused: outcome.reused,
        notice,
        reopened: false,
    })
}

/// Puts a complete reading's new cache files in place; false (with a notice) if they
/// could not be.
fn put_in_place(
    cache: Option<&CacheDir>,
    documents: FrameWriter,
    entities: FrameWriter,
    notice: &mut Option<String>,
) -> bool {
    // The old last reading must never be paired with the new documents file.
    if let Some(cache) = cache {
        cache.forget_last_reading();
    }
    // Entities first: they are keyed by text, so any documents file agrees with them.
    match entities.finish().and_then(|()| documents.finish()) {
        Ok(()) => true,
        Err(err) => {
            *notice = Some(not_saved(&err));
            false
        }
    }
}

/// Where this reading writes its documents and entities, unless the cache cannot be
/// written (then it says so in `notice`).
fn cache_writers(
    cache: Option<&CacheDir>,
    notice: &mut Option<String>,
) -> (Option<FrameWriter>, Option<FrameWriter>) {
    match cache.map(CacheDir::writers) {
        Some(Ok(CacheWriters {
            documents,
            entities,
        })) => (Some(documents), Some(entities)),
        Some(Err(err)) => {
            *notice = Some(format!("The index of this folder cannot be saved: {err}."));
            (None, None)
        }
        None => (None, None),
    }
}

/// Waits for the extraction to take in every document read, and what it made of them.
fn finish_extraction(
    feed: Option<ExtractionFeed>,
    emit: &dyn Fn(ExtractionEvent),
) -> ExtractionOutcome {
    match feed.map(|feed| feed.finish().join()) {
        Some(Ok(outcome)) => outcome,
        Some(Err(_)) => {
            emit(ExtractionEvent::Failed(
                "the extraction stopped unexpectedly".into(),
            ));
            ExtractionOutcome::default()
        }
        None => ExtractionOutcome::default(),
    }
}

/// The cached documents, or `None` (with a notice, and the cache removed) when they
/// cannot be used.
fn load_or_forget(cache: &CacheDir, notice: &mut Option<String>) -> Option<DocumentCache> {
    match cache.load_documents() {
        Ok(found) => found,
        Err(err) => {
            *notice = Some(rebuilt_notice(&err));
            let _ = cache.clear();
            None
        }
    }
}

fn not_saved(err: &CacheError) -> String {
    format!("The index of this folder was not saved: {err}.")
}

fn rebuilt_notice(err: &CacheError) -> String {
    match err {
        CacheError::Outdated { .. } => "The saved index of this folder was made by another \
            version of Corpus Explorer; it was rebuilt."
            .to_owned(),
        _ => format!("The saved index of this folder could not be used ({err}); it was rebuilt."),
    }
}

fn abandon(documents: Option<FrameWriter>, entities: Option<FrameWriter>) {
    if let Some(writer) = documents {
        writer.abandon();
    }
    if let Some(writer) = entities {
        writer.abandon();
    }
}
