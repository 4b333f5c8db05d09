//! UI flows through the real app with egui_kittest: headless, no GPU, no image snapshots.
#![allow(clippy::unwrap_used)] // test set-up on temp files: a failure should stop the test loudly

use std::path::{Path, PathBuf};

use corpus_explorer::app::{CorpusExplorerApp, NoDialogPicker};
use corpus_explorer::workspace::AppDirs;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod support;
use support::{ChoosePath, field, harness, open_folder, step_until};

/// A corpus of three documents and one binary file, in a temp dir.
fn corpus(root: &Path) -> PathBuf {
    let folder = root.join("corpus");
    std::fs::create_dir_all(folder.join("reports")).unwrap();
    std::fs::write(
        folder.join("reports/harbour.txt"),
        "Harbour inspection\n\nThe harbour master met the inspector at the harbour gate. \
         They walked the quay together.",
    )
    .unwrap();
    std::fs::write(
        folder.join("budget.md"),
        "# Budget notes\n\nThe council approved the budget after a long debate about schools, \
         roads, the library and the new bridge over the river.",
    )
    .unwrap();
    std::fs::write(folder.join("short.txt"), "Minutes\n\nShort.").unwrap();
    std::fs::write(
        folder.join("photo.txt"),
        [0u8, 159, 146, 150, 0, 1, 2, 255, 0],
    )
    .unwrap();
    folder
}

#[test]
fn opening_a_folder_fills_the_list_and_counts_problems() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = corpus(tmp.path());
    let app = CorpusExplorerApp::new_for_test(
        AppDirs::at(&tmp.path().join("home")),
        ChoosePath(folder.clone()),
    );
    let mut harness = harness(app);
    harness.step();
    harness.get_by_label("Open folder…").click();
    step_until(&mut harness, "three documents", |h| {
        !h.state().is_busy() && h.state().documents().len() == 3
    });
    harness.get_by_label("Harbour inspection");
    harness.get_by_label("Budget notes");
    harness.get_by_label("3 documents");
    harness.get_by_label("1 problem");
    assert!(
        harness
            .state()
            .title()
            .starts_with("Corpus Explorer — corpus")
    );
}

#[test]
fn clicking_a_document_shows_its_text() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = corpus(tmp.path());
    let app =
        CorpusExplorerApp::new_for_test(AppDirs::at(&tmp.path().join("home")), NoDialogPicker);
    let mut harness = harness(app);
    harness.step();
    open_folder(&mut harness, &folder);
    assert!(
        harness
            .query_by_label("Select a document on the left to read it.")
            .is_some()
    );
    harness.get_by_label("Budget notes").click();
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("the new bridge over the river")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Select a document on the left to read it.")
            .is_none()
    );
}

#[test]
fn the_filter_narrows_the_list() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = corpus(tmp.path());
    let app =
        CorpusExplorerApp::new_for_test(AppDirs::at(&tmp.path().join("home")), NoDialogPicker);
    let mut harness = harness(app);
    harness.step();
    open_folder(&mut harness, &folder);
    field(&harness, "Filter documents…").click();
    harness.run_steps(2);
    field(&harness, "Filter documents…").type_text("harbour");
    harness.run_steps(3);
    assert!(harness.query_by_label("Harbour inspection").is_some());
    assert!(harness.query_by_label("Budget notes").is_none());
    harness.get_by_label("1 of 3 documents");
}

#[test]
fn sorting_by_words_orders_rows_and_marks_unsaved_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = corpus(tmp.path());
    let app =
        CorpusExplorerApp::new_for_test(AppDirs::at(&tmp.path().join("home")), NoDialogPicker);
    let mut harness = harness(app);
    harness.step();
    open_folder(&mut harness, &folder);
    assert!(
        !harness.state().title().ends_with('•'),
        "fresh corpus has no changes"
    );
    harness.get_by_label("Words").click();
    harness.run_steps(3);
    let y = |h: &Harness<'_, CorpusExplorerApp>, label: &str| h.get_by_label(label).rect().min.y;
    assert!(y(&harness, "Minutes") < y(&harness, "Harbour inspection"));
    assert!(y(&harness, "Harbour inspection") < y(&harness, "Budget notes"));
    assert!(
        harness.state().title().ends_with('•'),
        "sorting is an unsaved change"
    );
    harness.get_by_label("Words").click();
    harness.run_steps(3);
    assert!(
        y(&harness, "Budget notes") < y(&harness, "Minutes"),
        "second click reverses"
    );
}

#[test]
fn saved_workspace_restores_selection_and_sort() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = corpus(tmp.path());
    let file = tmp.path().join("work.ron");
    let home = tmp.path().join("home");
    let mut harness = harness(CorpusExplorerApp::new_for_test(
        AppDirs::at(&home),
        ChoosePath(file.clone()),
    ));
    harness.step();
    open_folder(&mut harness, &folder);
    harness.get_by_label("Words").click();
    harness.run_steps(2);
    harness.get_by_label("Harbour inspection").click();
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    step_until(&mut harness, "the workspace to be saved", |h| {
        !h.state().is_busy() && !h.state().has_unsaved_changes()
    });
    assert!(file.exists());
    assert!(harness.state().title().contains("work"));
    drop(harness);

    let app = CorpusExplorerApp::new_for_test(AppDirs::at(&home), NoDialogPicker);
    let mut harness = harness_with_recent(app);
    step_until(&mut harness, "the workspace's corpus to load", |h| {
        !h.state().is_busy() && h.state().documents().len() == 3
    });
    let selected = harness.state().selected_document().map(|d| d.title.clone());
    assert_eq!(selected.as_deref(), Some("Harbour inspection"));
    assert!(
        harness
            .query_by_label_contains("walked the quay together")
            .is_some()
    );
    let y = |label: &str| harness.get_by_label(label).rect().min.y;
    assert!(
        y("Minutes") < y("Budget notes"),
        "sort by words was restored"
    );
    assert!(!harness.state().has_unsaved_changes());
}

