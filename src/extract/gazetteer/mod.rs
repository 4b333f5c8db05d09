//! The offline gazetteer: place names to coordinates, and resolving ambiguous names.
//!
//! The data is `assets/gazetteer.tsv.gz`, built by `scripts/build_gazetteer.py` from
//! GeoNames (CC BY 4.0), countryinfo (MIT) and our own supplement, and embedded in the
//! binary. Names are matched on their folded form ([`fold_name`]).

mod fold;
mod parse;
#[cfg(test)]
mod tests;

use std::io::Read;
use std::sync::OnceLock;

use foldhash::{HashMap, HashSet};
use rayon::prelude::*;
use std::collections::hash_map::Entry;

pub use fold::fold_name;
use parse::{Record, parse_line};

/// Index of a place in its gazetteer.
pub type PlaceId = u32;

/// What sort of place an entry is; also its rank when names are ambiguous.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Country,
    Region,
    City,
    /// A named site GeoNames' city lists miss: a camp, prison, border crossing, port.
    Site,
}

/// One place of the gazetteer.
#[derive(Debug, Clone)]
pub struct Place {
    /// The main name (GeoNames' or ours), e.g. "Kyiv" for "Kiev".
    pub name: String,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code; empty for regions spanning countries ("Sahel", "Europe").
    pub country: String,
    /// GeoNames first-level division code of cities (a state code in the US, e.g. "TX").
    pub admin1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    /// 0 where unknown (sites, most regions).
    pub population: u64,
    /// The coordinates stand in for an area without its own point (a province placed at
    /// its country's centre, a US state at its central city).
    pub approximate: bool,
}

/// The gazetteer could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("the built-in list of places is damaged and could not be unpacked ({0})")]
    Unpack(#[from] std::io::Error),
    #[error("the list of places is malformed at line {line}: {reason}")]
    Malformed { line: usize, reason: String },
}

/// The places one folded name stands for: nearly always one, so without a
/// heap allocation for each of the 200,000 names.
#[derive(Debug)]
enum PlaceIds {
    One(PlaceId),
    Many(Vec<PlaceId>),
}

impl PlaceIds {
    fn as_slice(&self) -> &[PlaceId] {
        match self {
            PlaceIds::One(id) => std::slice::from_ref(id),
            PlaceIds::Many(ids) => ids,
        }
    }

    /// Adds `id` unless it is already the last one (a place listing one name twice).
    fn push(&mut self, id: PlaceId) {
        match self {
            PlaceIds::One(first) if *first != id => *self = PlaceIds::Many(vec![*first, id]),
            PlaceIds::Many(ids) if ids.last() != Some(&id) => ids.push(id),
            _ => {}
        }
    }
}

/// A record of the asset with its names folded for lookup.
enum Folded {
    Place(Place, Vec<String>),
    Demonym(String, String),
    CommonWord(String),
}

/// Cities at least this big outrank named sites when a name is ambiguous.
const BIG_CITY: u64 = 100_000;

/// The gazetteer asset built by `scripts/build_gazetteer.py`.
static EMBEDDED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/gazetteer.tsv.gz"
));

/// Places, their names folded for lookup, and the nationality words that are not places.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    by_name: HashMap<String, PlaceIds>,
    countries: HashMap<String, PlaceId>,
    /// Folded demonym to ISO2 ("" for peoples of several countries).
    demonyms: HashMap<String, String>,
    common_words: HashSet<String>,
    max_name_words: usize,
}

impl Gazetteer {
    /// The embedded gazetteer, unpacked and indexed (about 70,000 places).
    pub fn load_embedded() -> Result<Gazetteer, GazetteerError> {
        let mut text = String::with_capacity(EMBEDDED.len() * 3);
        flate2::read::GzDecoder::new(EMBEDDED).read_to_string(&mut text)?;
        Gazetteer::from_tsv(&text)
    }

    /// The embedded gazetteer, loaded once per process and shared by every caller.
    pub fn shared() -> Result<&'static Gazetteer, &'static GazetteerError> {
        static SHARED: OnceLock<Result<Gazetteer, GazetteerError>> = OnceLock::new();
        SHARED.get_or_init(Gazetteer::load_embedded).as_ref()
    }

    /// A gazetteer from TSV text in the asset's format (see `scripts/build_gazetteer.py`).
    ///
    /// Parsing and folding the 200,000 names is most of the start-up time, so
    /// lines are parsed in parallel and only the index is filled in order.
    pub fn from_tsv(text: &str) -> Result<Gazetteer, GazetteerError> {
        let lines: Vec<&str> = text.lines().collect();
        let records = lines
            .par_iter()
            .enumerate()
            .map(|(index, line)| {
                Ok(parse_line(line, index + 1)?.map(|record| match record {
                    Record::Place(place, aliases) => {
                        let keys = std::iter::once(place.name.as_str())
                            .chain(aliases)
                            .map(fold_name)
                            .collect();
                        Folded::Place(place, keys)
                    }
                    Record::Demonym(word, country) => {
                        Folded::Demonym(fold_name(word), country.to_string())
                    }
                    Record::CommonWord(word) => Folded::CommonWord(fold_name(word)),
                }))
            })
            .collect::<Result<Vec<_>, GazetteerError>>()?;
        let mut gazetteer = Gazetteer::default();
        gazetteer.by_name.reserve(lines.len() * 3);
        for record in records.into_iter().flatten() {
            match record {
                Folded::Place(place, keys) => gazetteer.add_place(place, keys),
                Folded::Demonym(word, country) => {
                    gazetteer.demonyms.insert(word, country);
                }
                Folded::CommonWord(word) => {
                    gazetteer.common_words.insert(word);
                }
            }
        }
        Ok(gazetteer)
    }

