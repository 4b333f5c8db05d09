//! One document's places read from their context. A name with a site word ("Camp
//! Bastion", "the Zarqa camp", "Bagram prison") names a site, and the bare name elsewhere
//! in the document is that site; a site the gazetteer lacks keeps no coordinates rather
//! than landing on a town that shares its name. Other names are resolved by the places
//! around them: "Paris" beside "Dallas" is in Texas, beside "Lyon" in France.

use foldhash::{HashMap, HashMapExt};

use super::EntityKind;
use super::document::{DocMention, ResolvedPlace};
use super::gazetteer::{Gazetteer, Place, PlaceId, PlaceKind, fold_name};

/// A country named in a document does not move a name to a namesake this many times
/// smaller than its first choice: Paris, Texas has 1/86 of the people of Paris; Tripoli,
/// Lebanon 1/5 of those of Tripoli, Libya.
const OUTWEIGHED: u64 = 20;

/// A city this big is a city even when a site is named after it ("a Baghdad prison"):
/// the bare name stays the city.
const BIG_CITY: u64 = 100_000;

/// Words that make a place name a site's name: "Zarqa camp", "Bagram prison", "Kandahar
/// air base", and words that may stand before them ("refugee camp", "air base").
const SITE_HEADS: [&str; 6] = ["camp", "prison", "base", "airbase", "jail", "camps"];
const SITE_MODIFIERS: [&str; 6] = ["refugee", "air", "naval", "military", "army", "detention"];

/// Coordinates for each place mention of one document, read from its context.
pub(super) fn resolve_places(gaz: &Gazetteer, text: &str, mentions: &mut [DocMention]) {
    let sites = name_sites(gaz, text, mentions);
    let mut names: Vec<String> = Vec::new();
    let mut name_of: Vec<Option<usize>> = vec![None; mentions.len()];
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != EntityKind::Place || sites.contains_key(&fold_name(&m.key)) {
            continue;
        }
        let folded = fold_name(&m.text);
        let next = names.len();
        let n = *index.entry(folded).or_insert_with(|| {
            names.push(m.text.clone());
            next
        });
        name_of[i] = Some(n);
    }
    let chosen = resolve_names(gaz, &names);
    for (m, n) in mentions.iter_mut().zip(name_of) {
        m.place = match n {
            Some(n) => chosen[n],
            None if m.kind == EntityKind::Place => sites.get(&fold_name(&m.key)).copied().flatten(),
            None => None,
        }
        .map(|id| resolved(gaz, id));
    }
}

fn resolved(gaz: &Gazetteer, id: PlaceId) -> ResolvedPlace {
    let place = gaz.place(id);
    ResolvedPlace {
        id,
        country: place.country.clone(),
        lat: place.lat,
        lon: place.lon,
    }
}

/// The place each distinct name of a document stands for. Each name's first choice
/// (kind, then size) is the context of the others. A first choice in a country of the
/// context stays. Otherwise a name goes to the candidate in the same first-level
/// division as another place of the document ("Paris" beside "Dallas"), then to one in
/// a country the document names, unless the first choice is a country or far bigger
/// ("Paris" in a text that names the United States is still in France).
fn resolve_names(gaz: &Gazetteer, names: &[String]) -> Vec<Option<PlaceId>> {
    let candidates: Vec<&[PlaceId]> = names.iter().map(|n| gaz.lookup(n)).collect();
    let first: Vec<Option<PlaceId>> = candidates.iter().map(|c| gaz.resolve(c, &[])).collect();
    let mut context = Context::default();
    for id in first.iter().flatten() {
        context.add(gaz.place(*id));
    }
    candidates
        .iter()
        .zip(&first)
        .map(|(candidates, first)| {
            let first = (*first)?;
            if candidates.len() < 2 {
                return Some(first);
            }
            Some(choose(gaz, candidates, first, &context))
        })
        .collect()
}

