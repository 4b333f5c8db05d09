//! One 50 MB text file of real news (the Groningen Meaning Bank's sentences from
//! `../shared/ner/gmb-train.conll`, its 1,800 documents as paragraphs, shuffled and
//! repeated) beside a short note, opened in the real window (headless, egui_kittest):
//! how long until the documents are listed, their entities found and search ready; how
//! much the process's peak memory grew; how long the big document takes to show its
//! first screen once clicked; and frame times while scrolling and turning its pages.
//! Run: `cargo bench --bench big_file` (set `GMB_TRAIN` to use another copy).
#![cfg(target_os = "linux")]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use corpus_explorer::app::{CorpusExplorerApp, NoDialogPicker};
use corpus_explorer::workspace::AppDirs;
use egui::{Event, MouseWheelUnit, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use nix::sys::resource::{UsageWho, getrusage};

const TARGET_BYTES: usize = 50_000_000;
const TITLE: &str = "Fifty megabytes of the news";

fn gmb_train() -> PathBuf {
    std::env::var_os("GMB_TRAIN").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/ner/gmb-train.conll"),
        PathBuf::from,
    )
}

/// The documents of a CoNLL file as paragraphs of detokenised sentences.
fn paragraphs(conll: &str) -> Vec<String> {
    let mut docs: Vec<String> = Vec::new();
    let mut sentence: Vec<&str> = Vec::new();
    let mut doc = String::new();
    let flush_sentence = |sentence: &mut Vec<&str>, doc: &mut String| {
        if sentence.is_empty() {
            return;
        }
        if !doc.is_empty() {
            doc.push(' ');
        }
        doc.push_str(&detokenise(sentence));
        sentence.clear();
    };
    for line in conll.lines() {
        if line.starts_with("-DOCSTART-") {
            flush_sentence(&mut sentence, &mut doc);
            if !doc.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
        } else if line.trim().is_empty() {
            flush_sentence(&mut sentence, &mut doc);
        } else if let Some(token) = line.split('\t').next() {
            sentence.push(token);
        }
    }
    flush_sentence(&mut sentence, &mut doc);
    if !doc.is_empty() {
        docs.push(doc);
    }
    docs
}

fn detokenise(tokens: &[&str]) -> String {
    let mut out = String::new();
    for token in tokens {
        let attached = matches!(*token, "." | "," | ";" | ":" | "!" | "?" | ")" | "%")
            || token.starts_with('\'')
            || *token == "n't";
        if !out.is_empty() && !attached && !out.ends_with(['(', '$']) {
            out.push(' ');
        }
        out.push_str(token);
    }
    out
}

/// About `TARGET_BYTES` of the paragraphs in shuffled rounds, under a title line.
fn big_text(paragraphs: &[String]) -> String {
    let mut text = format!("{TITLE}\n\n");
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut order: Vec<usize> = (0..paragraphs.len()).collect();
    'rounds: loop {
        for i in (1..order.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            order.swap(i, (state % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            if text.len() + paragraphs[i].len() + 2 > TARGET_BYTES {
                break 'rounds;
            }
            text.push_str(&paragraphs[i]);
            text.push_str("\n\n");
        }
    }
    text
}

fn peak_rss_mb() -> f64 {
    // ru_maxrss is in kilobytes on Linux.
    getrusage(UsageWho::RUSAGE_SELF).map_or(0.0, |u| u.max_rss() as f64 / 1024.0)
}

fn report(what: &str, mut times: Vec<Duration>) {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize].as_secs_f64() * 1000.0;
    println!(
        "{what:<40} frames {:>4}  p50 {:>6.1} ms  p99 {:>6.1} ms  max {:>6.1} ms",
        times.len(),
        at(0.5),
        at(0.99),
        at(1.0)
    );
}

fn timed_step(harness: &mut Harness<'_, CorpusExplorerApp>) -> Duration {
    let started = Instant::now();
    harness.step();
    started.elapsed()
}

