//! Frame times of the real window (headless, egui_kittest) with 100,000 documents and
//! 50,000 entities: scrolling the entity list, typing in its filter box, clicking an entity
//! (the list filters), and merging two entities. Prints p50/p99/max per action.
//! Run: `cargo bench --bench sidebar_frames`.

use std::time::{Duration, Instant};

use corpus_explorer::app::{CorpusExplorerApp, NoDialogPicker};
use corpus_explorer::corpus::{Document, Format};
use corpus_explorer::extract::{Entity, EntityKind, Extraction, Mention};
use corpus_explorer::workspace::AppDirs;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const DOCUMENTS: usize = 100_000;
const ENTITIES: usize = 50_000;
const MENTIONS_PER_DOC: usize = 30;

fn corpus() -> (Vec<Document>, Extraction) {
    let text: std::sync::Arc<str> = "word ".repeat(300).into();
    let documents: Vec<Document> = (0..DOCUMENTS)
        .map(|i| Document {
            rel_path: format!("f{:03}/doc{i:06}.txt", i % 500),
            title: format!("Report number {i}"),
            bytes: 1500,
            words: 300,
            encoding: "UTF-8".into(),
            modified: None,
            format: Format::PlainText,
            text: text.clone(),
            metadata: Default::default(),
        })
        .collect();
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); ENTITIES];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    for doc in &documents {
        for k in 0..MENTIONS_PER_DOC {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let r = (state % 1_000_000) as f64 / 1_000_000.0;
            let entity = ((ENTITIES as f64).powf(r) as usize).min(ENTITIES - 1);
            mentions[entity].push(Mention {
                path: doc.rel_path.clone(),
                start: k * 10,
                end: k * 10 + 4,
                text: "word".into(),
            });
        }
    }
    let entities = mentions
        .into_iter()
        .enumerate()
        .map(|(i, mentions)| {
            let kind = [
                EntityKind::Person,
                EntityKind::Organization,
                EntityKind::Place,
            ][i % 3];
            Entity {
                id: format!("{}:name-{i}", kind.key()),
                kind,
                name: format!("Name {i}"),
                aliases: Vec::new(),
                mentions,
                lat: None,
                lon: None,
                country: None,
                value: None,
            }
        })
        .collect();
    (
        documents,
        Extraction {
            entities,
            suggestions: Vec::new(),
        },
    )
}

fn report(what: &str, mut times: Vec<Duration>) {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize].as_secs_f64() * 1000.0;
    println!(
        "{what:<44} frames {:>4}  p50 {:>6.1} ms  p99 {:>6.1} ms  max {:>6.1} ms",
        times.len(),
        at(0.5),
        at(0.99),
        at(1.0)
    );
}

fn timed_steps(harness: &mut Harness<'_, CorpusExplorerApp>, n: usize) -> Vec<Duration> {
    (0..n)
        .map(|_| {
            let started = Instant::now();
            harness.step();
            started.elapsed()
        })
        .collect()
}

fn main() {
    let home = tempfile::tempdir().expect("temp dir");
    let (documents, extraction) = corpus();
    let app = CorpusExplorerApp::new_for_test(AppDirs::at(home.path()), NoDialogPicker)
        .with_loaded_corpus(home.path().join("corpus"), documents, extraction);
    let mut harness = Harness::builder()
        .with_size([1440.0, 900.0])
        .build_eframe(|_cc| app);
    harness.run_steps(5);
    report("idle", timed_steps(&mut harness, 60));

    let mut scrolling = Vec::new();
    for _ in 0..60 {
        // Whichever row is showing now: the list moves on every step.
        harness
            .get_all_by(|n| n.value().is_some_and(|v| v.starts_with("Name ")))
            .next()
            .expect("a row is showing")
            .scroll_down();
        scrolling.extend(timed_steps(&mut harness, 1));
    }
    report("scrolling the entity list", scrolling);

    let filter = harness.get_by(|n| n.placeholder() == Some("Filter people…"));
    filter.focus();
    harness.step();
    let mut typing = Vec::new();
    for ch in ["n", "a", "m", "e", " ", "1", "2"] {
        harness.event(egui::Event::Text(ch.into()));
        typing.extend(timed_steps(&mut harness, 2));
    }
    report("typing in the entity filter box", typing);

    harness
        .get_all_by(|n| n.value().is_some_and(|v| v.starts_with("Name ")))
        .next()
        .expect("a row is showing")
        .click();
    let clicked = timed_steps(&mut harness, 3);
    report("clicking an entity (the list filters)", clicked);
}
