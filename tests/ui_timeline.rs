//! The timeline with egui_kittest: dragging across it filters the list to a time range, a
//! listed date opens its document at the mention, and a corrected date value survives
//! saving and reopening the workspace.
#![allow(clippy::unwrap_used)] // test set-up on temp files: a failure should stop the test loudly

use std::path::{Path, PathBuf};

use corpus_explorer::app::CorpusExplorerApp;
use corpus_explorer::entities::Filter;
use corpus_explorer::extract::dates::days_from_epoch;
use corpus_explorer::workspace::AppDirs;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod support;
use support::{ChoosePath, drag, open_folder, sized_harness, step_until, write_corpus};

fn corpus(root: &Path) -> PathBuf {
    write_corpus(
        root,
        &[
            (
                "a.txt",
                "Port visit\n\nAmina Okafor met the harbour master in Lagos on 3 March 1999.",
            ),
            (
                "b.txt",
                "Travel note\n\nAmina Okafor travelled to Nairobi in May 2001.",
            ),
            (
                "c.txt",
                "Old file\n\nThe harbour was built in 1968 by a private company.",
            ),
        ],
    )
}

fn harness_on(
    tmp: &Path,
    home: &str,
    answer: PathBuf,
    path: &Path,
) -> Harness<'static, CorpusExplorerApp> {
    let app = CorpusExplorerApp::new_for_test(AppDirs::at(&tmp.join(home)), ChoosePath(answer));
    let mut harness = sized_harness(app, [1400.0, 1000.0]);
    open_folder(&mut harness, path);
    // Everything in place (entities, search index) before the tests point at the bars.
    step_until(&mut harness, "the corpus to be fully loaded", |h| {
        h.state().fully_loaded()
    });
    harness.run_steps(3);
    harness
}

/// Drags across the timeline from the start of `first` to the end of `last` (years),
/// once the bars stand still (two frames in a row put the years at the same place).
fn brush_years(harness: &mut Harness<'_, CorpusExplorerApp>, first: i32, last: i32) {
    let ends = |h: &Harness<'_, CorpusExplorerApp>| {
        let state = h.state();
        let from = state.timeline_screen_pos(days_from_epoch(first, 1, 1) + 20);
        let to = state.timeline_screen_pos(days_from_epoch(last, 12, 31) - 20);
        from.zip(to)
    };
    let mut seen = ends(harness);
    for _ in 0..100 {
        harness.step();
        let now = ends(harness);
        if now.is_some() && now == seen {
            break;
        }
        seen = now;
    }
    let (from, to) = seen.unwrap();
    drag(harness, from, to, Modifiers::NONE);
}

#[test]
fn brushing_a_range_filters_the_list_and_lists_its_dates() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = corpus(tmp.path());
    let mut harness = harness_on(tmp.path(), "home", tmp.path().join("x.ron"), &folder);
    brush_years(&mut harness, 1995, 2002);
    let filters = harness.state().filters().to_vec();
    let [
        Filter::Dates {
            first_day,
            last_day,
            ..
        },
    ] = filters.as_slice()
    else {
        panic!("one time-range filter: {filters:?}");
    };
    assert!(*first_day <= days_from_epoch(1999, 3, 3) && days_from_epoch(2001, 5, 31) <= *last_day);
    assert!(*first_day > days_from_epoch(1968, 12, 31));
    assert_eq!(harness.state().filtered_documents(), ["a.txt", "b.txt"]);
    harness.get_by_label("2 dates in 1995–2002");
    harness.get_by_label("Clear range").click();
    harness.run_steps(2);
    assert_eq!(harness.state().filtered_documents().len(), 3);
}

#[test]
fn a_listed_date_opens_its_document_at_the_mention() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = corpus(tmp.path());
    let mut harness = harness_on(tmp.path(), "home", tmp.path().join("x.ron"), &folder);
    // The first date of the corpus is at the left edge of the fitted view.
    brush_years(&mut harness, 1968, 1969);
    harness
        .get_by(|n| {
            n.value().as_deref() == Some("1968  Old file")
                || n.label().as_deref() == Some("1968  Old file")
        })
        .click();
    harness.run_steps(3);
    assert_eq!(
        harness
            .state()
            .selected_document()
            .map(|d| d.rel_path.as_str()),
        Some("c.txt")
    );
}

