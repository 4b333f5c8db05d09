//! What the UI flow tests share: a harness on the real app, stepping until a condition
//! holds, and a picker that answers dialogs with a chosen path.
#![allow(dead_code)] // each test file uses its own part of it

use std::path::{Path, PathBuf};
use std::time::Duration;

use corpus_explorer::app::{CorpusExplorerApp, DialogRequest, FilePicker, PickOutcome};
use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// A picker that answers every dialog with one path, as if the user chose it.
pub struct ChoosePath(pub PathBuf);

impl FilePicker for ChoosePath {
    fn pick(&self, _request: &DialogRequest) -> PickOutcome {
        PickOutcome::Chosen(self.0.clone())
    }
}

/// A text field, found by its hint text (its accessible placeholder).
pub fn field<'h>(
    harness: &'h Harness<'_, CorpusExplorerApp>,
    hint: &'static str,
) -> egui_kittest::Node<'h> {
    harness.get_by(move |node| node.data().placeholder() == Some(hint))
}

pub fn harness(app: CorpusExplorerApp) -> Harness<'static, CorpusExplorerApp> {
    Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(|_cc| app)
}

/// How long background work may take before a test gives up: generous, because CI runs
/// the test files in parallel on two cores with unoptimised code.
const PATIENCE: Duration = Duration::from_secs(120);

/// Steps frames until `done` holds, failing with `what` after [`PATIENCE`].
pub fn step_until(
    harness: &mut Harness<'_, CorpusExplorerApp>,
    what: &str,
    done: impl Fn(&Harness<'_, CorpusExplorerApp>) -> bool,
) {
    let started = std::time::Instant::now();
    while started.elapsed() < PATIENCE {
        harness.step();
        if done(harness) {
            harness.step();
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("gave up waiting for: {what}");
}

pub fn open_folder(harness: &mut Harness<'_, CorpusExplorerApp>, folder: &Path) {
    harness.state_mut().queue_open(folder.to_path_buf());
    step_until(harness, "the ingest to finish", |h| {
        !h.state().is_busy() && !h.state().documents().is_empty()
    });
}

/// A corpus folder of small text files, in `root/corpus`.
pub fn write_corpus(root: &Path, docs: &[(&str, &str)]) -> PathBuf {
    let folder = root.join("corpus");
    std::fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("{e}"));
    for (name, text) in docs {
        std::fs::write(folder.join(name), text).unwrap_or_else(|e| panic!("{e}"));
    }
    folder
}

/// A harness of the given size on `app`, after its first frame.
pub fn sized_harness(
    app: CorpusExplorerApp,
    size: [f32; 2],
) -> Harness<'static, CorpusExplorerApp> {
    let mut harness = Harness::builder().with_size(size).build_eframe(|_cc| app);
    harness.step();
    harness
}

/// Presses the primary button at `from`, moves to `to` in steps, releases: a drag.
pub fn drag(
    harness: &mut Harness<'_, CorpusExplorerApp>,
    from: Pos2,
    to: Pos2,
    modifiers: Modifiers,
) {
    harness.event(Event::PointerMoved(from));
    harness.step();
    harness.event(Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers,
    });
    harness.step();
    for step in 1..=8 {
        harness.event(Event::PointerMoved(
            from + (to - from) * (step as f32 / 8.0),
        ));
        harness.step();
    }
    harness.event(Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers,
    });
    harness.run_steps(3);
}

/// A primary click at `pos`.
pub fn click_at(harness: &mut Harness<'_, CorpusExplorerApp>, pos: Pos2, modifiers: Modifiers) {
    harness.event(Event::PointerMoved(pos));
    harness.step();
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers,
        });
    }
    harness.run_steps(3);
}
