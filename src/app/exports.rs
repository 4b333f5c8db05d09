//! File → Export: the entities (JSON or CSV, the same contract as `corpus-explorer export`)
//! and the filtered documents list (CSV). The data is gathered on the UI thread (cheap
//! copies of names and counts), then corrected, encoded and written on a task thread.

use std::path::PathBuf;

use super::error::AppError;
use super::export_kind::ExportKind;
use super::jobs::JobResult;
use super::model::Model;
use super::session::{CorpusSession, WindowCtx};
use crate::entities::{apply_corrections, snippet_around};
use crate::export::{ExportReport, csv_field};
use crate::extract::dates::Granularity;
use crate::search::kwic_csv;
use crate::timeline::{TimelineRow, timeline_csv};
use crate::workspace::write_atomic;

impl CorpusSession {
    /// Writes the export of `kind` to `path` on a task thread.
    pub(super) fn export(&self, kind: ExportKind, path: PathBuf, window: &mut WindowCtx) {
        let encode: Box<dyn FnOnce() -> std::io::Result<Vec<u8>> + Send> = match kind {
            ExportKind::EntitiesJson | ExportKind::EntitiesCsv | ExportKind::PlacesGeoJson => {
                let mut report = ExportReport::new(&self.model.documents, &self.model.problems);
                let extraction = std::sync::Arc::clone(&self.model.extraction);
                let corrections = self.model.workspace.corrections.clone();
                Box::new(move || {
                    let (corrected, _) = apply_corrections(&extraction, &corrections);
                    let corrected = corrected.into_extraction();
                    report.entities = corrected.entities;
                    report.suggestions = corrected.suggestions;
                    let mut bytes = Vec::new();
                    let written = match kind {
                        ExportKind::EntitiesJson => report.write_json(&mut bytes),
                        ExportKind::PlacesGeoJson => report.write_places_geojson(&mut bytes),
                        _ => report.write_entities_csv(&mut bytes),
                    };
                    written.map(|()| bytes)
                })
            }
            ExportKind::FilteredDocumentsCsv => {
                let csv = filtered_documents_csv(&self.model);
                Box::new(move || Ok(csv.into_bytes()))
            }
            ExportKind::TimelineCsv => {
                let csv = timeline_csv(&timeline_rows(&self.model));
                Box::new(move || Ok(csv.into_bytes()))
            }
            ExportKind::ConcordanceCsv => {
                let documents = &self.model.documents;
                let lines = self
                    .model
                    .search
                    .concordance
                    .as_ref()
                    .map_or(&[][..], |c| c.lines.as_slice());
                let csv = kwic_csv(lines, |doc| {
                    documents
                        .get(doc as usize)
                        .map_or("", |d| d.rel_path.as_str())
                });
                Box::new(move || Ok(csv.into_bytes()))
            }
        };
        let write = move || {
            let what = kind.describe();
            let result = encode()
                .map_err(|source| AppError::Export { what, source })
                .and_then(|bytes| Ok(write_atomic(&path, &bytes)?));
            JobResult::Exported { what, path, result }
        };
        window.spawn("export", "Could not start the export", write);
    }
}

/// Every date mention of the documents the filters let through, in document order.
fn timeline_rows(model: &Model) -> Vec<TimelineRow> {
    let mut rows = Vec::new();
    for (i, doc) in model.documents.iter().enumerate() {
        if !model.filtered.allows(i) {
            continue;
        }
        for m in model.entities.mentions_in(i) {
            let Some(entity) = model.entities.entity(m.entity) else {
                continue;
            };
            let (Some(value), Some(date)) = (&entity.value, entity.date) else {
                continue;
            };
            rows.push(TimelineRow {
                value: value.clone(),
                granularity: granularity_name(date.granularity),
                document: doc.rel_path.clone(),
                sentence: snippet_around(&doc.text, m.start, m.end),
            });
        }
    }
    rows
}

fn granularity_name(granularity: Granularity) -> &'static str {
    match granularity {
        Granularity::Decade => "decade",
        Granularity::Year => "year",
        Granularity::Month => "month",
        Granularity::Day => "day",
    }
}

/// path, title, folder, words, and the entities of the active filters each document
/// mentions ("matched"), for the documents the filters let through, in path order.
fn filtered_documents_csv(model: &Model) -> String {
    let targeted = model.entities.filter_targets(model.filters());
    let mut out = String::from("path,title,folder,words,matched\n");
    for (i, doc) in model.documents.iter().enumerate() {
        if !model.filtered.allows(i) {
            continue;
        }
        let mut matched: Vec<&str> = model
            .entities
            .mentions_in(i)
            .iter()
            .filter(|m| targeted.get(m.entity as usize).copied().unwrap_or(false))
            .filter_map(|m| model.entities.entity(m.entity).map(|e| e.name.as_str()))
            .collect();
        matched.sort_unstable();
        matched.dedup();
        let row = [
            csv_field(&doc.rel_path),
            csv_field(&doc.title),
            csv_field(doc.folder()),
            doc.words.to_string(),
            csv_field(&matched.join("|")),
        ];
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}
