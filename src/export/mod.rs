//! The JSON export of a corpus, shared by `corpus-explorer export` and the
//! GUI. Skipped files are listed too, with `error` set and `title`, `words`
//! and `encoding` null, so the export accounts for every file it saw.

mod bulk;

use std::io::Write;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use serde::{Deserialize, Serialize};

use crate::corpus::{CorpusError, Document, IngestEvent, IngestOptions, Problem, ingest_folder};
use crate::entities::{Correction, CorrectionProblem, apply_corrections};
use crate::extract::dates::document_date;
use crate::extract::{Entity, Extraction, Extractor, Linker, MergeSuggestion};

pub use bulk::{BulkError, write_bulk_ndjson};

/// The version of the export format; bumped on incompatible changes.
pub const EXPORT_VERSION: u32 = 1;

/// A whole export: every file seen, and the entities found in them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportReport {
    pub version: u32,
    /// Sorted by `path`.
    pub documents: Vec<ExportDocument>,
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Left out of the JSON while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<MergeSuggestion>,
}

/// One file of the corpus: a readable document or a skipped file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportDocument {
    /// Relative to the corpus folder, '/' separators.
    pub path: String,
    /// Null for skipped files.
    pub title: Option<String>,
    /// Size on disk; null when a skipped file could not even be measured.
    pub bytes: Option<u64>,
    /// Null for skipped files.
    pub words: Option<usize>,
    /// Null for skipped files.
    pub encoding: Option<String>,
    /// Why the file was skipped, in plain language; null when it was read.
    pub error: Option<String>,
}

impl ExportDocument {
    pub fn from_document(doc: &Document) -> Self {
        Self {
            path: doc.rel_path.clone(),
            title: Some(doc.title.clone()),
            bytes: Some(doc.bytes),
            words: Some(doc.words),
            encoding: Some(doc.encoding.clone()),
            error: None,
        }
    }

    pub fn from_problem(problem: &Problem) -> Self {
        Self {
            path: problem.rel_path.clone(),
            title: None,
            bytes: problem.bytes,
            words: None,
            encoding: None,
            error: Some(problem.reason.clone()),
        }
    }
}

impl ExportReport {
    /// A report of these documents and problems, without entities yet.
    pub fn new<'a>(
        documents: impl IntoIterator<Item = &'a Document>,
        problems: impl IntoIterator<Item = &'a Problem>,
    ) -> Self {
        let entries = documents
            .into_iter()
            .map(ExportDocument::from_document)
            .chain(problems.into_iter().map(ExportDocument::from_problem))
            .collect();
        Self::from_entries(entries)
    }

    fn from_entries(mut entries: Vec<ExportDocument>) -> Self {
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        Self {
            version: EXPORT_VERSION,
            documents: entries,
            entities: Vec::new(),
            suggestions: Vec::new(),
        }
    }

    /// Applies the user's corrections (from a workspace) to the entities and suggestions,
    /// returning the ones that no longer fit these documents.
    pub fn apply_corrections(&mut self, corrections: &[Correction]) -> Vec<CorrectionProblem> {
        let extraction = Extraction {
            entities: std::mem::take(&mut self.entities),
            suggestions: std::mem::take(&mut self.suggestions),
        };
        let (corrected, problems) = apply_corrections(&extraction, corrections);
        let corrected = corrected.into_extraction();
        self.entities = corrected.entities;
        self.suggestions = corrected.suggestions;
        problems
    }

    /// Writes the report as indented JSON followed by a newline.
    pub fn write_json(&self, mut out: impl Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut out, self)?;
        out.write_all(b"\n")?;
        out.flush()
    }
}

/// Ingests `root` and builds its report. Texts are dropped as they arrive,
/// so memory stays small whatever the corpus size.
pub fn export_folder(root: &Path, options: &IngestOptions) -> Result<ExportReport, CorpusError> {
    let cancel = AtomicBool::new(false);
    let mut entries = Vec::new();
    ingest_folder(root, options, &cancel, |event| match event {
        IngestEvent::Document(doc) => entries.push(ExportDocument::from_document(&doc)),
        IngestEvent::Problem(problem) => entries.push(ExportDocument::from_problem(&problem)),
        IngestEvent::Started { .. } | IngestEvent::Progress { .. } => {}
    })?;
    Ok(ExportReport::from_entries(entries))
}

