use std::sync::Arc;

use super::*;
use crate::extract::Mention;

fn entity(kind: EntityKind, name: &str, documents: &[&str]) -> Entity {
    Entity {
        id: format!("{}:{}", kind.key(), crate::extract::variants::slug(name)),
        kind,
        name: name.to_string(),
        aliases: Vec::new(),
        mentions: documents
            .iter()
            .map(|path| Mention {
                path: Arc::from(*path),
                start: 0,
                end: name.len(),
                text: Arc::from(name),
            })
            .collect(),
        lat: None,
        lon: None,
        country: None,
        value: None,
        inferred: false,
    }
}

fn person(name: &str) -> Entity {
    entity(EntityKind::Person, name, &["a.txt"])
}

fn organization(name: &str) -> Entity {
    entity(EntityKind::Organization, name, &["a.txt"])
}

/// The reason given for suggesting `a` and `b` together, if they are.
fn reason(entities: &[Entity], a: &str, b: &str) -> Option<String> {
    let find = |name: &str| {
        entities
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.id.clone())
    };
    let (a, b) = (find(a)?, find(b)?);
    suggest(entities)
        .into_iter()
        .find(|s| s.entities.contains(&a) && s.entities.contains(&b))
        .map(|s| s.reason)
}

#[test]
fn transliterations_of_one_full_name_are_suggested() {
    for (a, b) in [
        ("Abd al-Rahman Qasim", "Abdul Rahman Qasim"),
        ("Abdulrahman Qasim", "Abd al-Rahman Qasim"),
        ("Mohammed Abdel Aziz", "Muhammad Abdul Aziz"),
        ("Mahmoud Ahmadinejad", "Mahmud Ahmadinezhad"),
        ("Akbar Hashemi-e Rafsanjani", "Akbar Hashemi Rafsanjani"),
    ] {
        let entities = [person(a), person(b)];
        assert_eq!(
            reason(&entities, a, b).as_deref(),
            Some("same name, transliterated differently"),
            "{a} / {b}"
        );
    }
}

#[test]
fn names_that_only_sound_alike_are_not_suggested() {
    for (a, b) in [
        ("Kurt Abbott", "Milton Obote"),
        ("Mentmore Abbey", "Shinzo Abe"),
        ("Hassan Nasrallah", "Hussein Nasrallah"),
        ("Ali Hassan", "Ali Hussein"),
        ("Ali Gaddafi", "Muammar Qadhafi"),
        ("George H. Bush", "George W. Bush"),
    ] {
        let entities = [person(a), person(b)];
        assert_eq!(reason(&entities, a, b), None, "{a} / {b}");
    }
}

#[test]
fn a_middle_name_more_is_suggested() {
    let entities = [person("George W. Bush"), person("George Bush")];
    assert_eq!(
        reason(&entities, "George W. Bush", "George Bush").as_deref(),
        Some("same first and last name, one with a middle name")
    );
}

#[test]
fn a_bare_surname_goes_with_the_full_name_it_is_used_with() {
    let entities = [
        entity(EntityKind::Person, "Laura Bush", &["a.txt", "c.txt"]),
        entity(EntityKind::Person, "George Bush", &["a.txt", "b.txt"]),
        entity(EntityKind::Person, "Bush", &["a.txt", "b.txt"]),
        entity(EntityKind::Person, "Milton Obote", &["d.txt"]),
        entity(EntityKind::Person, "Obote", &["e.txt"]),
    ];
    assert_eq!(
        reason(&entities, "Bush", "George Bush").as_deref(),
        Some("“Bush” used alone in 2 documents that also name George Bush")
    );
    assert_eq!(reason(&entities, "Bush", "Laura Bush"), None);
    let transliterated = [
        entity(EntityKind::Person, "Moammar Qadhafi", &["a.txt"]),
        entity(EntityKind::Person, "Kadafi", &["b.txt"]),
    ];
    assert_eq!(suggest(&transliterated).len(), 1);
    let look_alike = [
        entity(EntityKind::Person, "Robert Dudley", &["a.txt"]),
        entity(EntityKind::Person, "Total", &["b.txt"]),
    ];
    assert!(
        suggest(&look_alike).is_empty(),
        "{:?}",
        suggest(&look_alike)
    );
    assert_eq!(
        reason(&entities, "Obote", "Milton Obote").as_deref(),
        Some("“Obote” used alone; Milton Obote is the only person with this surname")
    );
}

#[test]
fn a_bare_surname_shared_by_two_people_is_not_guessed() {
    let entities = [
        entity(EntityKind::Person, "Amina Okafor", &["a.txt"]),
        entity(EntityKind::Person, "Chidi Okafor", &["b.txt"]),
        entity(EntityKind::Person, "Okafor", &["c.txt"]),
    ];
    assert!(suggest(&entities).is_empty());
}

#[test]
fn acronyms_meet_their_long_forms_in_any_language() {
    for (short, long) in [
        ("FARC", "Fuerzas Armadas Revolucionarias de Colombia"),
        ("PKK", "Partiya Karkerên Kurdistanê"),
        ("ICRC", "International Committee of the Red Cross"),
        ("BOE", "Bank of England"),
        ("IDB", "Inter-American Development Bank"),
    ] {
        let entities = [organization(short), organization(long)];
        assert_eq!(
            reason(&entities, short, long),
            Some(format!("“{short}” is the initials of “{long}”")),
        );
    }
    let translated = [
        organization("FARC"),
        organization("Revolutionary Armed Forces of Colombia"),
    ];
    assert_eq!(
        reason(
            &translated,
            "FARC",
            "Revolutionary Armed Forces of Colombia"
        )
        .as_deref(),
        Some(
            "“FARC” has the initials of “Revolutionary Armed Forces of Colombia” in another \
             order, as in a name from another language"
        )
    );
}