fn choose(gaz: &Gazetteer, candidates: &[PlaceId], first: PlaceId, context: &Context) -> PlaceId {
    let own = gaz.place(first);
    // A first choice the context agrees with stays: "Lagos" beside "Ikeja" is the
    // city or the state, both in Nigeria, whichever the gazetteer ranks first.
    if context.division_of(own, own) || context.country_of(own, own) {
        return first;
    }
    let outweighed = |place: &Place| {
        own.population > 0 && place.population.saturating_mul(OUTWEIGHED) < own.population
    };
    let fit = |id: PlaceId| {
        let place = gaz.place(id);
        if context.division_of(place, own) {
            2
        } else if own.kind != PlaceKind::Country
            && context.named_country(place, own)
            && !outweighed(place)
        {
            1
        } else {
            0
        }
    };
    let best = candidates
        .iter()
        .map(|&id| fit(id))
        .max()
        .unwrap_or_default();
    if best == 0 {
        return first;
    }
    // Among the candidates that fit best, the one the gazetteer ranks first.
    let fitting: Vec<PlaceId> = candidates
        .iter()
        .copied()
        .filter(|&id| fit(id) == best)
        .collect();
    gaz.resolve(&fitting, &[]).unwrap_or(first)
}

/// How many of a document's places (first choices) lie in each country and first-level
/// division, and which countries it names.
#[derive(Debug, Default)]
struct Context<'g> {
    countries: HashMap<&'g str, u32>,
    named_countries: HashMap<&'g str, u32>,
    divisions: HashMap<(&'g str, &'g str), u32>,
}

impl<'g> Context<'g> {
    fn add(&mut self, place: &'g Place) {
        if place.country.is_empty() {
            return;
        }
        *self.countries.entry(&place.country).or_default() += 1;
        if place.kind == PlaceKind::Country {
            *self.named_countries.entry(&place.country).or_default() += 1;
        }
        if let Some(admin1) = &place.admin1 {
            *self.divisions.entry((&place.country, admin1)).or_default() += 1;
        }
    }

    /// Whether a place other than `own` (the name's own first choice, which is no
    /// context for itself) lies in `place`'s country.
    fn country_of(&self, place: &Place, own: &Place) -> bool {
        let own_share = u32::from(own.country == place.country);
        self.countries
            .get(place.country.as_str())
            .is_some_and(|n| *n > own_share)
    }

    fn named_country(&self, place: &Place, own: &Place) -> bool {
        let own_share = u32::from(own.kind == PlaceKind::Country && own.country == place.country);
        self.named_countries
            .get(place.country.as_str())
            .is_some_and(|n| *n > own_share)
    }

    fn division_of(&self, place: &Place, own: &Place) -> bool {
        let Some(admin1) = place.admin1.as_deref() else {
            return false;
        };
        let own_share =
            u32::from(own.country == place.country && own.admin1.as_deref() == Some(admin1));
        self.divisions
            .get(&(place.country.as_str(), admin1))
            .is_some_and(|n| *n > own_share)
    }
}

/// The sites a document names, by folded site name, with the place each is (`None`
/// when the gazetteer lacks it). Mentions of a site, and bare mentions of its name that
/// are not a big city, a country or a region, get the site's name as their key.
fn name_sites(
    gaz: &Gazetteer,
    text: &str,
    mentions: &mut [DocMention],
) -> HashMap<String, Option<PlaceId>> {
    let mut sites: HashMap<String, Option<PlaceId>> = HashMap::new();
    // Bare name (folded) → site name, for the names that refer back to a site.
    let mut by_bare: HashMap<String, String> = HashMap::new();
    for m in mentions.iter_mut().filter(|m| m.kind == EntityKind::Place) {
        let Some((site, bare)) = site_name(text, m) else {
            continue;
        };
        let place = site_place(gaz, &site, &bare);
        let bare_key = fold_name(&bare);
        if refers_back(gaz, &bare) {
            by_bare.entry(bare_key).or_insert_with(|| site.clone());
        }
        sites.insert(fold_name(&site), place);
        m.key = site;
    }
    for m in mentions.iter_mut().filter(|m| m.kind == EntityKind::Place) {
        if let Some(site) = by_bare.get(&fold_name(&m.text)) {
            m.key = site.clone();
        }
    }
    sites
}

