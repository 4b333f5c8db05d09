//! What the UI flow tests share: a harness on the real app, stepping until a condition
//! holds, and a picker that answers dialogs with a chosen path.
#![allow(dead_code)] // each test file uses its own part of it

use std::path::{Path, PathBuf};
use std::time::Duration;

use corpus_explorer::app::{CorpusExplorerApp, DialogRequest, FilePicker, PickOutcome};
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
