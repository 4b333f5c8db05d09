//! UI flows where a correction could damage good data or leave the views in a dead state:
//! marking text found with Ctrl+F, filters on an entity that is hidden or merged away, and
//! Shift+click picking names to merge right after a click re-filtered the sidebar.
#![allow(clippy::unwrap_used)] // test set-up on temp files: a failure should stop the test loudly

use std::path::Path;

use corpus_explorer::app::{CorpusExplorerApp, NoDialogPicker};
use corpus_explorer::entities::{EntityIndex, Filter, IndexedEntity};
use corpus_explorer::extract::EntityKind;
use corpus_explorer::workspace::AppDirs;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod support;
use support::{click_at, field, open_folder, sized_harness, write_corpus};

fn opened(root: &Path, docs: &[(&str, &str)]) -> Harness<'static, CorpusExplorerApp> {
    let folder = write_corpus(root, docs);
    let app = CorpusExplorerApp::new_for_test(AppDirs::at(&root.join("home")), NoDialogPicker);
    // Tall enough for the entity details to show their correction buttons unscrolled.
    let mut harness = sized_harness(app, [1400.0, 1200.0]);
    open_folder(&mut harness, &folder);
    harness
}

fn entity_named<'h>(harness: &'h Harness<'_, CorpusExplorerApp>, name: &str) -> &'h IndexedEntity {
    let index = harness.state().entities();
    index
        .live_entities()
        .map(|(_, e)| e)
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity named {name}"))
}

/// The entity with a mention overlapping `start..end` of document `doc`.
fn owner(index: &EntityIndex, doc: usize, start: usize, end: usize) -> Option<u32> {
    index
        .mentions_in(doc)
        .iter()
        .find(|m| m.start < end && start < m.end)
        .map(|m| m.entity)
}

fn person_names(harness: &Harness<'_, CorpusExplorerApp>) -> Vec<String> {
    let mut names: Vec<String> = harness
        .state()
        .entities()
        .live_entities()
        .map(|(_, e)| e)
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.clone())
        .collect();
    names.sort();
    names
}

/// Scrolls a button into view, then clicks it.
fn click_in_view(harness: &mut Harness<'_, CorpusExplorerApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run_steps(2);
    harness.get_by_label(label).click();
    harness.run_steps(2);
}

const INTERVIEW: &str = "Interview notes\n\nCARLOS MENDOZA\n\nCarlos Mendoza spent nineteen \
    years in the hills. Later the Mendoza family farm was sold. Carlos Mendoza said the \
    notebooks were burned. Nobody at the Mendoza farm kept copies; they grew the old mendoza grape.";
const MEETING: &str =
    "Meeting report\n\nCarlos Mendoza met Elena Vasquez in Bogota on 7 August 2017.";

/// Opens the interview with Ctrl+F on "mendoza"; returns the byte ranges of the matches.
fn find_mendoza(harness: &mut Harness<'_, CorpusExplorerApp>) -> Vec<(usize, usize)> {
    harness.get_by_label("Interview notes").click();
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run_steps(2);
    field(harness, "Find in document…").type_text("mendoza");
    harness.run_steps(3);
    let text = harness
        .state()
        .selected_document()
        .unwrap()
        .text
        .to_lowercase();
    text.match_indices("mendoza")
        .map(|(start, m)| (start, start + m.len()))
        .collect()
}

fn interview_index(harness: &Harness<'_, CorpusExplorerApp>) -> usize {
    harness
        .state()
        .documents()
        .iter()
        .position(|d| d.rel_path == "a.txt")
        .unwrap()
}

/// Steps the find bar to the first match no entity has, and returns its range.
fn go_to_free_match(
    harness: &mut Harness<'_, CorpusExplorerApp>,
    matches: &[(usize, usize)],
) -> (usize, usize) {
    let doc = interview_index(harness);
    let index = harness.state().entities();
    let free = matches
        .iter()
        .position(|&(s, e)| owner(index, doc, s, e).is_none())
        .expect("the engine leaves some \"Mendoza\" untagged");
    for _ in 0..free {
        harness.get_by_label("Next").click();
        harness.run_steps(2);
    }
    harness.get_by_label(&format!("{} of {}", free + 1, matches.len()));
    matches[free]
}