    /// Adds a place under its folded main name and alternate names.
    fn add_place(&mut self, place: Place, keys: Vec<String>) {
        let Ok(id) = PlaceId::try_from(self.places.len()) else {
            return;
        };
        if place.kind == PlaceKind::Country {
            self.countries
                .insert(place.country.to_ascii_uppercase(), id);
        }
        for key in keys {
            if key.is_empty() {
                continue;
            }
            self.max_name_words = self.max_name_words.max(key.split(' ').count());
            match self.by_name.entry(key) {
                Entry::Vacant(slot) => {
                    slot.insert(PlaceIds::One(id));
                }
                Entry::Occupied(mut slot) => slot.get_mut().push(id),
            }
        }
        self.places.push(place);
    }

    /// The place with this id. Panics on an id that did not come from this gazetteer.
    pub fn place(&self, id: PlaceId) -> &Place {
        &self.places[id as usize]
    }

    /// All places, indexed by `PlaceId`.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// How many distinct folded names the index holds.
    pub fn name_count(&self) -> usize {
        self.by_name.len()
    }

    /// Every place whose name or alternate name equals `name`, case- and
    /// accent-insensitively ("koln" finds Köln; "KIEV" finds Kyiv). Empty if none.
    pub fn lookup(&self, name: &str) -> &[PlaceId] {
        self.by_name
            .get(&fold_name(name))
            .map_or(&[], PlaceIds::as_slice)
    }

    /// The longest number of words of any name (so callers know how far to extend spans).
    pub fn max_name_words(&self) -> usize {
        self.max_name_words
    }

    /// Resolve an ambiguous name: prefer places in `context_countries` (ISO2 codes of
    /// countries mentioned in the same document), then by kind (country > region >
    /// big city > site > small city) and population. Paris with ["US"] → Paris, Texas.
    pub fn resolve(&self, candidates: &[PlaceId], context_countries: &[&str]) -> Option<PlaceId> {
        candidates
            .iter()
            .copied()
            .filter(|&id| (id as usize) < self.places.len())
            .max_by_key(|&id| {
                let place = self.place(id);
                let in_context = context_countries
                    .iter()
                    .any(|c| !place.country.is_empty() && c.eq_ignore_ascii_case(&place.country));
                (in_context, self.rank(place), std::cmp::Reverse(id))
            })
    }

    /// Kind first, then size; exact points before stand-ins.
    fn rank(&self, place: &Place) -> (u8, u64, bool) {
        let kind = match place.kind {
            PlaceKind::Country => 4,
            PlaceKind::Region => 3,
            PlaceKind::City if place.population >= BIG_CITY => 2,
            PlaceKind::Site => 1,
            PlaceKind::City => 0,
        };
        (kind, place.population, !place.approximate)
    }

    /// The country with this ISO 3166-1 alpha-2 code ("FR", "us").
    pub fn country(&self, iso2: &str) -> Option<PlaceId> {
        self.countries.get(&iso2.to_ascii_uppercase()).copied()
    }

    /// Is this word a nationality or people word ("French", "Nigerians", "Frenchmen")?
    /// These are never places.
    pub fn is_demonym(&self, word: &str) -> bool {
        self.demonym_country(word).is_some()
    }

    /// The ISO2 code of the country of a demonym ("French" → "FR"), `Some("")` for
    /// peoples of several countries ("Kurdish"), `None` if `word` is not a demonym.
    pub fn demonym_country(&self, word: &str) -> Option<&str> {
        let key = fold_name(word);
        let singular = [
            key.strip_suffix("men").map(|stem| format!("{stem}man")),
            key.strip_suffix("men").map(str::to_string),
            key.strip_suffix("man").map(str::to_string),
            key.strip_suffix('s').map(str::to_string),
        ];
        std::iter::once(key.clone())
            .chain(singular.into_iter().flatten())
            .find_map(|k| self.demonyms.get(&k))
            .map(String::as_str)
    }

    /// Is this place name also an everyday English word ("Reading", "Nice", "Mobile")?
    /// Such names are kept for cities of 50,000 people or more; callers should want
    /// more evidence (a preposition, a country next to it) before calling them places.
    pub fn is_common_word(&self, name: &str) -> bool {
        self.common_words.contains(&fold_name(name))
    }

    /// Every candidate for a place, best first (for "pick another location" lists).
    pub fn candidates_for(&self, name: &str) -> Vec<&Place> {
        let mut ids = self.lookup(name).to_vec();
        ids.sort_by_key(|&id| {
            std::cmp::Reverse((self.rank(self.place(id)), std::cmp::Reverse(id)))
        });
        ids.into_iter().map(|id| self.place(id)).collect()
    }
}
