//! Replaying corrections: each kind, their order, and the ones that no longer fit.
use super::*;
use crate::entities::index::tests::entity;
use crate::extract::MergeSuggestion;

fn extraction() -> Extraction {
    let mut gaddafi = entity("person:gaddafi", EntityKind::Person, &[("a", 0)]);
    gaddafi.name = "Muammar Gaddafi".into();
    let mut qadhafi = entity("person:qadhafi", EntityKind::Person, &[("b", 5)]);
    qadhafi.name = "Moammar Qadhafi".into();
    qadhafi.mentions[0].text = "Moammar Qadhafi".into();
    Extraction {
        entities: vec![
            gaddafi,
            qadhafi,
            entity("person:unicef", EntityKind::Person, &[("c", 0)]),
        ],
        suggestions: vec![MergeSuggestion {
            entities: vec!["person:gaddafi".into(), "person:qadhafi".into()],
            reason: "transliteration variant".into(),
        }],
    }
}

fn merge() -> Correction {
    Correction::Merge {
        into: "person:gaddafi".into(),
        others: vec!["person:qadhafi".into()],
    }
}

#[test]
fn merge_keeps_the_target_id_with_both_spellings_and_all_mentions() {
    let base = extraction();
    let (out, problems) = apply_corrections(&base, &[merge()]);
    assert!(problems.is_empty());
    assert_eq!(out.entities.len(), 2);
    let merged = &out.entities[0];
    assert_eq!(merged.id, "person:gaddafi");
    assert_eq!(merged.aliases, ["Moammar Qadhafi"]);
    assert_eq!(merged.mentions.len(), 2);
    assert!(
        out.suggestions.is_empty(),
        "a suggestion already followed goes"
    );
}

#[test]
fn rename_retype_and_hide_apply_in_order() {
    let base = extraction();
    let corrections = [
        Correction::Rename {
            id: "person:gaddafi".into(),
            name: "Muammar al-Gaddafi".into(),
        },
        Correction::Retype {
            id: "person:unicef".into(),
            kind: EntityKind::Organization,
        },
        Correction::Hide {
            id: "person:qadhafi".into(),
        },
    ];
    let (out, problems) = apply_corrections(&base, &corrections);
    assert!(problems.is_empty());
    assert_eq!(out.entities[0].name, "Muammar al-Gaddafi");
    assert_eq!(out.entities[0].aliases, ["Muammar Gaddafi"]);
    assert_eq!(out.entities[1].kind, EntityKind::Organization);
    assert_eq!(out.entities.len(), 2);
}

#[test]
fn a_correction_whose_entity_is_gone_is_reported() {
    let base = extraction();
    let corrections = [
        Correction::Hide {
            id: "person:gaddafi".into(),
        },
        merge(),
    ];
    let (out, problems) = apply_corrections(&base, &corrections);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].position, 1);
    assert!(
        problems[0].message.contains("person:gaddafi"),
        "{problems:?}"
    );
    assert_eq!(out.entities.len(), 2, "the failed merge changed nothing");
}

#[test]
fn dismissed_suggestions_stay_dismissed() {
    let base = extraction();
    let dismiss = Correction::DismissSuggestion {
        entities: vec!["person:qadhafi".into(), "person:gaddafi".into()],
    };
    let (out, _) = apply_corrections(&base, &[dismiss]);
    assert!(out.suggestions.is_empty());
    let (kept, _) = apply_corrections(&base, &[]);
    assert_eq!(kept.suggestions.len(), 1);
}

