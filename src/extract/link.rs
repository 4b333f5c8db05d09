//! Linking the documents' mentions into corpus-wide entities: exact and folded
//! repeats, transliteration variants and acronyms defined anywhere merge
//! automatically; weaker likenesses become merge suggestions for the user.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::dates::parse_date_key;
use super::document::DocumentEntities;
use super::suggest::suggest;
use super::variants::{fold, skeleton, slug, without_legal_form};
use super::{Entity, EntityKind, Mention, MergeSuggestion};

/// All entities of a corpus and the merges the user may want.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    pub entities: Vec<Entity>,
    pub suggestions: Vec<MergeSuggestion>,
}

#[derive(Default, Clone)]
struct Group {
    key_counts: BTreeMap<String, usize>,
    mentions: Vec<Mention>,
    place: Option<(f64, f64, String)>,
}

impl Group {
    fn absorb(&mut self, other: Group) {
        for (key, n) in other.key_counts {
            *self.key_counts.entry(key).or_default() += n;
        }
        self.mentions.extend(other.mentions);
        if other.place.is_some() {
            self.place = other.place;
        }
    }
}

/// What a mention is grouped under before acronyms are known: its key, or the
/// gazetteer place it resolved to ("Bombay" and "Mumbai" are one place).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum RawKey {
    Key(String),
    Place(u32),
}

/// Links documents one at a time, so a corpus's per-document results need
/// not all be held at once: mentions are grouped by their key as they come,
/// and the groups are joined by variant and acronym at [`Linker::finish`].
#[derive(Default, Clone)]
pub struct Linker {
    groups: HashMap<(EntityKind, RawKey), Group>,
    /// (folded acronym, long form) → how many documents define it so.
    acronym_counts: BTreeMap<(String, String), usize>,
    documents: usize,
    /// Every spelling seen, kept once: a name mentioned 100,000 times is one string.
    spellings: HashSet<Arc<str>>,
}

impl Linker {
    pub fn add(&mut self, doc: DocumentEntities) {
        self.documents += 1;
        for def in doc.acronyms {
            *self
                .acronym_counts
                .entry((fold(&def.acronym), def.long_form))
                .or_default() += 1;
        }
        let path: Arc<str> = doc.path.into();
        for m in doc.mentions {
            let raw = match &m.place {
                Some(place) if m.kind == EntityKind::Place => RawKey::Place(place.id),
                _ => RawKey::Key(m.key.clone()),
            };
            let group = self.groups.entry((m.kind, raw)).or_default();
            *group.key_counts.entry(m.key).or_default() += 1;
            if let Some(p) = m.place {
                group.place = Some((p.lat, p.lon, p.country));
            }
            let text = match self.spellings.get(m.text.as_str()) {
                Some(known) => Arc::clone(known),
                None => {
                    let text: Arc<str> = m.text.into();
                    self.spellings.insert(Arc::clone(&text));
                    text
                }
            };
            group.mentions.push(Mention {
                path: Arc::clone(&path),
                start: m.start,
                end: m.end,
                text,
            });
        }
    }

    /// How many documents were added.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// The entities so far, leaving the linker as it was (for progress snapshots).
    pub fn snapshot(&self) -> Extraction {
        self.clone().finish()
    }

    /// Joins the groups by transliteration skeleton and defined acronym, in a
    /// deterministic order (kind, id).
    pub fn finish(self) -> Extraction {
        let acronyms = best_long_forms(self.acronym_counts);
        let mut joined: BTreeMap<(EntityKind, String), Group> = BTreeMap::new();
        for ((kind, raw), mut group) in self.groups {
            let group_key = match raw {
                RawKey::Place(id) => format!("#{id}"),
                RawKey::Key(key) => {
                    let (shown, group_key) = group_key_of(kind, &key, &acronyms);
                    if shown != key {
                        let n = group.key_counts.remove(&key).unwrap_or_default();
                        *group.key_counts.entry(shown).or_default() += n;
                    }
                    group_key
                }
            };
            joined.entry((kind, group_key)).or_default().absorb(group);
        }
        settle_unknown_places(&mut joined);
        let mut entities: Vec<Entity> = Vec::with_capacity(joined.len());
        let mut used_ids = HashSet::new();
        for ((kind, _), group) in joined {
            entities.push(to_entity(kind, group, &mut used_ids));
        }
        entities.sort_by(|a, b| (a.kind, &a.id).cmp(&(b.kind, &b.id)));
        let suggestions = suggest(&entities);
        Extraction {
            entities,
            suggestions,
        }
    }
}

