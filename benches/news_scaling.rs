//! How `corpus-explorer export` grows with the corpus on real news: builds corpora of
//! ⅛, ¼, ½ and all of the ~1,800 Voice of America documents of
//! `../shared/ner/gmb-train.conll` (detokenized, one file per `-DOCSTART-` block), so
//! the names grow with the text as in a real collection, then 1.7 times them (~7.5 MB;
//! the added copies start further into each document, so every file differs), and times
//! the release binary's export of each (reading, extraction, linking, JSON). Prints size,
//! documents, MB, seconds, MB/s, the time ratio to the previous size and to the size
//! with a quarter of the documents, and the entities and suggestions exported.
//! Not a test. Run: `cargo bench --bench news_scaling` (`NEWS_CONLL=path` for another
//! file, `NEWS_SCALES=0.25,0.5,1,2` for other sizes, `NEWS_EXPORT_BIN=path` to time
//! another build of the binary, `NEWS_KEEP=folder` to keep each export there).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const DEFAULT_CONLL: &str = "../shared/ner/gmb-train.conll";
const DEFAULT_SCALES: [f64; 5] = [0.125, 0.25, 0.5, 1.0, 1.7];
const FOLDERS: usize = 50;

fn main() {
    let conll = std::env::var_os("NEWS_CONLL")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_CONLL));
    let Ok(text) = fs::read_to_string(&conll) else {
        println!(
            "news_scaling: skipped, {} cannot be read (the GMB news file is not here)",
            conll.display()
        );
        return;
    };
    let documents = documents_of(&text);
    if documents.is_empty() {
        println!("news_scaling: skipped, no documents in {}", conll.display());
        return;
    }
    let scales = std::env::var("NEWS_SCALES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| DEFAULT_SCALES.to_vec());
    println!(
        "news_scaling: {} documents in {}",
        documents.len(),
        conll.display()
    );
    println!(
        "{:>6} {:>6} {:>7} {:>8} {:>7} {:>8} {:>8} {:>9} {:>12}",
        "size", "docs", "MB", "seconds", "MB/s", "vs prev", "vs 1/4", "entities", "suggestions"
    );
    let binary = std::env::var_os("NEWS_EXPORT_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_corpus-explorer")));
    // (documents, seconds) of each size measured so far.
    let mut measured: Vec<(usize, f64)> = Vec::new();
    for scale in scales {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (count, bytes) = write_corpus(dir.path(), &documents, scale);
        let out = dir.path().with_extension("json");
        let started = Instant::now();
        let status = Command::new(&binary)
            .arg("export")
            .arg(dir.path())
            .arg("-o")
            .arg(&out)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("the export runs");
        let seconds = started.elapsed().as_secs_f64();
        assert!(status.success(), "export failed at size {scale}");
        let (entities, suggestions) = counts(&out);
        match std::env::var_os("NEWS_KEEP") {
            Some(keep) => {
                let kept = Path::new(&keep).join(format!("news-{scale}x.json"));
                fs::rename(&out, &kept)
                    .or_else(|_| fs::copy(&out, &kept).map(|_| ()))
                    .expect("the export is kept");
            }
            None => {
                let _ = fs::remove_file(&out);
            }
        }
        let mb = bytes as f64 / 1e6;
        let ratio = |earlier: Option<&(usize, f64)>| {
            earlier.map_or("-".to_string(), |(_, s)| format!("{:.2}x", seconds / s))
        };
        let previous = ratio(measured.last());
        let quarter = ratio(
            measured
                .iter()
                .find(|(docs, _)| (count as f64 / (4 * docs) as f64 - 1.0).abs() < 0.02),
        );
        println!(
            "{:>5}x {count:>6} {mb:>7.2} {seconds:>8.2} {:>7.2} {previous:>8} {quarter:>8} {entities:>9} {suggestions:>12}",
            scale,
            mb / seconds,
        );
        measured.push((count, seconds));
    }
}

/// The entity and suggestion counts of an export.
fn counts(path: &Path) -> (usize, usize) {
    let json: serde_json::Value = fs::read(path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    let len = |key: &str| json[key].as_array().map_or(0, Vec::len);
    (len("entities"), len("suggestions"))
}

/// Each `-DOCSTART-` block as its sentences, detokenized.
fn documents_of(conll: &str) -> Vec<Vec<String>> {
    let mut documents: Vec<Vec<String>> = Vec::new();
    let mut sentence: Vec<&str> = Vec::new();
    for line in conll.lines().chain([""]) {
        if line.starts_with("-DOCSTART-") {
            documents.push(Vec::new());
        } else if line.trim().is_empty() {
            if !sentence.is_empty()
                && let Some(doc) = documents.last_mut()
            {
                doc.push(detokenize(&sentence));
            }
            sentence.clear();
        } else if let Some(token) = line.split('\t').next() {
            sentence.push(token);
        }
    }
    documents.retain(|d| !d.is_empty());
    documents
}

/// Tokens joined as a reporter would write them: no space before punctuation and
/// clitics, none after an opening bracket or quote.
fn detokenize(tokens: &[&str]) -> String {
    let mut out = String::new();
    let mut open_quote = false;
    let mut glue_next = true;
    for token in tokens {
        let attaches = matches!(
            *token,
            "." | ","
                | ";"
                | ":"
                | "!"
                | "?"
                | ")"
                | "]"
                | "%"
                | "'s"
                | "n't"
                | "'re"
                | "'ve"
                | "'ll"
                | "'d"
                | "'m"
        ) || (*token == "\"" && open_quote);
        if !glue_next && !attaches {
            out.push(' ');
        }
        out.push_str(token);
        glue_next = matches!(*token, "(" | "[" | "$") || (*token == "\"" && !open_quote);
        if *token == "\"" {
            open_quote = !open_quote;
        }
    }
    out
}

/// Writes `scale` times the documents into `dir`, in folders; returns (files, bytes).
/// Copy `k` of a document starts at its `k`-th sentence and wraps around, so no two
/// files are the same text; a fractional scale takes the first documents.
fn write_corpus(dir: &Path, documents: &[Vec<String>], scale: f64) -> (usize, usize) {
    let total = (documents.len() as f64 * scale).round() as usize;
    let mut bytes = 0;
    for i in 0..total {
        let doc = &documents[i % documents.len()];
        let copy = i / documents.len();
        let shift = copy % doc.len();
        let mut text = String::new();
        for (n, sentence) in doc[shift..].iter().chain(&doc[..shift]).enumerate() {
            // Paragraphs of four sentences, as in a wire report.
            text.push_str(sentence);
            text.push_str(if n % 4 == 3 { "\n\n" } else { " " });
        }
        let folder = dir.join(format!("f{:02}", i % FOLDERS));
        fs::create_dir_all(&folder).expect("a corpus folder");
        fs::write(folder.join(format!("news{i:05}.txt")), &text).expect("a corpus file");
        bytes += text.len();
    }
    (total, bytes)
}