fn main() {
    let conll = std::fs::read_to_string(gmb_train())
        .unwrap_or_else(|e| panic!("{}: {e}", gmb_train().display()));
    let home = tempfile::tempdir().expect("temp dir");
    let folder = home.path().join("corpus");
    std::fs::create_dir_all(&folder).expect("corpus folder");
    let text = big_text(&paragraphs(&conll));
    drop(conll);
    std::fs::write(folder.join("big.txt"), &text).expect("big file written");
    std::fs::write(
        folder.join("note.txt"),
        "A short note\n\nCall Amina Okafor in Lagos on Monday.",
    )
    .expect("note written");
    println!(
        "corpus: one file of {:.1} MB ({} words) of real news, and a short note",
        text.len() as f64 / 1e6,
        text.split_whitespace().count()
    );
    drop(text);

    let app =
        CorpusExplorerApp::new_for_test(AppDirs::at(&home.path().join("app")), NoDialogPicker);
    let mut harness = Harness::builder()
        .with_size([1440.0, 900.0])
        .build_eframe(|_cc| app);
    harness.run_steps(3);
    let before = peak_rss_mb();

    let started = Instant::now();
    harness.state_mut().queue_open(folder.clone());
    let (mut listed, mut entities) = (None, None);
    let mut slowest_frame = Duration::ZERO;
    while started.elapsed() < Duration::from_secs(1800) {
        slowest_frame = slowest_frame.max(timed_step(&mut harness));
        let state = harness.state();
        if listed.is_none() && state.documents().len() == 2 {
            listed = Some(started.elapsed());
        }
        if entities.is_none() && state.entities_and_search_ready().0 {
            entities = Some(started.elapsed());
        }
        if state.fully_loaded() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let loaded = started.elapsed();
    let secs = |d: Option<Duration>| d.map_or(f64::NAN, |d| d.as_secs_f64());
    println!(
        "open: documents listed {:.2} s, entities found {:.1} s, search ready {:.1} s",
        secs(listed),
        secs(entities),
        loaded.as_secs_f64()
    );
    println!(
        "slowest frame while opening: {:.1} ms",
        slowest_frame.as_secs_f64() * 1000.0
    );
    let peak = peak_rss_mb();
    println!(
        "peak memory: {before:.0} MB before opening, {peak:.0} MB after ({:+.0} MB)",
        peak - before
    );

    harness.get_by_label(TITLE).click();
    let clicked = Instant::now();
    let mut first_paint = Vec::new();
    while harness
        .query_all_by_label_contains("Page 1 of")
        .next()
        .is_none()
    {
        first_paint.push(timed_step(&mut harness));
        assert!(
            clicked.elapsed() < Duration::from_secs(120),
            "the document never showed"
        );
    }
    println!(
        "first paint of the big document: {:.1} ms ({} frames, longest {:.1} ms)",
        clicked.elapsed().as_secs_f64() * 1000.0,
        first_paint.len(),
        first_paint
            .iter()
            .max()
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    );
    harness.run_steps(3);

    let reader = Pos2::new(900.0, 450.0);
    harness.event(Event::PointerMoved(reader));
    harness.step();
    let mut scrolling = Vec::new();
    for _ in 0..120 {
        harness.event(Event::MouseWheel {
            unit: MouseWheelUnit::Point,
            delta: Vec2::new(0.0, -120.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        scrolling.push(timed_step(&mut harness));
    }
    report("scrolling the big document", scrolling);

    // Back to the top, where the pager is.
    for _ in 0..200 {
        harness.event(Event::MouseWheel {
            unit: MouseWheelUnit::Point,
            delta: Vec2::new(0.0, 400.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        harness.step();
    }
    let mut turning = Vec::new();
    for _ in 0..20 {
        harness
            .get_all_by_label("Next page")
            .next()
            .expect("a Next page button")
            .click();
        turning.push(timed_step(&mut harness));
        turning.push(timed_step(&mut harness));
    }
    report("turning its pages", turning);
    let on_page_21 = harness
        .query_all_by(|n| n.label().is_some_and(|l| l.starts_with("Page 21 of")))
        .next()
        .is_some();
    println!("after 20 turns the pane shows page 21: {on_page_21}");
    println!("peak memory at the end: {:.0} MB", peak_rss_mb());
}