#[test]
fn split_takes_an_alias_back_out_with_its_mentions() {
    let base = extraction();
    let (merged, _) = apply_corrections(&base, &[merge()]);
    let split = Correction::Split {
        id: "person:gaddafi".into(),
        alias: "Moammar Qadhafi".into(),
    };
    let (out, problems) = apply_corrections(&base, &[merge(), split]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(out.entities.len(), merged.entities.len() + 1);
    let back = out
        .entities
        .iter()
        .find(|e| e.name == "Moammar Qadhafi")
        .expect("split out");
    assert_eq!(back.mentions.len(), 1);
    assert!(out.entities[0].aliases.is_empty());
}

#[test]
fn hiding_one_mention_keeps_the_others() {
    let base = extraction();
    let hide = Correction::HideMention {
        id: "person:gaddafi".into(),
        path: "a".into(),
        start: 0,
    };
    let (out, _) = apply_corrections(&base, &[merge(), hide]);
    assert_eq!(out.entities[0].mentions.len(), 1);
    assert_eq!(&*out.entities[0].mentions[0].path, "b");
}

#[test]
fn added_text_becomes_an_entity_and_wins_over_overlapping_mentions() {
    let base = extraction();
    let add = Correction::Add {
        kind: EntityKind::Organization,
        name: "UNICEF".into(),
        mentions: vec![
            MarkedText {
                path: "c".into(),
                start: 0,
                end: 6,
                text: String::new(),
            },
            MarkedText {
                path: "d".into(),
                start: 10,
                end: 16,
                text: String::new(),
            },
        ],
    };
    let (out, problems) = apply_corrections(&base, &[add]);
    assert!(problems.is_empty());
    let org = out
        .entities
        .iter()
        .find(|e| e.id == "organization:unicef")
        .expect("added");
    assert_eq!(org.kind, EntityKind::Organization);
    assert_eq!(org.mentions.len(), 2);
    let person = out
        .entities
        .iter()
        .find(|e| e.id == "person:unicef")
        .expect("kept");
    assert!(person.mentions.is_empty(), "its only mention was re-marked");
}

#[test]
fn a_marked_date_gets_its_value_and_a_date_value_can_be_set() {
    let base = extraction();
    let add = Correction::Add {
        kind: EntityKind::Date,
        name: "3 March 1999".into(),
        mentions: vec![MarkedText {
            path: "z".into(),
            start: 0,
            end: 12,
            text: String::new(),
        }],
    };
    let set = Correction::SetDate {
        id: "person:unicef".into(),
        value: "1980s".into(),
    };
    let (out, problems) = apply_corrections(&base, &[add, set]);
    assert!(problems.is_empty());
    let date = out
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Date)
        .expect("added");
    assert_eq!(date.value.as_deref(), Some("1999-03-03"));
    let fixed = out
        .entities
        .iter()
        .find(|e| e.id == "person:unicef")
        .expect("kept");
    assert_eq!(fixed.value.as_deref(), Some("1980s"));
}

#[test]
fn marked_text_keeps_its_own_spelling_and_can_join_an_existing_entity() {
    let base = extraction();
    let marked = |path: &str, text: &str| MarkedText {
        path: path.into(),
        start: 40,
        end: 40 + text.len(),
        text: text.into(),
    };
    let add = Correction::Add {
        kind: EntityKind::Person,
        name: "Mendoza".into(),
        mentions: vec![marked("a", "Mendoza"), marked("b", "MENDOZA")],
    };
    let join = Correction::AddMentions {
        id: "person:gaddafi".into(),
        mentions: vec![marked("c", "Gadafy")],
    };
    let (out, problems) = apply_corrections(&base, &[add, join]);
    assert!(problems.is_empty());
    let added = out
        .entities
        .iter()
        .find(|e| e.id == "person:mendoza")
        .expect("added");
    let spellings: Vec<&str> = added.mentions.iter().map(|m| &*m.text).collect();
    assert_eq!(spellings, ["Mendoza", "MENDOZA"]);
    assert_eq!(added.aliases, ["MENDOZA"]);
    let gaddafi = &out.entities[0];
    assert_eq!(gaddafi.mentions.len(), 2);
    assert!(gaddafi.aliases.contains(&"Gadafy".to_string()));
    let (_, problems) = apply_corrections(
        &base,
        &[Correction::AddMentions {
            id: "person:nobody".into(),
            mentions: vec![marked("a", "Nobody")],
        }],
    );
    assert_eq!(problems.len(), 1, "an entity that is gone is reported");
}