/// Whether a bare name beside a site of that name is the site: not when it is a
/// country, a region or a big city ("the Baghdad prison" leaves Baghdad a city).
fn refers_back(gaz: &Gazetteer, bare: &str) -> bool {
    gaz.lookup(bare).iter().all(|&id| {
        let place = gaz.place(id);
        match place.kind {
            PlaceKind::Country | PlaceKind::Region => false,
            PlaceKind::City => place.population < BIG_CITY,
            PlaceKind::Site => true,
        }
    })
}

/// The site a mention names, if it does, and the name without its site words:
/// ("Camp Bastion", "Bastion") for "Camp Bastion" or for "Bastion" after "Camp";
/// ("Zarqa camp", "Zarqa") for "Zarqa" before "camp". Not after "a"/"an": "a Baghdad
/// prison" describes a prison in Baghdad.
fn site_name(text: &str, m: &DocMention) -> Option<(String, String)> {
    let words: Vec<&str> = m.text.split_whitespace().collect();
    if words.len() > 1 && words[0] == "Camp" {
        return Some((m.text.clone(), words[1..].join(" ")));
    }
    if words.len() > 1
        && words
            .last()
            .is_some_and(|w| SITE_HEADS.contains(&w.to_lowercase().as_str()))
    {
        let bare_words = words[..words.len() - 1]
            .iter()
            .rev()
            .skip_while(|w| SITE_MODIFIERS.contains(&w.to_lowercase().as_str()))
            .collect::<Vec<_>>();
        if bare_words.is_empty() {
            return None;
        }
        let bare: Vec<&str> = bare_words.into_iter().rev().copied().collect();
        return Some((m.text.clone(), bare.join(" ")));
    }
    let before = text.get(..m.start)?;
    if let Some(earlier) = before.strip_suffix("Camp ")
        && !earlier.ends_with(char::is_alphanumeric)
    {
        return Some((format!("Camp {}", m.text), m.text.clone()));
    }
    let article = last_word(before).is_some_and(|w| w == "a" || w == "an");
    let end = site_words_after(text, m.end)?;
    (!article).then(|| (text[m.start..end].to_string(), m.text.clone()))
}

/// The end of "camp", "prison", "air base", "refugee camp"… right after `at`, if there.
fn site_words_after(text: &str, at: usize) -> Option<usize> {
    let mut pos = at;
    for _ in 0..2 {
        let rest = text.get(pos..)?.strip_prefix(' ')?;
        let start = pos + 1;
        let len = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let word = rest[..len].to_lowercase();
        pos = start + len;
        if SITE_HEADS.contains(&word.as_str()) {
            return Some(pos);
        }
        if !SITE_MODIFIERS.contains(&word.as_str()) {
            return None;
        }
    }
    None
}

fn last_word(text: &str) -> Option<&str> {
    text.split_whitespace().next_back()
}