#[test]
fn a_corrected_date_survives_save_and_reopen() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = corpus(tmp.path());
    let workspace = tmp.path().join("dates.ron");
    let mut harness = harness_on(tmp.path(), "home", workspace.clone(), &folder);
    harness
        .get_by(|n| n.label().is_some_and(|l| l.starts_with("Dates ")))
        .click();
    harness.run_steps(2);
    harness
        .get_all_by(|n| {
            n.value().as_deref() == Some("1968") || n.label().as_deref() == Some("1968")
        })
        .next()
        .unwrap()
        .click();
    harness.run_steps(2);
    let value = harness.get_by(|n| {
        n.value().as_deref() == Some("1968") && n.role() == egui::accesskit::Role::TextInput
    });
    value.focus();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(Event::Text("1969".into()));
    harness.run_steps(2);
    harness.get_by_label("Set date").click();
    harness.run_steps(2);
    let index = harness.state().entities();
    let date = index.entity(index.find("date:1968").unwrap()).unwrap();
    assert_eq!(date.value.as_deref(), Some("1969"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    step_until(&mut harness, "the save", |h| {
        !h.state().is_busy() && !h.state().has_unsaved_changes()
    });

    let reopened = harness_on(tmp.path(), "home2", tmp.path().join("y.ron"), &workspace);
    let index = reopened.state().entities();
    let date = index.entity(index.find("date:1968").unwrap()).unwrap();
    assert_eq!(date.value.as_deref(), Some("1969"));
}

#[test]
fn the_timeline_exports_as_csv_for_the_filtered_documents() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = corpus(tmp.path());
    let out = tmp.path().join("timeline.csv");
    let mut harness = harness_on(tmp.path(), "home", out.clone(), &folder);
    brush_years(&mut harness, 1995, 2002);
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    harness.get_by_label("Export the timeline as CSV…").click();
    step_until(&mut harness, "the export", |h| !h.state().is_busy());
    let csv = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        csv,
        "value,granularity,document,sentence\n\
         1999-03-03,day,a.txt,Amina Okafor met the harbour master in Lagos on 3 March 1999.\n\
         2001-05,month,b.txt,Amina Okafor travelled to Nairobi in May 2001.\n"
    );
}

/// Where a day is on screen, once the bars stand still.
fn settled_x(harness: &mut Harness<'_, CorpusExplorerApp>, day: i64) -> f32 {
    let mut seen = harness.state().timeline_screen_pos(day);
    for _ in 0..100 {
        harness.step();
        let now = harness.state().timeline_screen_pos(day);
        if now.is_some() && now == seen {
            break;
        }
        seen = now;
    }
    seen.unwrap().x
}

/// Writes a new document into the open folder and waits until the app has read it.
fn add_document(harness: &mut Harness<'_, CorpusExplorerApp>, path: &Path, text: &str) {
    let before = harness.state().documents().len();
    std::fs::write(path, text).unwrap();
    step_until(harness, "the new file to be read", |h| {
        h.state().fully_loaded() && h.state().documents().len() == before + 1
    });
}

#[test]
fn the_timeline_takes_in_new_dates_until_the_user_moves_it() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = write_corpus(
        tmp.path(),
        &[(
            "a.txt",
            "Port visit\n\nAmina Okafor met the harbour master in Lagos on 3 March 1999.",
        )],
    );
    let mut harness = harness_on(tmp.path(), "home", tmp.path().join("x.ron"), &folder);
    let width = 1400.0;
    let on_screen = |x: f32| (0.0..=width).contains(&x);

    // A date decades earlier arrives: the view widens to show it with the others.
    add_document(
        &mut harness,
        &folder.join("c.txt"),
        "Old file\n\nThe harbour was built in 1968 by a private company.",
    );
    let early = settled_x(&mut harness, days_from_epoch(1968, 1, 1));
    let late = settled_x(&mut harness, days_from_epoch(1999, 3, 3));
    assert!(on_screen(early) && on_screen(late), "{early} {late}");

    // Once the user has zoomed, a new date leaves the view where they put it.
    harness.get_by_label("+").click();
    let placed = settled_x(&mut harness, days_from_epoch(1999, 3, 3));
    add_document(
        &mut harness,
        &folder.join("d.txt"),
        "Older file\n\nThe first pier was laid in 1921.",
    );
    assert_eq!(settled_x(&mut harness, days_from_epoch(1999, 3, 3)), placed);
}
