//! Frame times of the real window (headless, egui_kittest). First with 100,000 documents, 50,000
//! entities (12,500 places with coordinates, 12,500 dates) and 3 million mentions (750,000
//! of them dates): scrolling and filtering the entity list, clicking an entity, panning and
//! zooming the map, brushing and zooming the timeline; then the timeline alone on 20,000
//! documents with 200,000 date mentions. Prints p50/p99/max per action.
//! Run: `cargo bench --bench view_frames`.

use std::time::{Duration, Instant};

use corpus_explorer::app::{CorpusExplorerApp, NoDialogPicker};
use corpus_explorer::corpus::{Document, Format};
use corpus_explorer::extract::{Entity, EntityKind, Extraction, Mention};
use corpus_explorer::workspace::AppDirs;
use egui::{Event, Modifiers, PointerButton, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// A synthetic corpus's size.
#[derive(Clone, Copy)]
struct Size {
    documents: usize,
    entities: usize,
    mentions_per_doc: usize,
}

/// The sidebar and map issue's scale: 100,000 documents, 50,000 entities.
const LARGE: Size = Size {
    documents: 100_000,
    entities: 50_000,
    mentions_per_doc: 30,
};
/// The timeline issue's scale: 200,000 date mentions (a quarter of 800,000).
const TIMELINE: Size = Size {
    documents: 20_000,
    entities: 10_000,
    mentions_per_doc: 40,
};

fn corpus(size: Size) -> (Vec<Document>, Extraction) {
    let Size {
        documents: n_documents,
        entities: n_entities,
        mentions_per_doc,
    } = size;
    let text: std::sync::Arc<str> = "word ".repeat(300).into();
    let documents: Vec<Document> = (0..n_documents)
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
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); n_entities];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    for doc in &documents {
        let path: std::sync::Arc<str> = doc.rel_path.as_str().into();
        for k in 0..mentions_per_doc {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let r = (state % 1_000_000) as f64 / 1_000_000.0;
            let entity = ((n_entities as f64).powf(r) as usize).min(n_entities - 1);
            mentions[entity].push(Mention {
                path: std::sync::Arc::clone(&path),
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
            let kind = EntityKind::ALL[i % 4];
            let place = kind == EntityKind::Place;
            // Spread over the inhabited latitudes, deterministically.
            let lat = ((i * 7919) % 12_000) as f64 / 100.0 - 55.0;
            let lon = ((i * 104_729) % 36_000) as f64 / 100.0 - 180.0;
            Entity {
                id: format!("{}:name-{i}", kind.key()),
                kind,
                name: format!("Name {i}"),
                aliases: Vec::new(),
                mentions,
                lat: place.then_some(lat),
                lon: place.then_some(lon),
                country: place.then(|| "XX".to_owned()),
                value: (kind == EntityKind::Date).then(|| date_value(i)),
                inferred: false,
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

/// Days, months, years and decades between 1900 and 2024.
fn date_value(i: usize) -> String {
    let year = 1900 + (i * 31) % 125;
    match i % 7 {
        0 => format!("{}s", year / 10 * 10),
        1 | 2 => year.to_string(),
        3 => format!("{year}-{:02}", 1 + i % 12),
        _ => format!("{year}-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
    }
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
    let (documents, extraction) = corpus(LARGE);
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
    if !harness.state().filters().is_empty() {
        harness.get_by_label("Clear filters").click();
        harness.run_steps(3);
    }

    harness.get_by_label("Map").click();
    harness.run_steps(3);
    report("map idle (12,500 places)", timed_steps(&mut harness, 30));
    let map_center = Pos2::new(700.0, 300.0);
    report(
        "map panning",
        drag(
            &mut harness,
            map_center,
            map_center + Vec2::new(200.0, 80.0),
            Modifiers::NONE,
        ),
    );
    report("map zooming", scroll(&mut harness, map_center, 40.0, 20));

    let timeline = Pos2::new(400.0, 800.0);
    report(
        "timeline brushing (750,000 date mentions)",
        drag(
            &mut harness,
            timeline,
            timeline + Vec2::new(150.0, 0.0),
            Modifiers::NONE,
        ),
    );
    report("timeline zooming", scroll(&mut harness, timeline, 40.0, 20));
    drop(harness);

    // The timeline issue's own scale.
    let (documents, extraction) = corpus(TIMELINE);
    let app = CorpusExplorerApp::new_for_test(AppDirs::at(home.path()), NoDialogPicker)
        .with_loaded_corpus(home.path().join("corpus2"), documents, extraction);
    let mut harness = Harness::builder()
        .with_size([1440.0, 900.0])
        .build_eframe(|_cc| app);
    harness.run_steps(5);
    report(
        "timeline brushing (20,000 docs, 200,000 dates)",
        drag(
            &mut harness,
            timeline,
            timeline + Vec2::new(150.0, 0.0),
            Modifiers::NONE,
        ),
    );
    report(
        "timeline zooming (same)",
        scroll(&mut harness, timeline, 40.0, 20),
    );
}

/// Frames of a primary-button drag from `from` to `to` in 20 steps.
fn drag(
    harness: &mut Harness<'_, CorpusExplorerApp>,
    from: Pos2,
    to: Pos2,
    modifiers: Modifiers,
) -> Vec<Duration> {
    let mut times = Vec::new();
    harness.event(Event::PointerMoved(from));
    times.extend(timed_steps(harness, 1));
    harness.event(Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers,
    });
    times.extend(timed_steps(harness, 1));
    for step in 1..=20 {
        harness.event(Event::PointerMoved(
            from + (to - from) * (step as f32 / 20.0),
        ));
        times.extend(timed_steps(harness, 1));
    }
    harness.event(Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers,
    });
    times.extend(timed_steps(harness, 3));
    times
}

/// Frames of `steps` mouse-wheel events at `at`.
fn scroll(
    harness: &mut Harness<'_, CorpusExplorerApp>,
    at: Pos2,
    delta: f32,
    steps: usize,
) -> Vec<Duration> {
    harness.event(Event::PointerMoved(at));
    harness.step();
    (0..steps)
        .flat_map(|_| {
            harness.event(Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: Vec2::new(0.0, delta),
                modifiers: Modifiers::NONE,
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
            });
            timed_steps(harness, 1)
        })
        .collect()
}
