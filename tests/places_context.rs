//! Places read from their context, on the built-in gazetteer and name model: spellings
//! of one place are one entity, ambiguous names follow the document's other places,
//! sites never land on a town of their name, and a place-like name used as an
//! organisation is one.

use std::sync::atomic::AtomicBool;

use corpus_explorer::extract::{Entity, EntityKind, Extraction, Extractor, extract_corpus};

fn extract(docs: &[(&str, &str)]) -> Extraction {
    let extractor = Extractor::load_embedded().expect("the built-in extractor loads");
    extract_corpus(&extractor, docs, &AtomicBool::new(false), |_, _| {}).expect("not cancelled")
}

/// The entities of `kind` whose name or an alias is `name`.
fn named<'a>(x: &'a Extraction, kind: EntityKind, name: &str) -> Vec<&'a Entity> {
    x.entities
        .iter()
        .filter(|e| e.kind == kind && (e.name == name || e.aliases.iter().any(|a| a == name)))
        .collect()
}

fn paths(e: &Entity) -> Vec<&str> {
    let mut paths: Vec<&str> = e.mentions.iter().map(|m| &*m.path).collect();
    paths.dedup();
    paths
}

#[test]
fn old_and_new_names_of_a_place_are_one_entity() {
    let x = extract(&[
        (
            "a.txt",
            "Flights from Bombay were cancelled. Officials in Peking said talks would go on.",
        ),
        (
            "b.txt",
            "Police in Mumbai said they had heard nothing from Beijing.",
        ),
    ]);
    for (old, new, country) in [("Bombay", "Mumbai", "IN"), ("Peking", "Beijing", "CN")] {
        let found = named(&x, EntityKind::Place, old);
        assert_eq!(found.len(), 1, "{old}: {found:?}");
        let place = found[0];
        assert!(
            place.name == new || place.aliases.iter().any(|a| a == new),
            "{place:?}"
        );
        assert_eq!(place.country.as_deref(), Some(country));
        assert_eq!(paths(place), ["a.txt", "b.txt"]);
    }
}

#[test]
fn paris_is_in_texas_beside_dallas_and_in_france_otherwise() {
    let x = extract(&[
        (
            "a.txt",
            "The fair moved from Dallas to Paris and then to Houston.",
        ),
        (
            "b.txt",
            "Negotiators met in Paris. The United States said talks would resume.",
        ),
    ]);
    let paris = named(&x, EntityKind::Place, "Paris");
    let mut found: Vec<(Vec<&str>, Option<&str>)> = paris
        .iter()
        .map(|e| (paths(e), e.country.as_deref()))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [(vec!["a.txt"], Some("US")), (vec!["b.txt"], Some("FR"))]
    );
}

#[test]
fn a_camp_the_gazetteer_lacks_has_no_coordinates_and_a_known_site_has_its_own() {
    let x = extract(&[
        (
            "a.txt",
            "Troops at Camp Bastion said the convoy had left before dawn.",
        ),
        (
            "b.txt",
            "He was held in Bagram prison for a year. Bagram is north of Kabul.",
        ),
    ]);
    let bastion = named(&x, EntityKind::Place, "Camp Bastion");
    assert_eq!(bastion.len(), 1, "{:?}", x.entities);
    assert_eq!(
        (bastion[0].lat, bastion[0].country.as_deref()),
        (None, None)
    );
    let bagram = named(&x, EntityKind::Place, "Bagram");
    assert_eq!(bagram.len(), 1, "{bagram:?}");
    assert_eq!(bagram[0].country.as_deref(), Some("AF"));
    assert_eq!(bagram[0].mentions.len(), 2, "{:?}", bagram[0]);
}

#[test]
fn place_like_names_that_speak_are_organisations() {
    let x = extract(&[(
        "a.txt",
        "NATO said on Monday it would send more troops to Kabul. The White House announced \
         new sanctions, and the Kremlin said it would respond.",
    )]);
    for org in ["NATO", "White House", "Kremlin"] {
        assert_eq!(
            named(&x, EntityKind::Organization, org).len(),
            1,
            "{org}: {:?}",
            x.entities
        );
        assert!(named(&x, EntityKind::Place, org).is_empty(), "{org}");
    }
    assert_eq!(named(&x, EntityKind::Place, "Kabul").len(), 1);
}