#[test]
fn two_letters_or_another_order_need_a_shared_document() {
    let apart = [
        entity(EntityKind::Organization, "AU", &["a.txt"]),
        entity(EntityKind::Organization, "Al-Azhar University", &["b.txt"]),
        entity(EntityKind::Organization, "USAID", &["a.txt"]),
        entity(
            EntityKind::Organization,
            "United Iraqi Shiite Alliance Directorate",
            &["b.txt"],
        ),
    ];
    assert!(suggest(&apart).is_empty(), "{:?}", suggest(&apart));
    let together = [
        entity(EntityKind::Organization, "PA", &["a.txt"]),
        entity(
            EntityKind::Organization,
            "Palestinian Authority",
            &["a.txt"],
        ),
    ];
    assert_eq!(suggest(&together).len(), 1);
}

#[test]
fn acronyms_without_matching_initials_are_not_suggested() {
    for (short, long) in [
        ("UN", "Coalition for Open Archives"),
        ("CIA", "American Civil Institute"),
        ("Reuters", "Radio Europe Union"),
        ("ABC", "Alpha Bravo"),
        ("AC-130", "Anti-Corruption Commission"),
        ("UN", "U.S. Navy"),
    ] {
        let entities = [organization(short), organization(long)];
        assert_eq!(reason(&entities, short, long), None, "{short} / {long}");
    }
}

/// Families of names, each with its own variants (a transliteration, another given name,
/// a bare surname, a middle name, an organisation and its acronym), as in a corpus where
/// most names are rare.
fn synthetic(n: usize) -> Vec<Entity> {
    const SYLLABLES: [&str; 24] = [
        "ka", "lo", "mi", "ran", "sul", "te", "bo", "dar", "fen", "gi", "hal", "jo", "ku", "lem",
        "nor", "pa", "qui", "ros", "sa", "tor", "um", "val", "wen", "zi",
    ];
    const GIVEN: [&str; 7] = ["Amina", "Chidi", "Ruth", "Tomas", "Leila", "Kwame", "Olga"];
    let surname = |mut j: usize| -> String {
        let mut w = String::from("B");
        for _ in 0..3 {
            w.push_str(SYLLABLES[j % SYLLABLES.len()]);
            j /= SYLLABLES.len();
        }
        w
    };
    (0..n / 8)
        .flat_map(|j| {
            let (given, other, family) = (GIVEN[j % 7], GIVEN[(j + 1) % 7], surname(j));
            [
                person(&format!("{given} {family}")),
                person(&format!("{given} al-{family}")),
                person(&format!("{other} {family}")),
                person(&family),
                person(&format!("{given} Q. {family}")),
                organization(&format!("{family} Liberation Front")),
                organization("BLF"),
                organization(&format!("{family} Workers Party")),
            ]
        })
        .collect()
}

#[test]
fn comparisons_grow_with_the_entities_not_their_pairs() {
    let small = suggest_counting(&synthetic(2_000)).1;
    let large = suggest_counting(&synthetic(8_000)).1;
    assert!(small > 0, "the synthetic names give candidates to compare");
    assert!(
        large as f64 <= 4.5 * small as f64,
        "4× the entities cost {large} comparisons against {small}"
    );
    assert!(
        large <= 8_000 * CROWDED,
        "{large} comparisons for 8,000 entities"
    );
}

#[test]
fn an_organisation_named_by_its_last_words_is_suggested() {
    let entities = [
        entity(
            EntityKind::Organization,
            "International Committee of the Red Cross",
            &["a.txt"],
        ),
        entity(EntityKind::Organization, "Red Cross", &["b.txt"]),
    ];
    assert_eq!(
        reason(
            &entities,
            "Red Cross",
            "International Committee of the Red Cross"
        )
        .as_deref(),
        Some(
            "“Red Cross” is how “International Committee of the Red Cross” ends, and no other name ends so"
        )
    );
    let two = [
        entity(EntityKind::Organization, "Kenya Red Cross", &["a.txt"]),
        entity(EntityKind::Organization, "American Red Cross", &["b.txt"]),
        entity(EntityKind::Organization, "Red Cross", &["c.txt"]),
    ];
    assert!(suggest(&two).is_empty(), "{:?}", suggest(&two));
    let after_and = [
        organization("Union Solidarity and Development Party"),
        organization("Development Party"),
    ];
    assert!(suggest(&after_and).is_empty(), "{:?}", suggest(&after_and));
}

#[test]
fn two_spellings_of_one_full_name_do_not_hide_its_surname() {
    let entities = [
        entity(EntityKind::Person, "Abd al-Rahman Qasim", &["a.txt"]),
        entity(EntityKind::Person, "Abdul Rahman Qasim", &["a.txt"]),
        entity(EntityKind::Person, "Qasim", &["a.txt"]),
    ];
    let suggestions = suggest(&entities);
    let surname: Vec<_> = suggestions
        .iter()
        .filter(|s| s.entities.contains(&"person:qasim".to_string()))
        .collect();
    assert_eq!(surname.len(), 1, "{suggestions:?}");
}
