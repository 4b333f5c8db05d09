//! The 100,000-document scale run: generates a corpus of news-length documents
//! (~400 MB; a Zipf-like vocabulary; people drawn from the name lists, over 100,000
//! distinct; organisations, places and dates),
//! opens it in the real app (headless, egui_kittest) and prints the cold open time
//! (read + extract + index), time to first rows, reopen time from the cache, search
//! latency p50/p95 over a fixed query set, KWIC time, UI frame times during the
//! cold open, and peak memory. Not a test.
//!
//! Run: `cargo bench --bench scale` (`SCALE_DOCUMENTS=20000` for a smaller run).

use std::fmt::Write as _;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use corpus_explorer::app::{CorpusExplorerApp, NoDialogPicker};
use corpus_explorer::cache::CacheDir;
use corpus_explorer::corpus::IngestOptions;
use corpus_explorer::extract::EntityKind;
use corpus_explorer::search::{SearchSource, kwic_lines, parse_query};
use corpus_explorer::workspace::AppDirs;
use egui_kittest::Harness;

const FOLDERS: usize = 200;
/// About 4 KB of text per document.
const TARGET_BYTES: usize = 4_000;

/// The app's own lists of given names and surnames: a person is any pair of them,
/// so the corpus has the name variety of real news (over 100,000 distinct people).
const GIVEN_NAMES: &str = include_str!("../assets/lexicon/given_names.txt");
const SURNAMES: &str = include_str!("../assets/lexicon/surnames.txt");
/// Distinct people the corpus draws from, and how many of them are in the news often.
const PEOPLE: usize = 400_000;
const WELL_KNOWN: usize = 2_000;
const ORGS: [&str; 12] = [
    "the Ministry of Health",
    "Meridian Freight Ltd",
    "the National Union of Journalists",
    "UNICEF",
    "the Coalition for Open Archives",
    "Harbour Light Relief",
    "the World Food Programme",
    "the Red Cross",
    "Amnesty International",
    "the Port Authority",
    "the Supreme Court",
    "Human Rights Watch",
];
const PLACES: [&str; 40] = [
    "Lagos",
    "Geneva",
    "Beirut",
    "Mombasa",
    "Bogotá",
    "Kyiv",
    "Paris",
    "Dubai",
    "Nairobi",
    "Jakarta",
    "Lima",
    "Santiago",
    "Buenos Aires",
    "Cairo",
    "Tunis",
    "Amman",
    "Istanbul",
    "Athens",
    "Rome",
    "Madrid",
    "Lisbon",
    "London",
    "Dublin",
    "Berlin",
    "Warsaw",
    "Oslo",
    "Stockholm",
    "Helsinki",
    "Moscow",
    "Tbilisi",
    "Baghdad",
    "Tehran",
    "Kabul",
    "Karachi",
    "Mumbai",
    "Dhaka",
    "Yangon",
    "Manila",
    "Seoul",
    "Sydney",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const QUERIES: [&str; 10] = [
    "harbour",
    "okafor",
    "\"ministry of health\"",
    "contract AND lagos",
    "shipment OR container",
    "report NOT draft",
    "rahim*",
    "gadafi~",
    "title:report",
    "path:folder042",
];

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

impl Rng {
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

/// Made-up words with a Zipf-like frequency: word `i` is about `1/(i+1)` as common
/// as the first, as in real text.
struct Vocabulary {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Vocabulary {
    fn new(rng: &mut Rng, size: usize) -> Self {
        const COMMON: [&str; 24] = [
            "the",
            "of",
            "and",
            "to",
            "in",
            "a",
            "was",
            "that",
            "for",
            "on",
            "said",
            "with",
            "report",
            "harbour",
            "contract",
            "shipment",
            "container",
            "officials",
            "draft",
            "court",
            "evidence",
            "money",
            "village",
            "river",
        ];
        const SYLLABLES: [&str; 16] = [
            "ka", "lo", "mer", "an", "ti", "sa", "ro", "ven", "da", "il", "or", "pe", "stra", "nu",
            "bel", "ge",
        ];
        let mut words: Vec<String> = COMMON.iter().map(|w| (*w).to_owned()).collect();
        while words.len() < size {
            let mut word = String::new();
            for _ in 0..2 + rng.next() % 3 {
                word.push_str(rng.pick(&SYLLABLES));
            }
            words.push(word);
        }
        let mut total = 0.0;
        let cumulative = (0..words.len())
            .map(|i| {
                total += 1.0 / (i as f64 + 1.0);
                total
            })
            .collect();
        Vocabulary { words, cumulative }
    }

    fn word(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = (rng.next() % 1_000_000) as f64 / 1_000_000.0 * total;
        let i = self.cumulative.partition_point(|&c| c < x);
        &self.words[i.min(self.words.len() - 1)]
    }
}

/// Full names made of a given name and a surname from the lists, each pair once.
struct People {
    names: Vec<(String, String)>,
}

impl People {
    fn new(rng: &mut Rng, size: usize) -> Self {
        let given: Vec<String> = GIVEN_NAMES.lines().map(capitalised).collect();
        let family: Vec<String> = SURNAMES.lines().map(capitalised).collect();
        let mut seen = std::collections::HashSet::new();
        let mut names = Vec::with_capacity(size);
        while names.len() < size {
            let pair = (rng.next() % given.len(), rng.next() % family.len());
            if seen.insert(pair) {
                names.push((given[pair.0].clone(), family[pair.1].clone()));
            }
        }
        People { names }
    }

    /// Half of the mentions go to a few well-known people (the first is the most
    /// named), the rest to anyone, as in a year of news.
    fn pick(&self, rng: &mut Rng) -> usize {
        if rng.next().is_multiple_of(2) {
            let r = rng.next() % WELL_KNOWN;
            r * r / WELL_KNOWN
        } else {
            rng.next() % self.names.len()
        }
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn document(
    rng: &mut Rng,
    vocabulary: &Vocabulary,
    people: &People,
    named: &mut [bool],
    index: usize,
) -> String {
    let target = TARGET_BYTES / 2 + rng.next() % TARGET_BYTES;
    let mut text = String::with_capacity(target + 256);
    let _ = write!(text, "Report {index} from {}\n\n", rng.pick(&PLACES));
    // The last person named: later sentences may call them by the surname alone.
    let mut last_person: Option<usize> = None;
    while text.len() < target {
        let words = 8 + rng.next() % 14;
        for i in 0..words {
            let word = vocabulary.word(rng);
            if i == 0 {
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    text.extend(first.to_uppercase());
                    text.push_str(chars.as_str());
                }
            } else {
                text.push(' ');
                text.push_str(word);
            }
            if i == words / 2 {
                match rng.next() % 6 {
                    0 => match last_person {
                        Some(p) if rng.next().is_multiple_of(3) => {
                            let _ = write!(text, " {} said", people.names[p].1);
                        }
                        _ => {
                            let p = people.pick(rng);
                            let (given, family) = &people.names[p];
                            let _ = write!(text, " {given} {family}");
                            named[p] = true;
                            last_person = Some(p);
                        }
                    },
                    1 => {
                        let _ = write!(text, " {}", rng.pick(&ORGS));
                    }
                    2 => {
                        let _ = write!(text, " in {}", rng.pick(&PLACES));
                    }
                    3 => {
                        let year = 1960 + rng.next() % 65;
                        let _ = write!(
                            text,
                            " on {} {}, {year}",
                            rng.pick(&MONTHS),
                            1 + rng.next() % 28
                        );
                    }
                    _ => {}
                }
            }
        }
        text.push_str(". ");
        if rng.next().is_multiple_of(5) {
            text.push_str("\n\n");
        }
    }
    text
}

/// Writes the corpus; returns its size in bytes and how many distinct people it names.
fn generate(root: &Path, documents: usize) -> std::io::Result<(u64, usize)> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let vocabulary = Vocabulary::new(&mut rng, 20_000);
    let people = People::new(&mut rng, PEOPLE);
    let mut named = vec![false; PEOPLE];
    for folder in 0..FOLDERS {
        std::fs::create_dir_all(root.join(format!("folder{folder:03}")))?;
    }
    let mut total = 0;
    for index in 0..documents {
        let text = document(&mut rng, &vocabulary, &people, &mut named, index);
        total += text.len() as u64;
        let path = root.join(format!("folder{:03}/doc{index:06}.txt", index % FOLDERS));
        std::fs::write(path, text)?;
    }
    Ok((total, named.iter().filter(|n| **n).count()))
}

fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort();
    let i = ((times.len() as f64 - 1.0) * p).round() as usize;
    times.get(i).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Opens `root` in a fresh app window and steps it until everything is loaded.
/// Returns the time to the first rows, the time to the full UI, and every frame's time.
fn open(home: &Path, root: &Path) -> (Opened, Vec<Duration>) {
    let app = CorpusExplorerApp::new_for_test(AppDirs::at(home), NoDialogPicker);
    let mut harness = Harness::builder()
        .with_size([1440.0, 900.0])
        .build_eframe(|_cc| app);
    harness.step();
    let started = Instant::now();
    harness.state_mut().queue_open(root.to_path_buf());
    let mut first_rows = None;
    let mut frames = Vec::new();
    let mut milestones: Vec<(&str, Duration)> = Vec::new();
    loop {
        let frame = Instant::now();
        harness.step();
        frames.push(frame.elapsed());
        if first_rows.is_none() && !harness.state().documents().is_empty() {
            first_rows = Some(started.elapsed());
        }
        let (entities, search) = harness.state().entities_and_search_ready();
        for (reached, what) in [
            (!harness.state().is_busy(), "reading done"),
            (entities, "entities in"),
            (search, "search ready"),
        ] {
            if reached && !milestones.iter().any(|(m, _)| *m == what) {
                milestones.push((what, started.elapsed()));
            }
        }
        if harness.state().fully_loaded() && !harness.state().documents().is_empty() {
            break;
        }
        if started.elapsed() > Duration::from_secs(900) {
            panic!("the corpus did not load within 15 minutes");
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let milestones: Vec<String> = milestones
        .iter()
        .map(|(what, at)| format!("{what} {:.2} s", at.as_secs_f64()))
        .collect();
    let opened = Opened {
        first_rows: first_rows.unwrap_or_default(),
        total: started.elapsed(),
        milestones: milestones.join(", "),
        people: harness
            .state()
            .entities()
            .live_entities()
            .filter(|(_, e)| e.kind == EntityKind::Person)
            .count(),
        entities: harness.state().entities().live_entities().count(),
        suggestions: harness.state().entities().suggestions().len(),
    };
    (opened, frames)
}

/// When an opening showed its first rows and its full UI, and what it reached between.
struct Opened {
    first_rows: Duration,
    total: Duration,
    milestones: String,
    /// Person entities, all entities and merge suggestions shown at the end.
    people: usize,
    entities: usize,
    suggestions: usize,
}

/// One open of the folder in its own process, so each has its own peak memory.
fn open_phase(home: &Path, root: &Path, what: &str) {
    let (opened, mut frames) = open(home, root);
    let slow = frames
        .iter()
        .filter(|f| **f > Duration::from_millis(16))
        .count();
    println!(
        "{what}: full UI after {:.2} s, first rows after {}",
        opened.total.as_secs_f64(),
        ms(opened.first_rows)
    );
    println!("  on the way: {}", opened.milestones);
    println!(
        "  entities: {} ({} people), {} merge suggestions",
        opened.entities, opened.people, opened.suggestions
    );
    println!(
        "  frames meanwhile: {} frames, p50 {}, p99 {}, max {}, over 16 ms: {slow}",
        frames.len(),
        ms(percentile(&mut frames, 0.5)),
        ms(percentile(&mut frames, 0.99)),
        ms(percentile(&mut frames, 1.0)),
    );
    if let Some(peak) = peak_rss_mb() {
        println!("  peak RSS of the app: {peak:.0} MB");
    }
}

/// The check a reopened folder gets in the background, after the full UI is shown:
/// walking it and comparing every file's size and date with the last reading's.
fn time_change_check(root: &Path, home: &Path) {
    let cache = CacheDir::for_corpus(&AppDirs::at(home).data, root);
    let max_bytes = IngestOptions::default().max_file_bytes;
    let loading = Instant::now();
    let Ok(Some(last)) = cache.load_last_reading(max_bytes) else {
        println!("check for changes: the cache holds no last reading");
        return;
    };
    let loaded = loading.elapsed();
    let checking = Instant::now();
    let changes = last
        .manifest
        .changes(root, &AtomicBool::new(false))
        .expect("folder walks");
    println!(
        "check for changes after a reopen (in the background): {:.2} s, {} changed \
         (last reading loaded alone in {:.2} s)",
        checking.elapsed().as_secs_f64(),
        changes.len(),
        loaded.as_secs_f64()
    );
}

fn run_phase(root: &Path, home: &Path, what: &str) {
    let exe = std::env::current_exe().expect("own path");
    let output = std::process::Command::new(exe)
        .env("SCALE_PHASE", what)
        .env("SCALE_ROOT", root)
        .env("SCALE_HOME", home)
        .output()
        .expect("phase runs");
    print!("{}", String::from_utf8_lossy(&output.stdout));
    if !output.status.success() {
        eprint!("{}", String::from_utf8_lossy(&output.stderr));
        panic!("the {what} phase failed");
    }
}

fn main() {
    if let (Ok(what), Some(root), Some(home)) = (
        std::env::var("SCALE_PHASE"),
        std::env::var_os("SCALE_ROOT"),
        std::env::var_os("SCALE_HOME"),
    ) {
        open_phase(Path::new(&home), Path::new(&root), &what);
        return;
    }
    let documents = std::env::var("SCALE_DOCUMENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    // SCALE_DIR keeps the corpus and the app's cache there, for profiling a phase.
    let tmp = tempfile::tempdir().expect("temp dir");
    let base = std::env::var_os("SCALE_DIR").map_or_else(|| tmp.path().to_path_buf(), Into::into);
    let root = base.join("corpus");
    let home = base.join("home");
    let generating = Instant::now();
    let (bytes, people) = generate(&root, documents).expect("corpus written");
    println!(
        "corpus: {documents} documents, {:.1} MB, {people} distinct people named, \
         generated in {:.1} s; {} threads",
        bytes as f64 / 1e6,
        generating.elapsed().as_secs_f64(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    // A cold open starts without the app's cache (kept under SCALE_DIR from a run before).
    let _ = std::fs::remove_dir_all(&home);
    run_phase(
        &root,
        &home,
        "cold open (read + extract + index + save the cache)",
    );
    run_phase(&root, &home, "reopen from the cache");
    time_change_check(&root, &home);

    // Search and KWIC on the index the app kept, as the window runs them.
    let texts: Vec<(String, String)> = walk_texts(&root);
    let sources: Vec<SearchSource<'_>> = texts
        .iter()
        .map(|(path, text)| (path.as_str(), "", text.as_str()))
        .collect();
    let cache = CacheDir::for_corpus(&base.join("bench-search"), &root);
    let building = Instant::now();
    let (index, _) = cache
        .search_index(&sources, &AtomicBool::new(false))
        .expect("index");
    println!(
        "search index of the texts alone: built in {:.1} s",
        building.elapsed().as_secs_f64()
    );
    let mut latencies = Vec::new();
    for _ in 0..20 {
        for query in QUERIES {
            let parsed = parse_query(query).expect("query parses");
            let started = Instant::now();
            let hits = index.search(&parsed).expect("search runs");
            latencies.push(started.elapsed());
            std::hint::black_box(hits);
        }
    }
    println!(
        "search over {} queries x 20: p50 {}, p95 {}, max {}",
        QUERIES.len(),
        ms(percentile(&mut latencies, 0.5)),
        ms(percentile(&mut latencies, 0.95)),
        ms(percentile(&mut latencies, 1.0)),
    );
    let query = parse_query("harbour").expect("parses");
    let hits = index.search(&query).expect("search runs");
    let started = Instant::now();
    let lines = kwic_lines(
        &query,
        hits.iter()
            .map(|h| (h.doc, texts[h.doc as usize].1.as_str())),
        70,
        20_000,
    );
    println!(
        "KWIC \"harbour\": {} lines (capped at 20,000) from {} documents in {}",
        lines.len(),
        hits.len(),
        ms(started.elapsed())
    );
    if let Some(peak) = peak_rss_mb() {
        println!("peak RSS of this search and KWIC process (all texts held): {peak:.0} MB");
    }
}

/// Every generated file's path and text, in path order (the app's document order).
fn walk_texts(root: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for folder in 0..FOLDERS {
        let dir = root.join(format!("folder{folder:03}"));
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                files.push((format!("folder{folder:03}/{name}"), text));
            }
        }
    }
    files.sort();
    files
}
