//! Tests on a small hand-written TSV and on the embedded asset.

use super::*;

const SMALL: &str = "\
# a tiny gazetteer in the asset's format
P\tcountry\tFrance\tFR\t\t46.0\t2.0\t66000000\t0\tFrench Republic
P\tcountry\tUnited States\tUS\t\t38.0\t-97.0\t327000000\t0\tUSA|US
P\tcity\tParis\tFR\t11\t48.85\t2.35\t2138551\t0\tLutetia
P\tcity\tParis\tUS\tTX\t33.66\t-95.56\t24782\t0\t
P\tcity\tKöln\tDE\t07\t50.93\t6.95\t1024621\t0\tCologne|Koeln
P\tcity\tReading\tGB\tENG\t51.46\t-0.97\t318014\t0\t
P\tsite\tRafah crossing\tPS\t\t31.25\t34.26\t0\t0\tRafah Border Crossing
P\tregion\tSahel\t\t\t15.0\t0.0\t0\t0\tthe Sahel
D\tFrench\tFR
D\tKurdish\t
W\tReading
";

fn small() -> Gazetteer {
    Gazetteer::from_tsv(SMALL).expect("the small TSV parses")
}

fn names(g: &Gazetteer, ids: &[PlaceId]) -> Vec<(String, String)> {
    ids.iter()
        .map(|&id| (g.place(id).name.clone(), g.place(id).country.clone()))
        .collect()
}

#[test]
fn lookup_ignores_case_accents_and_finds_aliases() {
    let g = small();
    assert_eq!(names(&g, g.lookup("koln")), [("Köln".into(), "DE".into())]);
    assert_eq!(g.lookup("COLOGNE"), g.lookup("Köln"));
    assert_eq!(g.lookup("Lutetia"), g.lookup("Lutetia"));
    assert_eq!(g.lookup("paris").len(), 2);
    assert!(g.lookup("Atlantis").is_empty());
    // "Rafah Border Crossing" is the longest name.
    assert_eq!(g.max_name_words(), 3);
}

#[test]
fn resolve_prefers_context_then_kind_and_population() {
    let g = small();
    let paris = g.lookup("Paris");
    let by_default = g.resolve(paris, &[]).map(|id| g.place(id).country.as_str());
    assert_eq!(by_default, Some("FR"));
    let in_us = g
        .resolve(paris, &["US"])
        .map(|id| g.place(id).admin1.clone());
    assert_eq!(in_us, Some(Some("TX".to_string())));
    let lower_case_context = g
        .resolve(paris, &["us"])
        .map(|id| g.place(id).country.as_str());
    assert_eq!(lower_case_context, Some("US"));
    assert_eq!(g.resolve(&[], &["FR"]), None);
}

#[test]
fn countries_demonyms_and_common_words() {
    let g = small();
    let france = g.country("fr").map(|id| g.place(id).name.as_str());
    assert_eq!(france, Some("France"));
    assert_eq!(g.country("XX"), None);
    assert!(g.is_demonym("French"));
    assert!(g.is_demonym("Frenchmen"));
    assert!(g.is_demonym("Kurdish"));
    assert_eq!(g.demonym_country("french"), Some("FR"));
    assert_eq!(g.demonym_country("Kurdish"), Some(""));
    assert!(!g.is_demonym("France"));
    assert!(g.lookup("French").is_empty());
    assert!(g.is_common_word("reading"));
    assert!(!g.is_common_word("Paris"));
}

#[test]
fn candidates_are_listed_best_first() {
    let g = small();
    let countries: Vec<&str> = g
        .candidates_for("Paris")
        .iter()
        .map(|p| p.country.as_str())
        .collect();
    assert_eq!(countries, ["FR", "US"]);
    let sahel = g.candidates_for("the sahel");
    assert_eq!(sahel.len(), 1);
    assert!(sahel[0].country.is_empty());
}

#[test]
fn malformed_lines_are_reported_with_their_number() {
    let bad = "P\tcity\tParis\tFR\t\tnorth\t2.35\t1\t0\t\n";
    match Gazetteer::from_tsv(bad) {
        Err(GazetteerError::Malformed { line, reason }) => {
            assert_eq!(line, 1);
            assert!(reason.contains("north"), "{reason}");
        }
        other => panic!("expected a malformed-line error, got {other:?}"),
    }
    assert!(Gazetteer::from_tsv("P\tcity\tX\tFR\t\t91\t0\t0\t0\n").is_err());
    assert!(Gazetteer::from_tsv("Q\tsomething\n").is_err());
}

