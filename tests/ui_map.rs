//! The map tab with egui_kittest: clicking a marker selects its place and filters the list,
//! a Shift+drag rectangle filters to the places inside it, and a location set by clicking
//! the map survives saving and reopening the workspace.
#![allow(clippy::unwrap_used)] // test set-up on temp files: a failure should stop the test loudly

use std::path::{Path, PathBuf};

use corpus_explorer::app::{CorpusExplorerApp, NoDialogPicker};
use corpus_explorer::entities::Filter;
use corpus_explorer::workspace::AppDirs;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod support;
use support::{ChoosePath, click_at, drag, open_folder, sized_harness, step_until, write_corpus};

fn corpus(root: &Path) -> PathBuf {
    write_corpus(
        root,
        &[
            (
                "a.txt",
                "Amina Okafor met the harbour master in Lagos on 3 March 1999.",
            ),
            ("b.txt", "Amina Okafor travelled to Nairobi in May 2001."),
            ("c.txt", "The harbour in Lagos was quiet all week."),
        ],
    )
}

fn opened(
    tmp: &Path,
    home: &str,
    path: &Path,
    picker_answer: PathBuf,
) -> Harness<'static, CorpusExplorerApp> {
    let app =
        CorpusExplorerApp::new_for_test(AppDirs::at(&tmp.join(home)), ChoosePath(picker_answer));
    let mut harness = sized_harness(app, [1400.0, 1000.0]);
    open_folder(&mut harness, path);
    harness.get_by_label("Map").click();
    harness.run_steps(3);
    harness
}

fn place(harness: &Harness<'_, CorpusExplorerApp>, id: &str) -> (f64, f64) {
    let index = harness.state().entities();
    let e = index.entity(index.find(id).unwrap()).unwrap();
    (e.lat.unwrap(), e.lon.unwrap())
}

#[test]
fn clicking_a_marker_selects_the_place_and_filters_the_list() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = corpus(tmp.path());
    let mut harness = opened(tmp.path(), "home", &folder, tmp.path().join("unused.ron"));
    let (lat, lon) = place(&harness, "place:nairobi");
    let at = harness.state().map_screen_pos(lat, lon).unwrap();
    click_at(&mut harness, at, Modifiers::NONE);
    assert_eq!(
        harness.state().filters(),
        [Filter::Entity {
            id: "place:nairobi".into()
        }]
    );
    assert_eq!(harness.state().filtered_documents(), ["b.txt"]);
}

#[test]
fn a_shift_drag_rectangle_filters_to_the_places_inside() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = corpus(tmp.path());
    let mut harness = opened(tmp.path(), "home", &folder, tmp.path().join("unused.ron"));
    let (lat, lon) = place(&harness, "place:lagos");
    let lagos = harness.state().map_screen_pos(lat, lon).unwrap();
    let from = lagos - egui::vec2(15.0, 15.0);
    let to = lagos + egui::vec2(15.0, 15.0);
    harness.event(Event::ModifiersChanged(Modifiers::SHIFT));
    drag(&mut harness, from, to, Modifiers::SHIFT);
    harness.event(Event::ModifiersChanged(Modifiers::NONE));
    harness.run_steps(2);
    harness.run_steps(3);
    let filters = harness.state().filters().to_vec();
    let [Filter::Places { ids, label }] = filters.as_slice() else {
        panic!("one map-area filter: {filters:?}");
    };
    assert_eq!(ids, &["place:lagos".to_string()]);
    assert_eq!(label, "Map area (1 place)");
    assert_eq!(harness.state().filtered_documents(), ["a.txt", "c.txt"]);
}

#[test]
fn a_location_set_on_the_map_survives_save_and_reopen() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = corpus(tmp.path());
    let workspace = tmp.path().join("places.ron");
    let mut harness = opened(tmp.path(), "home", &folder, workspace.clone());
    let (lat, lon) = place(&harness, "place:nairobi");
    let at = harness.state().map_screen_pos(lat, lon).unwrap();
    click_at(&mut harness, at, Modifiers::NONE);
    harness.get_by_label("Set location on the map…").click();
    harness.run_steps(3);
    // Somewhere clearly elsewhere: 60 px left of Nairobi.
    let elsewhere = at - egui::vec2(60.0, 0.0);
    click_at(&mut harness, elsewhere, Modifiers::NONE);
    let (new_lat, new_lon) = place(&harness, "place:nairobi");
    assert!(
        (new_lon - lon).abs() > 1.0,
        "moved west: {lon} -> {new_lon}"
    );
    assert!(new_lat.is_finite());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    step_until(&mut harness, "the save", |h| {
        !h.state().is_busy() && !h.state().has_unsaved_changes()
    });

    let app =
        CorpusExplorerApp::new_for_test(AppDirs::at(&tmp.path().join("home2")), NoDialogPicker);
    let mut reopened = sized_harness(app, [1400.0, 1000.0]);
    open_folder(&mut reopened, &workspace);
    let (lat2, lon2) = place(&reopened, "place:nairobi");
    assert!((lat2 - new_lat).abs() < 1e-9 && (lon2 - new_lon).abs() < 1e-9);
}

#[test]
fn another_gazetteer_place_can_be_picked_for_a_place() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = corpus(tmp.path());
    let mut harness = opened(tmp.path(), "home", &folder, tmp.path().join("unused.ron"));
    let (_, lon) = place(&harness, "place:lagos");
    assert!(lon > 0.0, "Lagos, Nigeria to begin with");
    let (lat, lon) = place(&harness, "place:lagos");
    let at = harness.state().map_screen_pos(lat, lon).unwrap();
    click_at(&mut harness, at, Modifiers::NONE);
    harness.get_by_label("Other places with this name").click();
    step_until(&mut harness, "the gazetteer's answer", |h| {
        !h.state().is_busy()
            && h.query_by(|n| {
                n.label()
                    .is_some_and(|l| l.starts_with("Lagos (") && l.contains("PT)"))
            })
            .is_some()
    });
    harness
        .get_by(|n| {
            n.label()
                .is_some_and(|l| l.starts_with("Lagos (") && l.contains("PT)"))
        })
        .click();
    harness.run_steps(2);
    let (_, lon) = place(&harness, "place:lagos");
    assert!(lon < 0.0, "moved to Lagos, Portugal: {lon}");
}