/// The gazetteer's place for a site: its full name ("Bagram prison", "Camp Hill"), or a
/// site listed under the bare name ("Bagram"); never a town that shares the bare name.
fn site_place(gaz: &Gazetteer, site: &str, bare: &str) -> Option<PlaceId> {
    let named = gaz.lookup(site);
    if !named.is_empty() {
        return gaz.resolve(named, &[]);
    }
    let sites: Vec<PlaceId> = gaz
        .lookup(bare)
        .iter()
        .copied()
        .filter(|&id| gaz.place(id).kind == PlaceKind::Site)
        .collect();
    gaz.resolve(&sites, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = "\
P\tcountry\tFrance\tFR\t\t46.0\t2.0\t66000000\t0\t
P\tcountry\tCanada\tCA\t\t60.0\t-95.0\t37000000\t0\t
P\tcountry\tUnited States\tUS\t\t38.0\t-97.0\t327000000\t0\t
P\tcountry\tGeorgia\tGE\t\t42.0\t43.5\t3704500\t0\t
P\tregion\tGeorgia\tUS\tGA\t33.35\t-84.11\t4228122\t1\t
P\tcity\tParis\tFR\t11\t48.85\t2.35\t2138551\t0\t
P\tcity\tParis\tUS\tTX\t33.66\t-95.56\t24782\t0\t
P\tcity\tParis\tUS\tTN\t36.30\t-88.33\t10150\t0\t
P\tcity\tDallas\tUS\tTX\t32.78\t-96.81\t1326087\t0\t
P\tcity\tLyon\tFR\t84\t45.75\t4.85\t472317\t0\t
P\tcity\tAtlanta\tUS\tGA\t33.75\t-84.39\t463878\t0\t
P\tcity\tKingston\tJM\t17\t18.0\t-76.79\t937700\t0\t
P\tcity\tKingston\tCA\t08\t44.23\t-76.48\t132485\t0\t
P\tcity\tToronto\tCA\t08\t43.71\t-79.40\t2794356\t0\t
P\tcity\tBastion\tUS\tAL\t31.0\t-86.0\t6000\t0\t
P\tcity\tZarqa\tJO\t17\t32.07\t36.09\t792665\t0\t
P\tcountry\tLebanon\tLB\t\t33.8\t35.8\t6800000\t0\t
P\tcity\tTripoli\tLY\t77\t32.89\t13.19\t1150989\t0\t
P\tcity\tTripoli\tLB\t03\t34.43\t35.84\t229398\t0\t
P\tcity\tBaghdad\tIQ\t07\t33.34\t44.40\t7216000\t0\t
P\tsite\tBagram\tAF\t\t34.94\t69.26\t0\t0\tBagram Air Base|Bagram prison
";

    fn small() -> Gazetteer {
        Gazetteer::from_tsv(SMALL).expect("the small TSV parses")
    }

    /// Every occurrence of each of `names` in `text` as a place mention, earlier names
    /// first where they overlap.
    fn mentions(text: &str, names: &[&str]) -> Vec<DocMention> {
        let mut found: Vec<DocMention> = Vec::new();
        for name in names {
            for (start, name) in text.match_indices(name) {
                let end = start + name.len();
                if found.iter().all(|m| m.end <= start || end <= m.start) {
                    found.push(DocMention {
                        kind: EntityKind::Place,
                        start,
                        end,
                        text: name.to_string(),
                        key: name.to_string(),
                        place: None,
                    });
                }
            }
        }
        found.sort_by_key(|m| m.start);
        found
    }

    /// Each mention's text, key and country (`None` without coordinates).
    fn resolve(text: &str, names: &[&str]) -> Vec<(String, String, Option<String>)> {
        let gaz = small();
        let mut found = mentions(text, names);
        resolve_places(&gaz, text, &mut found);
        found
            .into_iter()
            .map(|m| (m.text, m.key, m.place.map(|p| p.country)))
            .collect()
    }

    fn place_of(text: &str, names: &[&str], name: &str) -> Option<(String, Option<String>)> {
        let gaz = small();
        let mut found = mentions(text, names);
        resolve_places(&gaz, text, &mut found);
        let m = found.into_iter().find(|m| m.text == name)?;
        let place = m.place?;
        let place = gaz.place(place.id);
        Some((place.country.clone(), place.admin1.clone()))
    }

    fn at(country: &str, admin1: &str) -> Option<(String, Option<String>)> {
        Some((country.to_string(), Some(admin1.to_string())))
    }

    #[test]
    fn an_ambiguous_city_follows_the_other_places_of_its_document() {
        let names = ["Paris", "Dallas", "Lyon", "United States"];
        let texts = [
            ("The show went from Dallas to Paris.", at("US", "TX")),
            ("Trains link Lyon and Paris.", at("FR", "11")),
            ("Paris is lovely in spring.", at("FR", "11")),
            // A world city is not moved by a country alone.
            ("The United States sent envoys to Paris.", at("FR", "11")),
        ];
        for (text, expected) in texts {
            assert_eq!(place_of(text, &names, "Paris"), expected, "{text}");
        }
    }

    #[test]
    fn a_smaller_city_follows_a_country_or_a_province_of_the_document() {
        let names = ["Kingston", "Toronto", "Canada"];
        assert_eq!(
            place_of("Kingston is quiet.", &names, "Kingston"),
            at("JM", "17")
        );
        assert_eq!(
            place_of("Canada says Kingston is quiet.", &names, "Kingston"),
            at("CA", "08")
        );
        assert_eq!(
            place_of("From Toronto to Kingston by train.", &names, "Kingston"),
            at("CA", "08")
        );
    }

    #[test]
    fn a_named_country_moves_a_city_to_a_namesake_of_comparable_size() {
        let names = ["Tripoli", "Lebanon"];
        assert_eq!(
            place_of("Fighting in Tripoli went on.", &names, "Tripoli"),
            at("LY", "77")
        );
        assert_eq!(
            place_of(
                "In Lebanon, fighting in Tripoli went on.",
                &names,
                "Tripoli"
            ),
            at("LB", "03")
        );
    }

    #[test]
    fn a_country_name_means_the_country_unless_the_document_is_inside_its_namesake() {
        let names = ["Georgia", "Atlanta", "United States"];
        let country = place_of(
            "Georgia and the United States signed a treaty.",
            &names,
            "Georgia",
        );
        assert_eq!(country, Some(("GE".to_string(), None)));
        assert_eq!(
            place_of(
                "Storms hit Atlanta and the rest of Georgia.",
                &names,
                "Georgia"
            ),
            at("US", "GA")
        );
    }

    #[test]
    fn a_camp_never_lands_on_a_town_of_its_name_and_its_bare_name_is_the_camp() {
        let found = resolve(
            "Troops at Camp Bastion waited. Supplies reached Bastion at dawn.",
            &["Bastion"],
        );
        assert_eq!(
            found,
            [
                ("Bastion".into(), "Camp Bastion".into(), None),
                ("Bastion".into(), "Camp Bastion".into(), None),
            ]
        );
        // Without the camp, Bastion is the town.
        let town = resolve("Supplies reached Bastion at dawn.", &["Bastion"]);
        assert_eq!(
            town,
            [("Bastion".into(), "Bastion".into(), Some("US".into()))]
        );
    }

    #[test]
    fn a_site_the_gazetteer_knows_is_placed_and_so_is_its_bare_name() {
        let found = resolve(
            "He was held in Bagram prison. Bagram is north of the capital.",
            &["Bagram prison", "Bagram"],
        );
        let keys: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|(_, key, country)| (key.as_str(), country.as_deref()))
            .collect();
        assert_eq!(
            keys,
            [("Bagram prison", Some("AF")), ("Bagram prison", Some("AF"))]
        );
        // A site word after the name, with a modifier: "Bagram air base".
        let base = resolve("Jets left the Bagram air base.", &["Bagram"]);
        assert_eq!(
            base,
            [("Bagram".into(), "Bagram air base".into(), Some("AF".into()))]
        );
    }

    #[test]
    fn a_camp_named_after_a_big_city_leaves_the_city_alone() {
        let found = resolve(
            "Refugees in the Zarqa camp said food ran out. Zarqa itself was calm.",
            &["Zarqa"],
        );
        assert_eq!(
            found,
            [
                ("Zarqa".into(), "Zarqa camp".into(), None),
                ("Zarqa".into(), "Zarqa".into(), Some("JO".into())),
            ]
        );
    }

    #[test]
    fn a_prison_described_by_its_city_is_not_a_site() {
        let found = resolve("He was sent to a Baghdad prison.", &["Baghdad"]);
        assert_eq!(
            found,
            [("Baghdad".into(), "Baghdad".into(), Some("IQ".into()))]
        );
        // Nor is a word that only looks like one.
        assert_eq!(site_words_after("Paris based", 5), None);
        assert_eq!(site_words_after("Paris camps", 5), Some(11));
        assert_eq!(site_words_after("Paris refugee camp.", 5), Some(18));
        assert_eq!(site_words_after("Paris refugee centre", 5), None);
    }
}