/// A new app instance that opens the first Recent entry from the welcome screen.
fn harness_with_recent(app: CorpusExplorerApp) -> Harness<'static, CorpusExplorerApp> {
    let mut harness = harness(app);
    harness.step();
    harness.get_by_label("work.ron").click();
    harness
}

#[test]
fn a_corrupt_workspace_shows_line_and_column_and_is_left_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = corpus(tmp.path());
    let bad = tmp.path().join("broken.ron");
    let bytes = b"(\n    format_version: 1,\n    list: (sort: Wordz),\n".to_vec();
    std::fs::write(&bad, &bytes).unwrap();
    let app = CorpusExplorerApp::new_for_test(
        AppDirs::at(&tmp.path().join("home")),
        ChoosePath(bad.clone()),
    );
    let mut harness = harness(app);
    harness.step();
    harness.get_by_label("Open workspace…").click();
    step_until(&mut harness, "the error dialog", |h| {
        h.query_by_label("This workspace file could not be opened")
            .is_some()
    });
    harness.get_by_label_contains("Line 3, column");
    harness.get_by_label(&bad.display().to_string());
    assert_eq!(
        std::fs::read(&bad).unwrap(),
        bytes,
        "the file must not change"
    );
    harness.get_by_label("OK").click();
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label("This workspace file could not be opened")
            .is_none()
    );
    // Still usable: a folder opens afterwards.
    open_folder(&mut harness, &folder);
    harness.get_by_label("3 documents");
}

#[test]
fn without_a_file_dialog_the_typed_path_opens_the_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = corpus(tmp.path());
    let app =
        CorpusExplorerApp::new_for_test(AppDirs::at(&tmp.path().join("home")), NoDialogPicker);
    let mut harness = harness(app);
    harness.step();
    harness.get_by_label("Open folder…").click();
    step_until(&mut harness, "the no-dialog message", |h| {
        h.query_by_label_contains("No file dialog is available on this system")
            .is_some()
    });
    let field = field(&harness, "…or type or paste a folder path");
    assert!(field.is_focused(), "the typed-path field has the cursor");
    field.type_text(&folder.display().to_string());
    harness.run_steps(2);
    harness.get_by_label("Open").click();
    step_until(&mut harness, "the typed folder to load", |h| {
        !h.state().is_busy() && h.state().documents().len() == 3
    });
}

#[test]
fn find_in_document_counts_and_steps_through_matches() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = corpus(tmp.path());
    let app =
        CorpusExplorerApp::new_for_test(AppDirs::at(&tmp.path().join("home")), NoDialogPicker);
    let mut harness = harness(app);
    harness.step();
    open_folder(&mut harness, &folder);
    harness.get_by_label("Harbour inspection").click();
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run_steps(2);
    field(&harness, "Find in document…").type_text("harbour");
    harness.run_steps(3);
    harness.get_by_label("1 of 3");
    harness.get_by_label("Next").click();
    harness.run_steps(2);
    harness.get_by_label("2 of 3");
    harness.get_by_label("Previous").click();
    harness.get_by_label("Previous").click();
    harness.run_steps(2);
    harness.get_by_label("3 of 3");
}

#[test]
fn the_problems_view_lists_the_binary_file() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = corpus(tmp.path());
    let app =
        CorpusExplorerApp::new_for_test(AppDirs::at(&tmp.path().join("home")), NoDialogPicker);
    let mut harness = harness(app);
    harness.step();
    open_folder(&mut harness, &folder);
    assert_eq!(harness.state().problems().len(), 1);
    harness.get_by_label("1 problem").click();
    harness.run_steps(3);
    harness.get_by_label("photo.txt");
    let reason = &harness.state().problems()[0].reason;
    harness.get_by_label(reason);
}

#[test]
fn an_emails_sender_and_date_show_in_the_list_and_the_reading_pane() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = support::write_corpus(
        tmp.path(),
        &[
            (
                "mail.eml",
                "From: Amina Okafor <amina@example.org>\r\nTo: Chidi Okafor <chidi@example.org>\r\n\
                 Subject: Notes from Lagos\r\nDate: Tue, 18 Oct 2016 09:30:00 +0100\r\n\r\n\
                 The harbour master agreed to meet.\r\n",
            ),
            ("notes.txt", "Notes\n\nNothing about boats."),
        ],
    );
    let app =
        CorpusExplorerApp::new_for_test(AppDirs::at(&tmp.path().join("home")), NoDialogPicker);
    let mut harness = harness(app);
    harness.step();
    open_folder(&mut harness, &folder);
    harness.get_by_label("Author");
    harness.get_by_label("2016-10-18");
    harness.get_by_label("Notes from Lagos").click();
    harness.run_steps(3);
    harness.get_by_label("By Amina Okafor <amina@example.org> · Dated 2016-10-18");
    harness.get_by_label("More about this file (2)");
}
