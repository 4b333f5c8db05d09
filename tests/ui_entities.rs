//! UI flows of the entity sidebar with egui_kittest: clicking a name filters the document
//! list and shows a removable chip; Ctrl+click combines filters; a mention opens its document.
#![allow(clippy::unwrap_used)] // test set-up on temp files: a failure should stop the test loudly

use std::path::{Path, PathBuf};

use corpus_explorer::app::{CorpusExplorerApp, NoDialogPicker};
use corpus_explorer::entities::Filter;
use corpus_explorer::extract::EntityKind;
use corpus_explorer::workspace::AppDirs;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod support;
use support::{ChoosePath, field, open_folder, sized_harness, step_until, write_corpus};

/// Three short reports: Amina Okafor in two of them, Lagos in two of them.
fn corpus(root: &Path) -> PathBuf {
    write_corpus(
        root,
        &[
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
            (
                "d.txt",
                "Phone call\n\nChidi Okafor spoke to the clerk about the cargo.",
            ),
        ],
    )
}

fn opened(tmp: &Path) -> Harness<'static, CorpusExplorerApp> {
    let folder = corpus(tmp);
    let app = CorpusExplorerApp::new_for_test(AppDirs::at(&tmp.join("home")), NoDialogPicker);
    // Tall enough for the entity details to show their correction buttons unscrolled.
    let mut harness = sized_harness(app, [1400.0, 1200.0]);
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
    assert_eq!(harness.state().filtered_documents().len(), 4);
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
    assert_eq!(harness.state().filtered_documents().len(), 4);
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
    assert_eq!(harness.state().filtered_documents().len(), 4);
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

/// Selects Amina Okafor and merges Chidi Okafor into her with "Merge with…".
fn merge_chidi_into_amina(harness: &mut Harness<'_, CorpusExplorerApp>) {
    harness.get_by_label("Amina Okafor").click();
    harness.run_steps(2);
    field(harness, "Merge with… (type a name)").focus();
    harness.run_steps(1);
    field(harness, "Merge with… (type a name)").type_text("chidi");
    harness.run_steps(2);
    click_in_view(harness, "Merge \"Chidi Okafor\" into \"Amina Okafor\"");
    harness.run_steps(2);
}

/// Scrolls a button of the details into view, then clicks it.
fn click_in_view(harness: &mut Harness<'_, CorpusExplorerApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run_steps(2);
    harness.get_by_label(label).click();
}

fn person_names(harness: &Harness<'_, CorpusExplorerApp>) -> Vec<String> {
    let entities = harness.state().entities();
    let mut names: Vec<String> = entities
        .live_entities()
        .map(|(_, e)| e)
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.clone())
        .collect();
    names.sort();
    names
}

#[test]
fn merging_two_people_makes_one_with_both_spellings_and_undo_redo_work() {
    let tmp = tempfile::tempdir().unwrap();
    let mut harness = opened(tmp.path());
    assert_eq!(person_names(&harness), ["Amina Okafor", "Chidi Okafor"]);
    merge_chidi_into_amina(&mut harness);
    assert_eq!(person_names(&harness), ["Amina Okafor"]);
    let index = harness.state().entities();
    let amina = index
        .entity(index.find("person:amina-okafor").unwrap())
        .unwrap();
    assert!(amina.aliases.contains(&"Chidi Okafor".to_string()));
    assert_eq!(amina.docs.len(), 3);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(person_names(&harness), ["Amina Okafor", "Chidi Okafor"]);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run_steps(2);
    assert_eq!(person_names(&harness), ["Amina Okafor"]);
}

#[test]
fn hiding_an_entity_removes_it_until_undone() {
    let tmp = tempfile::tempdir().unwrap();
    let mut harness = opened(tmp.path());
    harness.get_by_label("Chidi Okafor").click();
    harness.run_steps(2);
    click_in_view(&mut harness, "Not an entity");
    harness.run_steps(2);
    assert_eq!(person_names(&harness), ["Amina Okafor"]);
    assert!(harness.state().has_unsaved_changes());
    harness.get_by_label("Edit").click();
    harness.run_steps(3);
    harness
        .get_by(|n| n.label().is_some_and(|l| l.starts_with("Undo hide")))
        .click();
    harness.run_steps(2);
    assert_eq!(person_names(&harness), ["Amina Okafor", "Chidi Okafor"]);
}

