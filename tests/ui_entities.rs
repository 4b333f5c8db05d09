//! UI flows of the entity sidebar with egui_kittest: clicking a name filters the document
//! list and shows a removable chip; Ctrl+click combines filters; a mention opens its document.
#![allow(clippy::unwrap_used)] // test set-up on temp files: a failure should stop the test loudly

use std::path::{Path, PathBuf};

use corpus_explorer::app::{CorpusExplorerApp, NoDialogPicker};
use corpus_explorer::entities::Filter;
use corpus_explorer::workspace::AppDirs;
use egui::Modifiers;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod support;
use support::{harness, open_folder};

/// Three short reports: Amina Okafor in two of them, Lagos in two of them.
fn corpus(root: &Path) -> PathBuf {
    let folder = root.join("corpus");
    std::fs::create_dir_all(&folder).unwrap();
    let docs = [
        (
            "a.txt",
            "Port visit\n\nAmina Okafor met the harbour master in Lagos on 3 March 1999. \
             Okafor said the cranes were idle.",
        ),
        (
            "b.txt",
            "Travel note\n\nAmina Okafor travelled to Nairobi in May 2001 to see the archive.",
        ),
        (
            "c.txt",
            "Harbour diary\n\nThe harbour in Lagos was quiet all week; nobody came.",
        ),
    ];
    for (name, text) in docs {
        std::fs::write(folder.join(name), text).unwrap();
    }
    folder
}

fn opened(tmp: &Path) -> Harness<'static, CorpusExplorerApp> {
    let folder = corpus(tmp);
    let app = CorpusExplorerApp::new_for_test(AppDirs::at(&tmp.join("home")), NoDialogPicker);
    let mut harness = harness(app);
    harness.step();
    open_folder(&mut harness, &folder);
    harness
}

/// The sidebar tab whose label starts with `name` ("Places 2").
fn tab<'h>(harness: &'h Harness<'_, CorpusExplorerApp>, name: &str) -> egui_kittest::Node<'h> {
    let prefix = format!("{name} ");
    harness.get_by(move |node| node.label().is_some_and(|l| l.starts_with(&prefix)))
}

#[test]
fn clicking_a_person_filters_the_list_and_shows_a_removable_chip() {
    let tmp = tempfile::tempdir().unwrap();
    let mut harness = opened(tmp.path());
    assert_eq!(
        harness.state().filtered_documents(),
        ["a.txt", "b.txt", "c.txt"]
    );
    harness.get_by_label("Amina Okafor").click();
    harness.run_steps(2);
    assert_eq!(harness.state().filtered_documents(), ["a.txt", "b.txt"]);
    assert_eq!(
        harness.state().filters(),
        [Filter::Entity {
            id: "person:amina-okafor".into()
        }]
    );
    assert!(harness.state().has_unsaved_changes(), "filters are saved");
    harness.get_by_label("Amina Okafor  x").click();
    harness.run_steps(2);
    assert!(harness.state().filters().is_empty());
    assert_eq!(harness.state().filtered_documents().len(), 3);
}

#[test]
fn ctrl_click_adds_a_second_filter_and_clear_removes_all() {
    let tmp = tempfile::tempdir().unwrap();
    let mut harness = opened(tmp.path());
    harness.get_by_label("Amina Okafor").click();
    harness.run_steps(2);
    tab(&harness, "Places").click();
    harness.run_steps(2);
    harness
        .get_all_by_label("Lagos")
        .next()
        .unwrap()
        .click_modifiers(Modifiers::COMMAND);
    harness.run_steps(2);
    assert_eq!(harness.state().filters().len(), 2);
    assert_eq!(harness.state().filtered_documents(), ["a.txt"]);
    harness.get_by_label("Clear filters").click();
    harness.run_steps(2);
    assert_eq!(harness.state().filtered_documents().len(), 3);
}

#[test]
fn a_mention_in_the_details_opens_its_document() {
    let tmp = tempfile::tempdir().unwrap();
    let mut harness = opened(tmp.path());
    tab(&harness, "Places").click();
    harness.run_steps(2);
    harness.get_by_label("Nairobi").click();
    harness.run_steps(2);
    let sentence = |node: &egui_kittest::kittest::AccessKitNode<'_>| {
        node.value()
            .is_some_and(|v| v.starts_with("Amina Okafor travelled to Nairobi"))
    };
    harness.get_by(sentence).scroll_to_me();
    harness.run_steps(3);
    harness.get_by(sentence).click();
    harness.run_steps(2);
    assert_eq!(
        harness
            .state()
            .selected_document()
            .map(|d| d.rel_path.as_str()),
        Some("b.txt")
    );
}