/// Like [`export_folder`], with the people, organisations, places and dates found in
/// the documents, and the merge suggestions. Each text is extracted as it arrives and
/// then dropped, so only the mentions stay in memory.
pub fn export_folder_with_entities(
    root: &Path,
    options: &IngestOptions,
    extractor: &Extractor,
) -> Result<ExportReport, CorpusError> {
    let cancel = AtomicBool::new(false);
    let mut entries = Vec::new();
    let mut linker = Linker::default();
    ingest_folder(root, options, &cancel, |event| match event {
        IngestEvent::Document(doc) => {
            let date = doc.metadata.date.as_deref().and_then(document_date);
            linker.add(extractor.extract_dated_document(&doc.rel_path, &doc.text, date));
            entries.push(ExportDocument::from_document(&doc));
        }
        IngestEvent::Problem(problem) => entries.push(ExportDocument::from_problem(&problem)),
        IngestEvent::Started { .. } | IngestEvent::Progress { .. } => {}
    })?;
    let mut report = ExportReport::from_entries(entries);
    let extraction = linker.finish();
    report.entities = extraction.entities;
    report.suggestions = extraction.suggestions;
    Ok(report)
}

impl ExportReport {
    /// One CSV row per entity: id, kind, name, aliases (joined by '|'), number of
    /// documents, number of mentions, lat, lon, value, and "inferred" when a date's
    /// value was completed from its document rather than stated.
    pub fn write_entities_csv(&self, mut out: impl Write) -> std::io::Result<()> {
        writeln!(
            out,
            "id,kind,name,aliases,documents,mentions,lat,lon,value,inferred"
        )?;
        for e in &self.entities {
            let mut docs: Vec<&str> = e.mentions.iter().map(|m| &*m.path).collect();
            docs.sort_unstable();
            docs.dedup();
            let number = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
            let row = [
                csv_field(&e.id),
                csv_field(e.kind.key()),
                csv_field(&e.name),
                csv_field(&e.aliases.join("|")),
                docs.len().to_string(),
                e.mentions.len().to_string(),
                number(e.lat),
                number(e.lon),
                csv_field(e.value.as_deref().unwrap_or("")),
                if e.inferred { "inferred" } else { "" }.to_string(),
            ];
            writeln!(out, "{}", row.join(","))?;
        }
        out.flush()
    }
}

impl ExportReport {
    /// The places with coordinates as a GeoJSON FeatureCollection of Points, each with
    /// its id, name, aliases, country, and numbers of documents and mentions.
    pub fn places_geojson(&self) -> serde_json::Value {
        let features: Vec<serde_json::Value> = self
            .entities
            .iter()
            .filter(|e| e.kind == crate::extract::EntityKind::Place)
            .filter_map(|e| {
                let (lat, lon) = (e.lat?, e.lon?);
                let mut docs: Vec<&str> = e.mentions.iter().map(|m| &*m.path).collect();
                docs.sort_unstable();
                docs.dedup();
                Some(serde_json::json!({
                    "type": "Feature",
                    "geometry": { "type": "Point", "coordinates": [lon, lat] },
                    "properties": {
                        "id": e.id,
                        "name": e.name,
                        "aliases": e.aliases,
                        "country": e.country,
                        "documents": docs.len(),
                        "mentions": e.mentions.len(),
                    }
                }))
            })
            .collect();
        serde_json::json!({ "type": "FeatureCollection", "features": features })
    }

    /// [`ExportReport::places_geojson`], indented, with a final newline.
    pub fn write_places_geojson(&self, mut out: impl Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut out, &self.places_geojson())?;
        out.write_all(b"\n")?;
        out.flush()
    }
}

/// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
pub fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Format, Metadata, ProblemKind};

    #[test]
    fn csv_fields_with_commas_and_quotes_are_quoted() {
        assert_eq!(csv_field("Lagos"), "Lagos");
        assert_eq!(csv_field("Ikeja, Lagos"), "\"Ikeja, Lagos\"");
        assert_eq!(csv_field("the \"Courier\""), "\"the \"\"Courier\"\"\"");
    }

    #[test]
    fn documents_and_problems_share_one_sorted_list() {
        let doc = Document {
            rel_path: "b/notes.txt".into(),
            title: "Notes".into(),
            bytes: 10,
            words: 2,
            encoding: "UTF-8".into(),
            modified: None,
            format: Format::PlainText,
            text: "some notes".into(),
            metadata: Metadata::default(),
        };
        let problem = Problem {
            rel_path: "a.txt".into(),
            reason: "the file is empty".into(),
            kind: ProblemKind::Empty,
            bytes: Some(0),
        };
        let report = ExportReport::new([&doc], [&problem]);
        let mut json = Vec::new();
        assert!(report.write_json(&mut json).is_ok());
        let value: serde_json::Value = serde_json::from_slice(&json).unwrap_or_default();
        let expected = serde_json::json!({
            "version": 1,
            "documents": [
                { "path": "a.txt", "title": null, "bytes": 0, "words": null,
                  "encoding": null, "error": "the file is empty" },
                { "path": "b/notes.txt", "title": "Notes", "bytes": 10, "words": 2,
                  "encoding": "UTF-8", "error": null }
            ],
            "entities": []
        });
        assert_eq!(value, expected);
    }
}