/// The embedded asset, loaded once for all the tests below.
fn embedded() -> &'static Gazetteer {
    Gazetteer::shared().expect("the embedded gazetteer loads")
}

fn resolved(name: &str, context: &[&str]) -> Option<&'static Place> {
    let g = embedded();
    g.resolve(g.lookup(name), context).map(|id| g.place(id))
}

#[test]
fn embedded_paris_depends_on_context() {
    let default = resolved("Paris", &[]).expect("Paris is known");
    assert_eq!(default.country, "FR");
    let in_us = resolved("Paris", &["US"]).expect("Paris is known");
    assert_eq!(
        (in_us.country.as_str(), in_us.admin1.as_deref()),
        ("US", Some("TX"))
    );
}

#[test]
fn embedded_old_and_new_names_meet() {
    let g = embedded();
    let kyiv = g.resolve(g.lookup("Kyiv"), &[]);
    assert!(kyiv.is_some());
    assert_eq!(g.resolve(g.lookup("Kiev"), &[]), kyiv);
    assert_eq!(g.resolve(g.lookup("KIEV"), &[]), kyiv);
    let pairs = [
        ("Bombay", "Mumbai"),
        ("Peking", "Beijing"),
        ("Calcutta", "Kolkata"),
        ("Saigon", "Ho Chi Minh City"),
        ("Cologne", "Köln"),
        ("koln", "Köln"),
    ];
    for (old, current) in pairs {
        let place = resolved(old, &[]).unwrap_or_else(|| panic!("{old} is known"));
        assert_eq!(place.name, current, "{old}");
    }
}

#[test]
fn embedded_sites_countries_and_demonyms() {
    let g = embedded();
    assert_eq!(
        resolved("Dadaab", &[]).map(|p| p.country.as_str()),
        Some("KE")
    );
    assert_eq!(
        resolved("Zaatari", &[]).map(|p| p.country.as_str()),
        Some("JO")
    );
    assert_eq!(
        resolved("Guantanamo Bay", &[]).map(|p| p.country.as_str()),
        Some("CU")
    );
    for (name, iso) in [
        ("Brazil", "BR"),
        ("Côte d'Ivoire", "CI"),
        ("Ivory Coast", "CI"),
        ("United Kingdom", "GB"),
        ("USA", "US"),
    ] {
        let place = resolved(name, &[]).unwrap_or_else(|| panic!("{name} is known"));
        assert_eq!(
            (place.kind, place.country.as_str()),
            (PlaceKind::Country, iso),
            "{name}"
        );
    }
    assert!(g.is_demonym("French"));
    assert!(g.is_demonym("Nigerians"));
    assert!(g.lookup("French").is_empty(), "a demonym is not a place");
    assert!(g.country("FR").is_some());
}

#[test]
fn embedded_common_words_are_kept_for_big_cities_and_marked() {
    let g = embedded();
    // Reading (UK, 318,000 people) stays a place but is marked as an everyday word.
    assert_eq!(
        resolved("Reading", &[]).map(|p| p.country.as_str()),
        Some("GB")
    );
    assert!(g.is_common_word("Reading"));
    assert!(g.is_common_word("Nice"));
    // Small towns named with common words are dropped: Best (NL), Of (TR).
    assert!(g.lookup("Best").is_empty());
    assert!(g.lookup("Of").is_empty());
    assert!(!g.is_common_word("Paris"));
    assert!(!g.is_common_word("Berlin"));
}

#[test]
fn embedded_aliases_do_not_steal_bigger_places_names() {
    // "Nis" is an old name of Nice, but Niš (Serbia) owns it.
    let nis = resolved("Nis", &[]).expect("Niš is known");
    assert_eq!(nis.country, "RS");
    // No small town's alias "Victoria" outranks the real Victorias: the
    // Australian state (a region), or a city of 200,000 or more.
    let victoria = resolved("Victoria", &[]).expect("Victoria is known");
    assert!(
        victoria.kind == PlaceKind::Region || victoria.population > 200_000,
        "{victoria:?}"
    );
    // With Canada mentioned, the Canadian city.
    let in_canada = resolved("Victoria", &["CA"]).expect("Victoria is known");
    assert_eq!(in_canada.country, "CA");
}