#[test]
fn text_found_with_ctrl_f_can_be_marked_as_an_organisation() {
    let tmp = tempfile::tempdir().unwrap();
    let mut harness = opened(tmp.path());
    harness.get_by_label("Harbour diary").click();
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run_steps(2);
    field(&harness, "Find in document…").type_text("harbour");
    harness.run_steps(3);
    harness.get_by_label("1 of 2");
    harness.get_by_label("Mark as…").click();
    harness.run_steps(2);
    harness.get_by_label("All 2 in this document").click();
    harness.run_steps(1);
    harness.get_by_label("Mark as organisation").click();
    harness.run_steps(2);
    let index = harness.state().entities();
    let harbour = index
        .entity(index.find("organization:harbour").expect("marked"))
        .unwrap();
    assert_eq!(harbour.name, "Harbour");
    assert_eq!(
        harbour.mentions, 2,
        "both matches in this document, no others"
    );
    assert_eq!(harbour.docs.len(), 1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert!(
        harness
            .state()
            .entities()
            .find("organization:harbour")
            .is_none()
    );
}

#[test]
fn a_merged_spelling_can_be_split_back_out() {
    let tmp = tempfile::tempdir().unwrap();
    let mut harness = opened(tmp.path());
    merge_chidi_into_amina(&mut harness);
    assert_eq!(person_names(&harness), ["Amina Okafor"]);
    harness
        .get_by(|n| n.label().is_some_and(|l| l.starts_with("Spellings (")))
        .click();
    harness.run_steps(2);
    // "Chidi Okafor" joined last, so its button is the last one.
    let last = harness.get_all_by_label("Split out").count() - 1;
    harness
        .get_all_by_label("Split out")
        .nth(last)
        .unwrap()
        .click();
    harness.run_steps(2);
    assert_eq!(person_names(&harness), ["Amina Okafor", "Chidi Okafor"]);
}

fn opened_with_picker(tmp: &Path, answer: PathBuf) -> Harness<'static, CorpusExplorerApp> {
    let folder = corpus(tmp);
    let app = CorpusExplorerApp::new_for_test(AppDirs::at(&tmp.join("home")), ChoosePath(answer));
    let mut harness = sized_harness(app, [1400.0, 1200.0]);
    open_folder(&mut harness, &folder);
    harness
}

fn export_from_menu(harness: &mut Harness<'_, CorpusExplorerApp>, item: &str) {
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    harness.get_by_label(item).click();
    step_until(harness, "the export to be written", |h| {
        !h.state().is_busy()
    });
    harness.run_steps(2);
}

#[test]
fn entities_and_the_filtered_list_export_from_the_file_menu() {
    let tmp = tempfile::tempdir().unwrap();
    let entities_csv = tmp.path().join("out-entities.csv");
    let mut harness = opened_with_picker(tmp.path(), entities_csv.clone());
    merge_chidi_into_amina(&mut harness);
    export_from_menu(&mut harness, "Export entities as CSV…");
    let csv = std::fs::read_to_string(&entities_csv).unwrap();
    assert!(csv.starts_with("id,kind,name,aliases,documents,mentions,lat,lon,value,inferred\n"));
    let amina = csv
        .lines()
        .find(|l| l.starts_with("person:amina-okafor,"))
        .expect("Amina Okafor exported");
    assert!(
        amina.contains("Chidi Okafor"),
        "the merge is in the export: {amina}"
    );
    assert!(!csv.contains("person:chidi-okafor,"), "{csv}");
}

#[test]
fn the_filtered_documents_list_exports_only_what_the_filters_let_through() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("docs.csv");
    let mut harness = opened_with_picker(tmp.path(), out.clone());
    harness.get_by_label("Amina Okafor").click();
    harness.run_steps(2);
    export_from_menu(&mut harness, "Export the filtered documents list…");
    let csv = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "path,title,folder,words,matched");
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[1].starts_with("a.txt,Port visit,,"), "{csv}");
    assert!(lines[1].ends_with(",Amina Okafor"), "{csv}");
    assert!(lines[2].starts_with("b.txt,"), "{csv}");
}

