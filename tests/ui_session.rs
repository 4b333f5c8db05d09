//! One open corpus at a time: after closing a folder and opening another, every panel shows
//! the new one. Both folders open from the cache, so the two openings take the same steps
//! and any view state keyed on counters would match by coincidence.
#![allow(clippy::unwrap_used)] // test set-up on temp files: a failure should stop the test loudly

use std::path::{Path, PathBuf};

use corpus_explorer::app::{CorpusExplorerApp, NoDialogPicker};
use corpus_explorer::entities::Filter;
use corpus_explorer::extract::dates::days_from_epoch;
use corpus_explorer::workspace::AppDirs;
use egui::Modifiers;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod support;
use support::{click_at, open_folder, sized_harness, step_until, write_corpus};

const WIDTH: f32 = 1400.0;

fn folders(root: &Path) -> (PathBuf, PathBuf) {
    let a = write_corpus(
        &root.join("a"),
        &[
            (
                "a1.txt",
                "Harbour report\n\nAmina Okafor met the harbour master in Lagos on 3 March 1999.",
            ),
            (
                "a2.txt",
                "Second note\n\nAmina Okafor travelled to Nairobi in May 2001.",
            ),
        ],
    );
    let b = write_corpus(
        &root.join("b"),
        &[
            (
                "b1.txt",
                "Ship log\n\nPeter Brandt wrote from Hamburg on 5 June 2004.",
            ),
            (
                "b2.txt",
                "Letter home\n\nPeter Brandt reached Hamburg again in July 2005.",
            ),
        ],
    );
    (a, b)
}

fn close(harness: &mut Harness<'_, CorpusExplorerApp>) {
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Close corpus").click();
    step_until(harness, "the corpus to close", |h| {
        h.state().documents().is_empty()
    });
}

/// Opens `folder` and lets every panel draw it, the map included.
fn show(harness: &mut Harness<'_, CorpusExplorerApp>, folder: &Path) {
    open_folder(harness, folder);
    step_until(harness, "everything to load", |h| h.state().fully_loaded());
    harness.get_by_label("Map").click();
    harness.run_steps(3);
    harness.get_by_label("Reading").click();
    harness.run_steps(3);
}

fn shown(harness: &Harness<'_, CorpusExplorerApp>, label: &str) -> bool {
    harness.query_by_label(label).is_some()
}

#[test]
fn after_closing_a_folder_every_panel_shows_the_next_one() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = folders(tmp.path());
    let app =
        CorpusExplorerApp::new_for_test(AppDirs::at(&tmp.path().join("home")), NoDialogPicker);
    let mut harness = sized_harness(app, [WIDTH, 1000.0]);
    // First readings fill the cache; the next openings of both come from it.
    for folder in [&a, &b] {
        show(&mut harness, folder);
        close(&mut harness);
    }
    show(&mut harness, &a);
    assert!(shown(&harness, "Amina Okafor"));
    close(&mut harness);
    show(&mut harness, &b);

    // Documents and the sidebar.
    assert!(shown(&harness, "Ship log") && !shown(&harness, "Harbour report"));
    assert!(
        shown(&harness, "Peter Brandt"),
        "the sidebar lists B's people"
    );
    assert!(
        !shown(&harness, "Amina Okafor"),
        "nothing of A in the sidebar"
    );
    // The timeline is fitted to B's dates (A's end in 2001).
    let x = harness
        .state()
        .timeline_screen_pos(days_from_epoch(2004, 6, 5))
        .unwrap()
        .x;
    assert!((0.0..WIDTH).contains(&x), "June 2004 is on screen: {x}");
    // The map's markers are B's: clicking Hamburg picks it.
    harness.get_by_label("Map").click();
    harness.run_steps(3);
    let index = harness.state().entities();
    let hamburg = index.entity(index.find("place:hamburg").unwrap()).unwrap();
    let (lat, lon) = (hamburg.lat.unwrap(), hamburg.lon.unwrap());
    let at = harness.state().map_screen_pos(lat, lon).unwrap();
    click_at(&mut harness, at, Modifiers::NONE);
    assert_eq!(
        harness.state().filters(),
        [Filter::Entity {
            id: "place:hamburg".into()
        }]
    );
    // The list shows B's documents that mention Hamburg (which ones is the engine's call).
    let index = harness.state().entities();
    let hamburg = index.entity(index.find("place:hamburg").unwrap()).unwrap();
    let documents = harness.state().documents();
    let mentioning: Vec<&str> = hamburg
        .docs
        .iter()
        .map(|&d| documents[d as usize].rel_path.as_str())
        .collect();
    assert!(mentioning.iter().all(|p| p.starts_with('b')));
    assert_eq!(harness.state().filtered_documents(), mentioning);
}

#[test]
fn messages_of_one_frame_all_show_and_each_is_dismissed_on_its_own() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("notes.txt");
    std::fs::write(&file, "not a folder").unwrap();
    let missing = tmp.path().join("gone");
    let app =
        CorpusExplorerApp::new_for_test(AppDirs::at(&tmp.path().join("home")), NoDialogPicker);
    let mut harness = sized_harness(app, [WIDTH, 800.0]);
    harness.state_mut().queue_open(file.clone());
    harness.state_mut().queue_open(missing.clone());
    step_until(&mut harness, "both paths to be looked at", |h| {
        h.state().notices().len() == 2
    });
    harness.run_steps(2);
    let is_a_file = format!(
        "{} is a file. Open a folder of documents, or a .ron workspace file.",
        file.display()
    );
    let not_found = format!("Nothing was found at {}.", missing.display());
    assert!(shown(&harness, &is_a_file) && shown(&harness, &not_found));
    // The two looks run side by side: either may answer first.
    let second = harness.state().notices()[1].to_owned();
    harness.get_all_by_label("Dismiss").next().unwrap().click();
    harness.run_steps(2);
    assert_eq!(harness.state().notices(), [second.as_str()]);
}