/// A name the gazetteer does not know, read as a place in some documents but as a person
/// in more of them ("wrote to Amina Okafor" beside "Amina Okafor met…"), is that person:
/// one reading of a preposition is weaker evidence than the rest of the corpus.
fn settle_unknown_places(joined: &mut BTreeMap<(EntityKind, String), Group>) {
    let unknown_places: Vec<String> = joined
        .iter()
        .filter(|((kind, key), group)| {
            *kind == EntityKind::Place && !key.starts_with('#') && group.place.is_none()
        })
        .map(|((_, key), _)| key.clone())
        .collect();
    for key in unknown_places {
        let person = (EntityKind::Person, key.clone());
        let place = (EntityKind::Place, key);
        let (Some(people), Some(places)) = (joined.get(&person), joined.get(&place)) else {
            continue;
        };
        if people.mentions.len() > places.mentions.len()
            && let Some(group) = joined.remove(&place)
            && let Some(people) = joined.get_mut(&person)
        {
            people.absorb(group);
        }
    }
}

/// Groups every mention of `docs` into entities, in a deterministic order (kind, id).
pub fn link(docs: &[DocumentEntities]) -> Extraction {
    link_owned(docs.to_vec())
}

/// [`link`] taking the documents by value, so mention texts move instead of being copied.
pub fn link_owned(docs: Vec<DocumentEntities>) -> Extraction {
    let mut linker = Linker::default();
    for doc in docs {
        linker.add(doc);
    }
    linker.finish()
}

/// The key a mention is shown under (long form for a defined acronym) and the key that
/// groups it with its variants (transliteration skeleton; the ISO value for dates).
fn group_key_of(
    kind: EntityKind,
    key: &str,
    acronyms: &HashMap<String, String>,
) -> (String, String) {
    let mut key = key.to_string();
    if kind == EntityKind::Organization
        && let Some(long) = acronyms.get(&fold(&key))
    {
        key = long.clone();
    }
    let group = match kind {
        EntityKind::Date => key.clone(),
        // "Meridian Freight Ltd" and "Meridian Freight" are one company.
        EntityKind::Organization => skeleton(without_legal_form(&key)),
        _ => skeleton(&key),
    };
    (key, group)
}

/// Acronym (folded) → long form, from every definition in the corpus. The most
/// frequent long form wins when documents disagree.
fn best_long_forms(counts: BTreeMap<(String, String), usize>) -> HashMap<String, String> {
    let mut best: HashMap<String, (String, usize)> = HashMap::new();
    for ((acronym, long), n) in counts {
        let entry = best.entry(acronym).or_insert((long.clone(), 0));
        if n > entry.1 {
            *entry = (long, n);
        }
    }
    best.into_iter().map(|(a, (l, _))| (a, l)).collect()
}