#[test]
fn shift_click_picks_several_to_merge_and_the_merge_survives_save_and_reopen() {
    let tmp = tempfile::tempdir().unwrap();
    let workspace = tmp.path().join("fixes.ron");
    let mut harness = opened_with_picker(tmp.path(), workspace.clone());
    harness
        .get_by_label("Chidi Okafor")
        .click_modifiers(Modifiers::SHIFT);
    harness.run_steps(1);
    harness
        .get_by_label("Amina Okafor")
        .click_modifiers(Modifiers::SHIFT);
    harness.run_steps(2);
    harness.get_by_label("2 picked to merge");
    click_in_view(&mut harness, "Merge 2");
    harness.run_steps(2);
    assert_eq!(
        person_names(&harness),
        ["Chidi Okafor"],
        "the first picked keeps its name"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    step_until(&mut harness, "the workspace to be saved", |h| {
        !h.state().is_busy() && !h.state().has_unsaved_changes()
    });
    assert!(
        std::fs::read_to_string(&workspace)
            .unwrap()
            .contains("Merge(")
    );

    let app =
        CorpusExplorerApp::new_for_test(AppDirs::at(&tmp.path().join("home2")), NoDialogPicker);
    let mut reopened = sized_harness(app, [1400.0, 1200.0]);
    open_folder(&mut reopened, &workspace);
    assert_eq!(person_names(&reopened), ["Chidi Okafor"]);
    let index = reopened.state().entities();
    let chidi = index
        .entity(index.find("person:chidi-okafor").unwrap())
        .unwrap();
    assert!(chidi.aliases.contains(&"Amina Okafor".to_string()));
}

#[test]
fn selecting_an_entity_keeps_the_sidebar_width() {
    let tmp = tempfile::tempdir().unwrap();
    let app =
        CorpusExplorerApp::new_for_test(AppDirs::at(&tmp.path().join("home")), NoDialogPicker);
    let mut harness = sized_harness(app, [1280.0, 800.0]);
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_corpus");
    open_folder(&mut harness, &sample);
    let people_tab_x = |h: &Harness<'_, CorpusExplorerApp>| tab(h, "People").rect().min.x;
    let before = people_tab_x(&harness);
    assert!(
        before > 900.0,
        "the sidebar keeps to its default width: {before}"
    );
    harness
        .get_all_by(|n| n.value().as_deref() == Some("Amina Okafor"))
        .next()
        .unwrap()
        .click();
    harness.run_steps(3);
    assert_eq!(
        people_tab_x(&harness),
        before,
        "the details do not widen the sidebar"
    );
}

fn suggestions(harness: &Harness<'_, CorpusExplorerApp>) -> Vec<Vec<String>> {
    let index = harness.state().entities();
    index
        .suggestions()
        .iter()
        .map(|s| s.entities.clone())
        .collect()
}

fn live_count(harness: &Harness<'_, CorpusExplorerApp>) -> usize {
    harness.state().entities().live_entities().count()
}

#[test]
fn merge_suggestions_can_be_accepted_or_dismissed_and_stay_dismissed() {
    let tmp = tempfile::tempdir().unwrap();
    let workspace = tmp.path().join("sample.ron");
    let app = CorpusExplorerApp::new_for_test(
        AppDirs::at(&tmp.path().join("home")),
        ChoosePath(workspace.clone()),
    );
    let mut harness = sized_harness(app, [1400.0, 1200.0]);
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_corpus");
    open_folder(&mut harness, &sample);
    let (before, entities) = (suggestions(&harness), live_count(&harness));
    assert!(
        before.len() >= 2,
        "the sample corpus has spelling variants to suggest"
    );
    harness
        .get_by(|n| {
            n.label()
                .is_some_and(|l| l.starts_with("Suggested merges ("))
        })
        .click();
    harness.run_steps(2);
    harness.get_all_by_label("Merge").next().unwrap().click();
    harness.run_steps(2);
    let merged = &before[0];
    assert_eq!(
        live_count(&harness),
        entities - (merged.len() - 1),
        "they became one"
    );
    let index = harness.state().entities();
    assert!(index.find(&merged[0]).is_some() && index.find(&merged[1]).is_none());
    let after_merge = suggestions(&harness);
    assert!(!after_merge.contains(merged));
    harness
        .get_all_by_label("Not the same")
        .next()
        .unwrap()
        .scroll_to_me();
    harness.run_steps(2);
    harness
        .get_all_by_label("Not the same")
        .next()
        .unwrap()
        .click();
    harness.run_steps(2);
    let after_dismiss = suggestions(&harness);
    assert_eq!(after_dismiss.len(), after_merge.len() - 1);
    assert!(!after_dismiss.contains(&after_merge[0]));
    assert_eq!(
        live_count(&harness),
        entities - (merged.len() - 1),
        "dismissing merges nothing"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    step_until(&mut harness, "the save", |h| {
        !h.state().is_busy() && !h.state().has_unsaved_changes()
    });

    let app =
        CorpusExplorerApp::new_for_test(AppDirs::at(&tmp.path().join("home2")), NoDialogPicker);
    let mut reopened = sized_harness(app, [1400.0, 1200.0]);
    open_folder(&mut reopened, &workspace);
    assert_eq!(
        suggestions(&reopened),
        after_dismiss,
        "still dismissed after reopening"
    );
    assert_eq!(live_count(&reopened), entities - (merged.len() - 1));
}

#[test]
fn rename_and_change_of_kind_undo_and_redo() {
    let tmp = tempfile::tempdir().unwrap();
    let mut harness = opened(tmp.path());
    harness.get_by_label("Chidi Okafor").click();
    harness.run_steps(2);
    click_in_view(&mut harness, "Rename…");
    harness.run_steps(2);
    let name_field = |h: &Harness<'_, CorpusExplorerApp>| {
        h.get_by(|n| {
            n.value().as_deref() == Some("Chidi Okafor")
                && n.role() == egui::accesskit::Role::TextInput
        })
        .focus()
    };
    name_field(&harness);
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text("Chidi O. Okafor".into()));
    harness.run_steps(2);
    click_in_view(&mut harness, "Rename");
    harness.run_steps(2);
    assert_eq!(person_names(&harness), ["Amina Okafor", "Chidi O. Okafor"]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(person_names(&harness), ["Amina Okafor", "Chidi Okafor"]);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run_steps(2);
    assert_eq!(person_names(&harness), ["Amina Okafor", "Chidi O. Okafor"]);

    harness
        .get_by(|n| {
            n.value().as_deref() == Some("Kind: person")
                || n.label().as_deref() == Some("Kind: person")
        })
        .click();
    harness.run_steps(2);
    harness.get_by_label("organisation").click();
    harness.run_steps(2);
    assert_eq!(
        person_names(&harness),
        ["Amina Okafor"],
        "now an organisation"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(person_names(&harness), ["Amina Okafor", "Chidi O. Okafor"]);
}
