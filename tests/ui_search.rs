//! The full-text search in the window: typing a query narrows the list, the reading
//! pane highlights and steps through the hits, the concordance lists them in context
//! and opens the document at a hit, and the search is saved with the workspace.
#![allow(clippy::unwrap_used)] // test set-up on temp files: a failure should stop the test loudly

use std::path::{Path, PathBuf};

use corpus_explorer::app::{CorpusExplorerApp, NoDialogPicker};
use corpus_explorer::workspace::AppDirs;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod support;
use support::{field, harness, open_folder, step_until, write_corpus};

const DOCS: [(&str, &str); 3] = [
    (
        "harbour.txt",
        "Harbour inspection\n\nThe harbour master met the inspector at the harbour gate.",
    ),
    (
        "budget.txt",
        "Budget notes\n\nThe council approved money for a new bridge over the river.",
    ),
    ("minutes.txt", "Minutes\n\nNothing about boats or rivers."),
];

fn search(harness: &mut Harness<'_, CorpusExplorerApp>, query: &str) {
    field(harness, "Search all documents (Ctrl+K)").focus();
    harness.run_steps(1);
    field(harness, "Search all documents (Ctrl+K)").type_text(query);
    harness.run_steps(1);
    harness.key_press(Key::Enter);
}

/// The three documents, open.
fn opened(root: &Path) -> (PathBuf, Harness<'static, CorpusExplorerApp>) {
    let folder = write_corpus(root, &DOCS);
    let app = CorpusExplorerApp::new_for_test(AppDirs::at(&root.join("home")), NoDialogPicker);
    let mut harness = harness(app);
    harness.step();
    open_folder(&mut harness, &folder);
    (folder, harness)
}

/// The three documents open and searched for "bridge" (one hit: budget.txt).
fn open_and_search_bridge(root: &Path) -> (PathBuf, Harness<'static, CorpusExplorerApp>) {
    let (folder, mut harness) = opened(root);
    search(&mut harness, "bridge");
    step_until(&mut harness, "the search", |h| {
        h.state().filtered_documents() == ["budget.txt"]
    });
    (folder, harness)
}

fn has_label(harness: &Harness<'_, CorpusExplorerApp>, label: &str) -> bool {
    harness.query_by_label(label).is_some()
}

#[test]
fn a_search_narrows_the_list_and_its_hits_are_highlighted_and_listed_in_context() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, mut harness) = opened(tmp.path());

    search(&mut harness, "harbour OR bridge");
    step_until(&mut harness, "the list to show the two hits", |h| {
        h.state().filtered_documents().len() == 2
    });
    let mut shown = harness.state().filtered_documents();
    shown.sort_unstable();
    assert_eq!(shown, ["budget.txt", "harbour.txt"]);
    harness.get_by_label("2 documents match \u{201c}harbour OR bridge\u{201d}");

    // The reading pane counts the hits of the document and steps through them.
    harness.get_by_label("Harbour inspection").click();
    step_until(&mut harness, "the hits bar", |h| {
        has_label(
            h,
            "Search \u{201c}harbour OR bridge\u{201d}: hit 1 of 3 here",
        )
    });
    harness.get_by_label("Next").click();
    harness.run_steps(2);
    harness.get_by_label("Search \u{201c}harbour OR bridge\u{201d}: hit 2 of 3 here");

    // The concordance: one line per hit; a click opens the document at the hit.
    harness.get_by_label("Concordance").click();
    step_until(&mut harness, "the concordance", |h| {
        has_label(h, "4 hits of \u{201c}harbour OR bridge\u{201d}")
    });
    harness.get_by_label("bridge").click();
    harness.run_steps(3);
    let selected = harness
        .state()
        .selected_document()
        .map(|d| d.rel_path.clone());
    assert_eq!(selected.as_deref(), Some("budget.txt"));
    harness.get_by_label("Search \u{201c}harbour OR bridge\u{201d}: hit 1 of 1 here");

    // Removing the chip brings every document back.
    harness.get_by_label("Search: harbour OR bridge  x").click();
    step_until(&mut harness, "the full list", |h| {
        h.state().filtered_documents().len() == 3
    });
}

#[test]
fn a_query_that_cannot_be_read_says_why_and_keeps_the_list() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, mut harness) = opened(tmp.path());
    search(&mut harness, "\"unclosed phrase");
    harness.run_steps(3);
    let error = harness
        .query_all_by(|n| {
            n.label()
                .or(n.value())
                .is_some_and(|t| t.starts_with("Cannot search:"))
        })
        .next()
        .is_some();
    assert!(error, "the search box should say why the query cannot run");
    assert_eq!(harness.state().filtered_documents().len(), 3);
}

#[test]
fn rebuild_index_reads_the_folder_again_and_keeps_the_search() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, mut harness) = open_and_search_bridge(tmp.path());
    let before = corpus_explorer::corpus::files_read();
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Rebuild index").click();
    step_until(&mut harness, "the folder read again and searched", |h| {
        !h.state().is_busy() && h.state().filtered_documents() == ["budget.txt"]
    });
    assert!(corpus_explorer::corpus::files_read() - before >= 3);
    assert_eq!(harness.state().documents().len(), 3);
}

#[test]
fn files_added_changed_and_removed_while_open_show_up_and_the_search_follows() {
    let tmp = tempfile::tempdir().unwrap();
    let (folder, mut harness) = open_and_search_bridge(tmp.path());

    std::fs::write(
        folder.join("ferry.txt"),
        "Ferry notes\n\nA ferry now runs where the bridge was planned.",
    )
    .unwrap();
    std::fs::write(
        folder.join("budget.txt"),
        "Budget notes\n\nThe money went to schools.",
    )
    .unwrap();
    std::fs::remove_file(folder.join("minutes.txt")).unwrap();
    step_until(&mut harness, "the folder's changes to show", |h| {
        let state = h.state();
        !state.is_busy()
            && state.documents().len() == 3
            && state.documents().iter().any(|d| d.rel_path == "ferry.txt")
            && state.filtered_documents() == ["ferry.txt"]
    });
    assert!(
        harness
            .state()
            .documents()
            .iter()
            .all(|d| d.rel_path != "minutes.txt")
    );
}

#[test]
fn changes_made_while_the_folder_was_closed_show_up_after_reopening() {
    let tmp = tempfile::tempdir().unwrap();
    let (folder, mut harness) = opened(tmp.path());
    step_until(&mut harness, "everything loaded", |h| {
        h.state().fully_loaded()
    });
    drop(harness);

    std::fs::write(
        folder.join("ferry.txt"),
        "Ferry notes\n\nA ferry now runs where the bridge was planned.",
    )
    .unwrap();
    std::fs::remove_file(folder.join("minutes.txt")).unwrap();
    let home = AppDirs::at(&tmp.path().join("home"));
    let mut harness = support::harness(CorpusExplorerApp::new_for_test(home, NoDialogPicker));
    harness.step();
    open_folder(&mut harness, &folder);
    step_until(&mut harness, "the changes to show", |h| {
        let state = h.state();
        let paths: Vec<&str> = state
            .documents()
            .iter()
            .map(|d| d.rel_path.as_str())
            .collect();
        !state.is_busy() && paths == ["budget.txt", "ferry.txt", "harbour.txt"]
    });
    search(&mut harness, "ferry");
    step_until(&mut harness, "the new file to be searchable", |h| {
        h.state().filtered_documents() == ["ferry.txt"]
    });
}
