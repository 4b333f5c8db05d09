//! Extraction speed: load time of the word lists and gazetteer; MB/s of `extract_corpus`
//! on 2 threads and peak memory (VmHWM) on a generated corpus of about 50 MB; and MB/s on
//! real news (the annotated documents of `tests/ner/gmb-dev`, repeated to about 10 MB) on
//! all cores and on one.
//! Run: `cargo bench --no-default-features --bench extract`.

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use corpus_explorer::extract::{Extractor, extract_corpus};

const TARGET_BYTES: usize = 50 * 1024 * 1024;
const DOC_BYTES: usize = 20 * 1024;
const REAL_TEXT_BYTES: usize = 10 * 1024 * 1024;
/// Each real-text case runs this many times and reports its fastest run, so another
/// process's burst of work does not decide the figure.
const REAL_TEXT_RUNS: usize = 3;

const PEOPLE: [&str; 8] = [
    "Amina Okafor",
    "Chidi Okafor",
    "Ruth Whitfield",
    "Mohammad Rahimi",
    "Elena Vasquez",
    "Jean-Luc Moreau",
    "Priya Natarajan",
    "Tomás Herrera",
];
const ORGS: [&str; 6] = [
    "the Ministry of Health",
    "Meridian Freight Ltd",
    "the National Union of Journalists",
    "UNICEF",
    "the Coalition for Open Archives (COA)",
    "Harbour Light Relief",
];
const PLACES: [&str; 8] = [
    "Lagos", "Geneva", "Beirut", "Mombasa", "Bogotá", "Kyiv", "Paris", "Dubai",
];
const DATES: [&str; 6] = [
    "March 3, 1999",
    "14 February 2019",
    "June 2016",
    "the 1980s",
    "in 1968",
    "2016-06-21",
];
const FILLER: [&str; 6] = [
    "The container was on the hold list because the weight was wrong by almost three tonnes.",
    "Nobody said it was because of the report, and nobody had to.",
    "Officials declined to comment on the figures, which 2,000 people had asked about.",
    "The shipment was released three weeks later on the order of someone senior.",
    "Records from the period are incomplete and some pages are missing.",
    "Click here to read the full statement.",
];

/// A deterministic pseudo-random document made of news-like sentences.
fn document(seed: usize) -> String {
    let mut text = String::with_capacity(DOC_BYTES + 256);
    let mut n = seed.wrapping_mul(2_654_435_761);
    let mut next = |m: usize| {
        n = n
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (n >> 33) % m
    };
    while text.len() < DOC_BYTES {
        let person = PEOPLE[next(PEOPLE.len())];
        let org = ORGS[next(ORGS.len())];
        let place = PLACES[next(PLACES.len())];
        let date = DATES[next(DATES.len())];
        match next(4) {
            0 => text += &format!("{person} said in {place} on {date} that {org} knew. "),
            1 => text += &format!("According to {org}, Senator {person} travelled to {place}. "),
            2 => text += &format!("In {place}, {date}, {person} told reporters nothing. "),
            _ => text += FILLER[next(FILLER.len())],
        }
        text += FILLER[next(FILLER.len())];
        text.push(if next(6) == 0 { '\n' } else { ' ' });
    }
    text
}

/// The annotated news documents, repeated under distinct paths to about `bytes`.
fn real_news(bytes: usize) -> std::io::Result<Vec<(String, String)>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ner/gmb-dev");
    let mut originals = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into());
            originals.push((name, std::fs::read_to_string(&path)?));
        }
    }
    originals.sort();
    let mut docs = Vec::new();
    let mut total = 0;
    'fill: for copy in 0.. {
        if originals.is_empty() {
            break;
        }
        for (name, text) in &originals {
            if total >= bytes {
                break 'fill;
            }
            total += text.len();
            docs.push((format!("copy{copy:03}/{name}"), text.clone()));
        }
    }
    Ok(docs)
}