#[test]
fn marking_a_found_word_marks_only_that_match_as_written_and_leaves_other_names_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let mut harness = opened(tmp.path(), &[("a.txt", INTERVIEW), ("b.txt", MEETING)]);
    let carlos_before = entity_named(&harness, "Carlos Mendoza").mentions;
    let matches = find_mendoza(&mut harness);
    assert!(matches.len() >= 4, "{matches:?}");
    let (start, _) = go_to_free_match(&mut harness, &matches);
    harness.get_by_label("Mark as…").click();
    harness.run_steps(2);
    harness.get_by_label("Mark as person").click();
    harness.run_steps(3);

    let index = harness.state().entities();
    let marked = index
        .entity(index.find("person:mendoza").expect("marked"))
        .unwrap();
    let text = &harness.state().selected_document().unwrap().text;
    assert_eq!(
        marked.name,
        text[start..start + 7],
        "the text's own spelling"
    );
    assert_eq!(marked.mentions, 1, "the chosen match only");
    let doc = interview_index(&harness);
    let at = owner(index, doc, start, start + 1).unwrap();
    assert_eq!(index.entity(at).unwrap().id, "person:mendoza");
    assert_eq!(
        entity_named(&harness, "Carlos Mendoza").mentions,
        carlos_before,
        "Carlos Mendoza keeps every mention"
    );
}

#[test]
fn marking_everywhere_leaves_matches_inside_other_names_unless_told_and_can_join_a_name() {
    let tmp = tempfile::tempdir().unwrap();
    let mut harness = opened(tmp.path(), &[("a.txt", INTERVIEW), ("b.txt", MEETING)]);
    let carlos_before = entity_named(&harness, "Carlos Mendoza").mentions;
    // The engine may have a place "Mendoza" already; the marked text then joins it.
    let place_mentions = |h: &Harness<'_, CorpusExplorerApp>| {
        let index = h.state().entities();
        index
            .find("place:mendoza")
            .and_then(|i| index.entity(i))
            .map_or(0, |e| e.mentions as usize)
    };
    let places_before = place_mentions(&harness);
    let matches = find_mendoza(&mut harness);
    let doc = interview_index(&harness);
    let index = harness.state().entities();
    let owned = matches
        .iter()
        .filter(|&&(s, e)| owner(index, doc, s, e).is_some())
        .count();
    assert!(owned > 0, "some matches are inside \"Carlos Mendoza\"");
    harness.get_by_label("Mark as…").click();
    harness.run_steps(2);
    harness.get_by_label("In every document").click();
    harness.run_steps(2);
    // The menu says which name the matches belong to before anything is marked.
    let warning = |l: &str| l.contains("part of") && l.contains("\"Carlos Mendoza\" (person)");
    harness.get_by(|n| n.value().is_some_and(|l| warning(&l)));
    harness.get_by_label("Mark as place").click();
    harness.run_steps(3);
    assert_eq!(
        place_mentions(&harness) - places_before,
        matches.len() - owned,
        "only the free matches here (the other document has none free)"
    );
    assert_eq!(
        entity_named(&harness, "Carlos Mendoza").mentions,
        carlos_before
    );

    // Undo, then add the first free match to Carlos Mendoza instead.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(place_mentions(&harness), places_before);
    go_to_free_match(&mut harness, &matches);
    harness.get_by_label("Mark as…").click();
    harness.run_steps(2);
    harness.get_by_label("This match only").click();
    harness.run_steps(1);
    field(&harness, "Type a name…").focus();
    harness.run_steps(1);
    field(&harness, "Type a name…").type_text("carlos");
    harness.run_steps(2);
    harness
        .get_by_label("Add to \"Carlos Mendoza\" (person)")
        .click();
    harness.run_steps(3);
    let carlos = entity_named(&harness, "Carlos Mendoza");
    assert_eq!(carlos.mentions, carlos_before + 1);
    assert!(
        carlos.aliases.contains(&"mendoza".to_string()),
        "the spelling joins its names: {:?}",
        carlos.aliases
    );
    assert!(harness.state().entities().find("person:mendoza").is_none());
}

/// Amina Okafor in a, b; Chidi Okafor in d.
const FAMILY: [(&str, &str); 4] = [
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
];