fn to_entity(kind: EntityKind, mut group: Group, used_ids: &mut HashSet<String>) -> Entity {
    // The most frequent full form; ties go to the longer, then the first alphabetically.
    let mut name = group
        .key_counts
        .iter()
        .max_by(|a, b| {
            a.1.cmp(b.1)
                .then(b.0.len().cmp(&a.0.len()).reverse())
                .then(b.0.cmp(a.0))
        })
        .map(|(k, _)| k.clone())
        .unwrap_or_default();
    // A heading's capitals ("CARLOS MENDOZA") give way to the same name as the text
    // writes it.
    if name.contains(' ') && !name.chars().any(char::is_lowercase) {
        let lower = name.to_lowercase();
        if let Some(written) = group
            .key_counts
            .keys()
            .find(|k| k.chars().any(char::is_lowercase) && k.to_lowercase() == lower)
        {
            name = written.clone();
        }
    }
    // Distinct spellings first, so a name seen 100,000 times is copied once.
    let spellings: BTreeSet<&str> = group
        .key_counts
        .keys()
        .map(String::as_str)
        .chain(group.mentions.iter().map(|m| &*m.text))
        .filter(|a| *a != name)
        .collect();
    let aliases: Vec<String> = spellings.into_iter().map(str::to_string).collect();
    let base = format!("{}:{}", kind.key(), slug(&name));
    let mut id = base.clone();
    let mut n = 2;
    while !used_ids.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    group
        .mentions
        .sort_by(|a, b| (&a.path, a.start).cmp(&(&b.path, b.start)));
    let (lat, lon, country) = match group.place {
        Some((lat, lon, c)) => (Some(lat), Some(lon), Some(c)),
        None => (None, None, None),
    };
    // A date's key is its value, marked when inferred; a partial date without
    // an anchor ("Friday") has none.
    let (value, inferred) = match group.key_counts.keys().next() {
        Some(key) if kind == EntityKind::Date => {
            let (value, inferred) = parse_date_key(key);
            (value.map(|v| v.iso()), inferred)
        }
        _ => (None, false),
    };
    Entity {
        id,
        kind,
        name,
        aliases,
        mentions: group.mentions,
        lat,
        lon,
        country,
        value,
        inferred,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::document::{AcronymDefinition, DocMention};

    fn mention(kind: EntityKind, text: &str, key: &str, start: usize) -> DocMention {
        DocMention {
            kind,
            start,
            end: start + text.len(),
            text: text.into(),
            key: key.into(),
            place: None,
        }
    }

    fn doc(path: &str, mentions: Vec<DocMention>) -> DocumentEntities {
        DocumentEntities {
            path: path.into(),
            mentions,
            acronyms: vec![],
        }
    }

    fn names(x: &Extraction) -> Vec<(String, String)> {
        x.entities
            .iter()
            .map(|e| (e.id.clone(), e.name.clone()))
            .collect()
    }

    #[test]
    fn a_name_in_a_headings_capitals_is_shown_as_the_text_writes_it() {
        let person = |text: &str, start| mention(EntityKind::Person, text, text, start);
        let docs = [
            doc(
                "a.txt",
                vec![
                    person("CARLOS MENDOZA", 0),
                    person("CARLOS MENDOZA", 20),
                    person("CARLOS MENDOZA", 40),
                ],
            ),
            doc("b.txt", vec![person("Carlos Mendoza", 0)]),
            doc("c.txt", vec![person("UNHCR", 0), person("UNHCR", 10)]),
        ];
        let x = link(&docs);
        let shown: Vec<&str> = x.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(shown, ["Carlos Mendoza", "UNHCR"]);
    }

    #[test]
    fn an_unknown_place_that_is_more_often_a_person_is_that_person() {
        let docs = [
            doc(
                "a.txt",
                vec![mention(
                    EntityKind::Person,
                    "Amina Okafor",
                    "Amina Okafor",
                    0,
                )],
            ),
            doc(
                "b.txt",
                vec![mention(
                    EntityKind::Person,
                    "Amina Okafor",
                    "Amina Okafor",
                    0,
                )],
            ),
            doc(
                "c.txt",
                vec![
                    mention(EntityKind::Place, "Amina Okafor", "Amina Okafor", 0),
                    mention(EntityKind::Place, "Lake Chad", "Lake Chad", 30),
                ],
            ),
        ];
        let x = link(&docs);
        let kinds: Vec<(EntityKind, &str, usize)> = x
            .entities
            .iter()
            .map(|e| (e.kind, e.name.as_str(), e.mentions.len()))
            .collect();
        assert_eq!(
            kinds,
            [
                (EntityKind::Person, "Amina Okafor", 3),
                (EntityKind::Place, "Lake Chad", 1)
            ]
        );
    }

    #[test]
    fn repeats_and_folded_spellings_merge() {
        let docs = [
            doc(
                "a.txt",
                vec![mention(EntityKind::Organization, "al-Qaeda", "al-Qaeda", 0)],
            ),
            doc(
                "b.txt",
                vec![
                    mention(EntityKind::Organization, "Al Qaida", "Al Qaida", 5),
                    mention(EntityKind::Organization, "Al-Qa'ida", "Al-Qa'ida", 50),
                    mention(EntityKind::Organization, "al-Qaeda", "al-Qaeda", 90),
                ],
            ),
        ];
        let x = link(&docs);
        assert_eq!(
            names(&x),
            [("organization:al-qaeda".to_string(), "al-Qaeda".to_string())]
        );
        assert_eq!(x.entities[0].mentions.len(), 4);
        assert_eq!(x.entities[0].aliases, ["Al Qaida", "Al-Qa'ida"]);
    }

    #[test]
    fn transliterations_of_a_full_name_merge() {
        let docs = [
            doc(
                "a.txt",
                vec![mention(
                    EntityKind::Person,
                    "Muammar Gaddafi",
                    "Muammar Gaddafi",
                    0,
                )],
            ),
            doc(
                "b.txt",
                vec![mention(
                    EntityKind::Person,
                    "Moammar Qadhafi",
                    "Moammar Qadhafi",
                    0,
                )],
            ),
            doc(
                "c.txt",
                vec![mention(
                    EntityKind::Person,
                    "Muammar Gaddafi",
                    "Muammar Gaddafi",
                    9,
                )],
            ),
        ];
        let x = link(&docs);
        assert_eq!(x.entities.len(), 1);
        assert_eq!(x.entities[0].id, "person:muammar-gaddafi");
        assert_eq!(x.entities[0].aliases, ["Moammar Qadhafi"]);
    }

    #[test]
    fn other_given_name_is_another_person_and_a_bare_surname_is_suggested() {
        let docs = [
            doc(
                "a.txt",
                vec![
                    mention(EntityKind::Person, "Ali Gaddafi", "Ali Gaddafi", 0),
                    mention(EntityKind::Person, "Muammar Qadhafi", "Muammar Qadhafi", 20),
                ],
            ),
            doc(
                "b.txt",
                vec![
                    mention(EntityKind::Person, "Muammar Qadhafi", "Muammar Qadhafi", 0),
                    mention(EntityKind::Person, "Kadafi", "Kadafi", 40),
                ],
            ),
        ];
        let x = link(&docs);
        assert_eq!(x.entities.len(), 3);
        let pairs: Vec<_> = x
            .suggestions
            .iter()
            .map(|s| (s.entities.join(" = "), s.reason.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [(
                "person:kadafi = person:muammar-qadhafi".to_string(),
                "“Kadafi” used alone in a document that also names Muammar Qadhafi"
            )]
        );
    }

    #[test]
    fn acronym_defined_in_one_document_links_everywhere() {
        let mut a = doc(
            "a.txt",
            vec![
                mention(
                    EntityKind::Organization,
                    "Coalition for Open Archives",
                    "Coalition for Open Archives",
                    0,
                ),
                mention(
                    EntityKind::Organization,
                    "COA",
                    "Coalition for Open Archives",
                    30,
                ),
            ],
        );
        a.acronyms.push(AcronymDefinition {
            acronym: "COA".into(),
            long_form: "Coalition for Open Archives".into(),
        });
        let b = doc(
            "b.txt",
            vec![mention(EntityKind::Organization, "COA", "COA", 3)],
        );
        let x = link(&[a, b]);
        assert_eq!(
            names(&x),
            [(
                "organization:coalition-for-open-archives".to_string(),
                "Coalition for Open Archives".to_string()
            )]
        );
        assert_eq!(x.entities[0].mentions.len(), 3);
    }

    #[test]
    fn undefined_acronym_is_suggested() {
        let docs = [doc(
            "a.txt",
            vec![
                mention(
                    EntityKind::Organization,
                    "National Union of Journalists",
                    "National Union of Journalists",
                    0,
                ),
                mention(EntityKind::Organization, "NUJ", "NUJ", 40),
            ],
        )];
        let x = link(&docs);
        assert_eq!(x.entities.len(), 2);
        assert_eq!(
            x.suggestions[0].reason,
            "“NUJ” is the initials of “National Union of Journalists”"
        );
    }
}