/// The fastest of [`REAL_TEXT_RUNS`] extractions of `docs` on `threads` threads, in seconds.
fn best_extraction_secs(
    extractor: &Extractor,
    docs: &[(&str, &str)],
    threads: usize,
) -> Option<f64> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .ok()?;
    (0..REAL_TEXT_RUNS)
        .map(|_| {
            pool.install(|| {
                let t = Instant::now();
                let extraction =
                    extract_corpus(extractor, docs, &AtomicBool::new(false), |_, _| {});
                std::hint::black_box(extraction);
                t.elapsed().as_secs_f64()
            })
        })
        .min_by(f64::total_cmp)
}

/// Extraction speed on real news text, on every core and on one.
fn bench_real_text(extractor: &Extractor) {
    let docs = match real_news(REAL_TEXT_BYTES) {
        Ok(docs) if !docs.is_empty() => docs,
        Ok(_) => return eprintln!("no documents in tests/ner/gmb-dev"),
        Err(err) => return eprintln!("could not read tests/ner/gmb-dev: {err}"),
    };
    let refs: Vec<(&str, &str)> = docs.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let mb = docs.iter().map(|(_, t)| t.len()).sum::<usize>() as f64 / (1024.0 * 1024.0);
    println!(
        "real news (tests/ner/gmb-dev repeated): {} documents, {mb:.1} MB; best of {REAL_TEXT_RUNS} runs",
        docs.len()
    );
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    for threads in [cores, 1] {
        if let Some(secs) = best_extraction_secs(extractor, &refs, threads) {
            println!(
                "extract_corpus on real news ({threads} thread{}): {secs:.2} s = {:.1} MB/s",
                if threads == 1 { "" } else { "s" },
                mb / secs
            );
        }
        if cores == 1 {
            break;
        }
    }
}

fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build_global()
        .ok();
    let rss_start = peak_rss_kb().unwrap_or(0);
    let t = Instant::now();
    let extractor = match Extractor::load_embedded() {
        Ok(e) => e,
        Err(err) => {
            eprintln!("could not load the extractor: {err}");
            return;
        }
    };
    let load_ms = t.elapsed().as_secs_f64() * 1000.0;
    let rss_loaded = peak_rss_kb().unwrap_or(0);

    let docs: Vec<(String, String)> = (0..TARGET_BYTES / DOC_BYTES + 1)
        .map(|i| (format!("generated/{i:05}.txt"), document(i)))
        .collect();
    let total: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let refs: Vec<(&str, &str)> = docs.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let rss_corpus = peak_rss_kb().unwrap_or(0);

    let t = Instant::now();
    let extraction = extract_corpus(&extractor, &refs, &AtomicBool::new(false), |_, _| {});
    let secs = t.elapsed().as_secs_f64();
    let rss_end = peak_rss_kb().unwrap_or(0);
    let (entities, mentions) = extraction.map_or((0, 0), |x| {
        (
            x.entities.len(),
            x.entities.iter().map(|e| e.mentions.len()).sum::<usize>(),
        )
    });
    let mb = total as f64 / (1024.0 * 1024.0);
    println!("load_embedded: {load_ms:.0} ms (target <= 300 ms)");
    println!(
        "corpus: {} documents, {mb:.1} MB; {entities} entities, {mentions} mentions",
        docs.len()
    );
    println!(
        "extract_corpus (2 threads): {secs:.2} s = {:.1} MB/s (target >= 20 MB/s)",
        mb / secs
    );
    println!(
        "peak RSS: start {} MB, after load {} MB, with corpus text {} MB, end {} MB; extraction added {} MB (target <= 300 MB)",
        rss_start / 1024,
        rss_loaded / 1024,
        rss_corpus / 1024,
        rss_end / 1024,
        rss_end.saturating_sub(rss_corpus) / 1024 + rss_loaded.saturating_sub(rss_start) / 1024
    );
    drop(refs);
    drop(docs);
    bench_real_text(&extractor);
}
