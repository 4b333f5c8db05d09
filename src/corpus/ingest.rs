//! The ingest job: walk a folder and read every supported file, reporting
//! progress, documents and problems as events so a UI can fill in as it goes.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use super::{Document, Format, Problem};

/// Settings the user can change in preferences.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Files larger than this are skipped and listed as problems.
    pub max_file_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        Self {
            max_file_bytes: 50 * 1024 * 1024,
        }
    }
}

/// What an ingest reports while it runs, in order.
#[derive(Debug, Clone)]
pub enum IngestEvent {
    /// The walk is done: this many candidate files will be read.
    Started { total: usize },
    Progress {
        done: usize,
        total: usize,
        current: String,
    },
    Document(Box<Document>),
    Problem(Problem),
}

/// Totals at the end of an ingest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestSummary {
    pub documents: usize,
    pub problems: usize,
    pub bytes_read: u64,
    pub cancelled: bool,
}

/// Reads every supported file below `root`, sending events to `sink`.
/// Checks `cancel` between files. Fails only if `root` itself is unusable.
pub fn ingest_folder(
    root: &Path,
    options: &IngestOptions,
    cancel: &AtomicBool,
    mut sink: impl FnMut(IngestEvent),
) -> std::io::Result<IngestSummary> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    walk(root, root, &mut files, &mut problems)?;
    sink(IngestEvent::Started { total: files.len() });
    let mut summary = IngestSummary::default();
    for problem in problems {
        summary.problems += 1;
        sink(IngestEvent::Problem(problem));
    }
    let total = files.len();
    for (done, path) in files.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            summary.cancelled = true;
            break;
        }
        let rel_path = relative(root, path);
        sink(IngestEvent::Progress {
            done,
            total,
            current: rel_path.clone(),
        });
        match read_document(path, &rel_path, options) {
            Ok(doc) => {
                summary.documents += 1;
                summary.bytes_read += doc.bytes;
                sink(IngestEvent::Document(Box::new(doc)));
            }
            Err(reason) => {
                summary.problems += 1;
                sink(IngestEvent::Problem(Problem { rel_path, reason }));
            }
        }
    }
    Ok(summary)
}

fn walk(
    root: &Path,
    dir: &Path,
    files: &mut Vec<PathBuf>,
    problems: &mut Vec<Problem>,
) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            if let Err(err) = walk(root, &path, files, problems) {
                problems.push(Problem {
                    rel_path: relative(root, &path),
                    reason: format!("could not open the folder: {err}"),
                });
            }
        } else if format_of(&path).is_some() {
            files.push(path);
        }
    }
    Ok(())
}

fn format_of(path: &Path) -> Option<Format> {
    path.extension()
        .and_then(|e| e.to_str())
        .and_then(Format::from_extension)
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn read_document(path: &Path, rel_path: &str, options: &IngestOptions) -> Result<Document, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("could not read the file: {e}"))?;
    if meta.len() > options.max_file_bytes {
        return Err(format!(
            "the file is larger than the {} MB limit",
            options.max_file_bytes / (1024 * 1024)
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("could not read the file: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|_| "the text is not UTF-8".to_string())?;
    if text.trim().is_empty() {
        return Err("the file is empty".into());
    }
    let format = format_of(path).unwrap_or(Format::PlainText);
    let title = text
        .lines()
        .map(|l| l.trim().trim_start_matches('#').trim())
        .find(|l| !l.is_empty())
        .unwrap_or(rel_path)
        .to_string();
    Ok(Document {
        rel_path: rel_path.to_string(),
        title,
        bytes: meta.len(),
        words: text.split_whitespace().count(),
        encoding: "UTF-8".into(),
        modified: meta.modified().ok(),
        format,
        text,
    })
}