#[test]
fn hiding_the_filtered_entity_drops_its_filter() {
    let tmp = tempfile::tempdir().unwrap();
    let mut harness = opened(tmp.path(), &FAMILY);
    harness.get_by_label("Chidi Okafor").click();
    harness.run_steps(2);
    assert_eq!(harness.state().filtered_documents(), ["d.txt"]);
    click_in_view(&mut harness, "Not an entity");
    assert!(
        harness.state().filters().is_empty(),
        "{:?}",
        harness.state().filters()
    );
    assert_eq!(harness.state().filtered_documents().len(), 4);
    assert!(
        harness
            .query_by(|n| n.label().is_some_and(|l| l.contains("no longer found")))
            .is_none()
    );
}

#[test]
fn a_filter_follows_its_entity_into_a_merge_and_an_empty_list_says_why() {
    let tmp = tempfile::tempdir().unwrap();
    let mut harness = opened(tmp.path(), &FAMILY);
    harness.get_by_label("Chidi Okafor").click();
    harness.run_steps(2);
    harness
        .get_by_label("Amina Okafor")
        .click_modifiers(Modifiers::COMMAND);
    harness.run_steps(2);
    assert!(harness.state().filtered_documents().is_empty());
    harness.get_by_label("No document matches all the filters: Chidi Okafor, Amina Okafor.");

    field(&harness, "Merge with… (type a name)").focus();
    harness.run_steps(1);
    field(&harness, "Merge with… (type a name)").type_text("chidi");
    harness.run_steps(2);
    // The pointer leaves the list for the details, as a hand on a mouse does.
    let details = harness
        .get_by_label("Merge \"Chidi Okafor\" into \"Amina Okafor\"")
        .rect();
    harness.event(Event::PointerMoved(
        details.left_top() - egui::vec2(0.0, 30.0),
    ));
    harness.run_steps(2);
    click_in_view(&mut harness, "Merge \"Chidi Okafor\" into \"Amina Okafor\"");
    assert_eq!(person_names(&harness), ["Amina Okafor"], "merged");
    assert_eq!(
        harness.state().filters(),
        [Filter::Entity {
            id: "person:amina-okafor".into()
        }],
        "the merged-away filter became the one it joined"
    );
    assert_eq!(
        harness.state().filtered_documents(),
        ["a.txt", "b.txt", "d.txt"]
    );
}

#[test]
fn shift_click_after_a_click_picks_the_row_that_was_under_the_pointer() {
    // By documents: Clara Mendes 4, Amina Okafor 3, Boris Lindqvist 2. Amina's documents
    // hold both of Boris's and one of Clara's, so filtering by Amina would re-sort them.
    let tmp = tempfile::tempdir().unwrap();
    let docs = [
        (
            "d1.txt",
            "Note one\n\nAmina Okafor met Boris Lindqvist at the port.",
        ),
        (
            "d2.txt",
            "Note two\n\nBoris Lindqvist wrote to Amina Okafor about the cargo.",
        ),
        (
            "d3.txt",
            "Note three\n\nAmina Okafor called Clara Mendes about the cargo.",
        ),
        ("d4.txt", "Note four\n\nClara Mendes visited the archive."),
        ("d5.txt", "Note five\n\nClara Mendes signed the letter."),
        ("d6.txt", "Note six\n\nClara Mendes left the city."),
    ];
    let mut harness = opened(tmp.path(), &docs);
    assert_eq!(
        person_names(&harness),
        ["Amina Okafor", "Boris Lindqvist", "Clara Mendes"]
    );
    let row = |h: &Harness<'_, CorpusExplorerApp>, name: &str| h.get_by_label(name).rect().center();
    let (amina, boris) = (
        row(&harness, "Amina Okafor"),
        row(&harness, "Boris Lindqvist"),
    );
    assert!(row(&harness, "Clara Mendes").y < amina.y && amina.y < boris.y);

    click_at(&mut harness, amina, Modifiers::NONE);
    assert_eq!(harness.state().filtered_documents().len(), 3);
    // The pointer has not left the list: Boris is still where he was.
    harness.event(Event::ModifiersChanged(Modifiers::SHIFT));
    click_at(&mut harness, boris, Modifiers::SHIFT);
    harness.event(Event::ModifiersChanged(Modifiers::NONE));
    harness.get_by_label("2 picked to merge");
    click_in_view(&mut harness, "Merge 2");
    assert_eq!(
        person_names(&harness),
        ["Amina Okafor", "Clara Mendes"],
        "Boris joined Amina"
    );
}
