//! Ingest throughput on a generated corpus of 20,000 documents (~80 MB of
//! .txt, .md and .html, some in Windows-1252). Prints figures; not a test.
//!
//! Run: `cargo bench --no-default-features --bench ingest`

use std::fs;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use corpus_explorer::corpus::{Document, IngestEvent, IngestOptions, ingest_folder};

const DOCUMENTS: usize = 20_000;
const FOLDERS: usize = 100;
/// Average document size; 20,000 × 4 KB ≈ 80 MB.
const TARGET_BYTES: usize = 4_000;

const WORDS: &[&str] = &[
    "the",
    "minister",
    "said",
    "port",
    "of",
    "Valparaíso",
    "harbour",
    "report",
    "in",
    "and",
    "committee",
    "Lagos",
    "journalists",
    "union",
    "March",
    "1999",
    "river",
    "dam",
    "contract",
    "company",
    "village",
    "élection",
    "Zürich",
    "São",
    "Paulo",
    "council",
    "evidence",
    "budget",
    "was",
    "were",
    "to",
    "a",
    "by",
    "for",
    "with",
    "documents",
    "Nairobi",
    "Jakarta",
    "ministry",
    "health",
    "reporter",
    "interview",
    "Okafor",
    "Whitfield",
    "Muhammad",
    "café",
    "naïve",
];

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

impl Rng {
    fn sentence(&mut self, out: &mut String) {
        let len = 8 + self.next() % 16;
        for i in 0..len {
            let word = WORDS[self.next() % WORDS.len()];
            if i == 0 {
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(chars.as_str());
                }
            } else {
                out.push(' ');
                out.push_str(word);
            }
        }
        out.push_str(". ");
    }

    fn paragraph(&mut self, out: &mut String) {
        for _ in 0..3 + self.next() % 4 {
            self.sentence(out);
        }
    }
}

fn document(rng: &mut Rng, index: usize) -> (String, Vec<u8>) {
    let target = TARGET_BYTES / 2 + rng.next() % TARGET_BYTES;
    let mut text = String::with_capacity(target + 512);
    let (ext, bytes) = match index % 4 {
        0 | 1 => {
            text.push_str(&format!("Notes on file {index}\n\n"));
            while text.len() < target {
                rng.paragraph(&mut text);
                text.push_str("\n\n");
            }
            if index.is_multiple_of(10) {
                let (encoded, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
                ("txt", encoded.into_owned())
            } else {
                ("txt", text.into_bytes())
            }
        }
        2 => {
            text.push_str(&format!("# Report {index}\n\n"));
            while text.len() < target {
                rng.paragraph(&mut text);
                text.push_str("\n\n- a point\n- another point\n\n");
            }
            ("md", text.into_bytes())
        }
        _ => {
            text.push_str(&format!(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Page {index}</title>\
                 <style>p {{ margin: 0 }}</style><script>var n = {index};</script></head><body>\
                 <h1>Page {index}</h1>"
            ));
            while text.len() < target {
                text.push_str("<p>");
                rng.paragraph(&mut text);
                text.push_str("&mdash; <b>more</b> &amp; <a href=\"#x\">link</a></p>\n<ul><li>one</li><li>two</li></ul>\n");
            }
            text.push_str("</body></html>");
            ("html", text.into_bytes())
        }
    };
    (
        format!("folder{:03}/doc{index:05}.{ext}", index % FOLDERS),
        bytes,
    )
}

fn generate(root: &Path) -> std::io::Result<u64> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut total = 0u64;
    for folder in 0..FOLDERS {
        fs::create_dir_all(root.join(format!("folder{folder:03}")))?;
    }
    for index in 0..DOCUMENTS {
        let (rel_path, bytes) = document(&mut rng, index);
        total += bytes.len() as u64;
        fs::File::create(root.join(rel_path))?.write_all(&bytes)?;
    }
    Ok(total)
}

struct Run {
    elapsed: Duration,
    walk: Duration,
    first_document: Option<Duration>,
    documents: usize,
    problems: usize,
    bytes: u64,
}

fn run(root: &Path) -> Run {
    let cancel = AtomicBool::new(false);
    let mut docs: Vec<Document> = Vec::new();
    let mut walk = Duration::ZERO;
    let mut first_document = None;
    let started = Instant::now();
    let summary = ingest_folder(
        root,
        &IngestOptions::default(),
        &cancel,
        |event| match event {
            IngestEvent::Started { .. } => walk = started.elapsed(),
            IngestEvent::Document(doc) => {
                first_document.get_or_insert_with(|| started.elapsed());
                // Keep the texts, as the app does.
                docs.push(*doc);
            }
            IngestEvent::Problem(_) | IngestEvent::Progress { .. } => {}
        },
    );
    let elapsed = started.elapsed();
    let summary = match summary {
        Ok(summary) => summary,
        Err(err) => panic!("ingest failed: {err}"),
    };
    Run {
        elapsed,
        walk,
        first_document,
        documents: summary.documents,
        problems: summary.problems,
        bytes: summary.bytes_read,
    }
}

fn peak_rss_mb() -> Option<f64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(err) => panic!("temp dir: {err}"),
    };
    let generated = match generate(dir.path()) {
        Ok(bytes) => bytes,
        Err(err) => panic!("generating the corpus: {err}"),
    };
    let mb = |bytes: u64| bytes as f64 / 1e6;
    println!(
        "corpus: {DOCUMENTS} documents, {:.1} MB, {} threads",
        mb(generated),
        rayon::current_num_threads()
    );
    let rss_before = peak_rss_mb().unwrap_or(0.0);
    for label in [
        "first run (fills the page cache)",
        "second run (from the page cache)",
    ] {
        let run = run(dir.path());
        let secs = run.elapsed.as_secs_f64();
        println!("{label}:");
        println!(
            "  {} documents, {} problems, {:.1} MB in {:.3} s",
            run.documents,
            run.problems,
            mb(run.bytes),
            secs
        );
        println!(
            "  {:.1} MB/s, {:.0} docs/s",
            mb(run.bytes) / secs,
            run.documents as f64 / secs
        );
        let first = run
            .first_document
            .map_or(f64::NAN, |d| d.as_secs_f64() * 1e3);
        println!(
            "  walk {:.1} ms, first document after {first:.1} ms",
            run.walk.as_secs_f64() * 1e3
        );
    }
    println!(
        "peak RSS: {:.1} MB (after generating: {rss_before:.1} MB)",
        peak_rss_mb().unwrap_or(f64::NAN)
    );
}
