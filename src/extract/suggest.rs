//! Merge suggestions: pairs of entities that may be one, each with its evidence in
//! words a reporter reads. Every rule finds its candidates through keys computed once
//! per entity (an index from key to entities), never by comparing all pairs; a key
//! shared by many entities is a common name, not evidence, and is passed over, so the
//! work grows with the number of entities.

use std::cmp::Ordering;
use std::hash::Hash;

use foldhash::{HashMap, HashMapExt};

use super::spans::NAME_PARTICLES;
use super::variants::{
    acronym_initials, acronym_letters, fold, skeleton, sorted_initials, sorted_letters,
    transliteration_key, without_legal_form,
};
use super::{Entity, EntityKind, MergeSuggestion};

/// More entities than this under one key make it a common name, not evidence.
const CROWDED: usize = 6;

/// The suggestions for `entities`, sorted by the ids they pair.
pub(super) fn suggest(entities: &[Entity]) -> Vec<MergeSuggestion> {
    suggest_counting(entities).0
}

/// The suggestions, and how many candidate pairs were looked at.
fn suggest_counting(entities: &[Entity]) -> (Vec<MergeSuggestion>, usize) {
    let of_kind = |kind| -> Vec<&Entity> { entities.iter().filter(|e| e.kind == kind).collect() };
    let people = of_kind(EntityKind::Person);
    let organizations = of_kind(EntityKind::Organization);
    let mut found = Found::default();
    let person_keys: Vec<String> = people
        .iter()
        .map(|e| transliteration_key(&e.name))
        .collect();
    transliterations(&people, &person_keys, &mut found);
    middle_names(&people, &mut found);
    surnames(&people, &person_keys, &mut found);
    acronyms(&organizations, &mut found);
    short_forms(&organizations, &mut found);
    let Found {
        mut suggestions,
        comparisons,
    } = found;
    suggestions.sort_by(|a, b| a.entities.cmp(&b.entities));
    suggestions.dedup_by(|a, b| a.entities == b.entities);
    (suggestions, comparisons)
}

#[derive(Default)]
struct Found {
    suggestions: Vec<MergeSuggestion>,
    comparisons: usize,
}

impl Found {
    fn pair(&mut self, a: &Entity, b: &Entity, reason: String) {
        let mut entities = vec![a.id.clone(), b.id.clone()];
        entities.sort();
        self.suggestions.push(MergeSuggestion { entities, reason });
    }
}

/// Entity positions by key, leaving out keys shared by too many entities.
fn index<K: Hash + Eq>(keys: impl Iterator<Item = (K, usize)>) -> HashMap<K, Vec<usize>> {
    let mut index: HashMap<K, Vec<usize>> = HashMap::new();
    for (key, at) in keys {
        index.entry(key).or_default().push(at);
    }
    index.retain(|_, members| members.len() <= CROWDED);
    index
}

fn words(name: &str) -> impl Iterator<Item = &str> {
    name.split_whitespace()
}

/// Full names that become one under the looser transliteration key (connectors such as
/// al-, -e-, Abdul/Abd al-, zh/j, words run together), while their first names agree.
fn transliterations(people: &[&Entity], person_keys: &[String], found: &mut Found) {
    // (key of the name, key of its first word), once per entity.
    let keys: Vec<(&String, String)> = people
        .iter()
        .zip(person_keys)
        .map(|(e, key)| {
            let first = words(&e.name).next().unwrap_or(&e.name);
            (key, transliteration_key(first))
        })
        .collect();
    let blocks = index(
        keys.iter()
            .enumerate()
            .filter(|(_, (k, _))| k.len() >= 4)
            .map(|(i, (k, _))| (k.as_str(), i)),
    );
    for members in blocks.values().filter(|m| m.len() > 1) {
        for (n, &a) in members.iter().enumerate() {
            for &b in &members[n + 1..] {
                found.comparisons += 1;
                // Each first name is where the other's key starts: "Abdul Rahman Qasim"
                // and "Abd al-Rahman Qasim" agree, two names sharing a surname do not.
                let agree = keys[a].0.starts_with(&keys[b].1) && keys[b].0.starts_with(&keys[a].1);
                if agree {
                    let reason = "same name, transliterated differently".to_string();
                    found.pair(people[a], people[b], reason);
                }
            }
        }
    }
}

/// "George W. Bush" and "George Bush": the same first and last name, one with a middle
/// name or initial more. Two different middle names are two people.
fn middle_names(people: &[&Entity], found: &mut Found) {
    let ends = |e: &Entity| -> Option<(String, String, usize)> {
        let words: Vec<&str> = words(&e.name).collect();
        match words.as_slice() {
            [first, .., last] => Some((skeleton(first), skeleton(last), words.len())),
            _ => None,
        }
    };
    let keyed: Vec<Option<(String, String, usize)>> = people.iter().map(|e| ends(e)).collect();
    let blocks = index(
        keyed
            .iter()
            .enumerate()
            .filter_map(|(i, k)| k.as_ref().map(|(f, l, _)| ((f.as_str(), l.as_str()), i))),
    );
    for members in blocks.values().filter(|m| m.len() > 1) {
        for (n, &a) in members.iter().enumerate() {
            for &b in &members[n + 1..] {
                found.comparisons += 1;
                let count = |i: usize| keyed[i].as_ref().map_or(0, |k| k.2);
                if count(a) != count(b) {
                    found.pair(
                        people[a],
                        people[b],
                        "same first and last name, one with a middle name".to_string(),
                    );
                }
            }
        }
    }
}

/// A surname used alone ("Obote") and the full name it belongs to ("Milton Obote"):
/// the full name it shares most documents with, or the only person of that surname.
fn surnames(people: &[&Entity], person_keys: &[String], found: &mut Found) {
    let full_names = index(people.iter().enumerate().filter_map(|(i, e)| {
        let mut words = words(&e.name);
        let first = words.next()?;
        let last = words.last()?;
        (first.chars().count() > 1 && written_as_a_name(&e.name)).then(|| (skeleton(last), i))
    }));
    for single in people.iter().filter(|e| is_bare_surname(&e.name)) {
        let Some(candidates) = full_names.get(&skeleton(&single.name)) else {
            continue;
        };
        // Two spellings of one full name are one candidate.
        let one_person = |a: usize, b: usize| person_keys[a] == person_keys[b];
        let Some((full, shared)) = companion(single, candidates, people, one_person, found) else {
            continue;
        };
        // Without a shared document, only the very surname counts, not a look-alike
        // ("Total" is not "Robert Dudley").
        let same_surname = words(&full.name)
            .last()
            .is_some_and(|last| fold(last) == fold(&single.name));
        // Or, for the only full name of that surname, one spelt by the transliteration
        // rules with the same vowels ("Kadafi" of "Moammar Qadhafi", not "Total" of
        // "Robert Dudley").
        let vowels =
            |w: &str| -> String { fold(w).chars().filter(|c| "aeiou".contains(*c)).collect() };
        let transliterated = candidates.len() == 1
            && single.name.chars().count() >= 5
            && words(&full.name).last().is_some_and(|last| {
                transliteration_key(last) == transliteration_key(&single.name)
                    && vowels(last) == vowels(&single.name)
            });
        if shared == 0 && !same_surname && !transliterated {
            continue;
        }
        let reason = if shared > 0 {
            format!(
                "“{}” used alone in {} that also {} {}",
                single.name,
                documents_phrase(shared),
                if shared == 1 { "names" } else { "name" },
                full.name
            )
        } else {
            format!(
                "“{}” used alone; {} is the only person with this surname",
                single.name, full.name
            )
        };
        found.pair(single, full, reason);
    }
}

/// Of `candidates` (positions in `pool`), the one `short` shares the most documents
/// with, when it shares more with it than with any other that is not `alike` it, or
/// else the only candidate; with the number of documents they share.
fn companion<'a>(
    short: &Entity,
    candidates: &[usize],
    pool: &[&'a Entity],
    alike: impl Fn(usize, usize) -> bool,
    found: &mut Found,
) -> Option<(&'a Entity, usize)> {
    let short_docs = documents(short);
    let mut shared: Vec<(usize, usize)> = candidates
        .iter()
        .map(|&i| {
            found.comparisons += 1;
            (shared_count(&short_docs, &documents(pool[i])), i)
        })
        .collect();
    shared.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let (best, at) = *shared.first()?;
    let clear = match shared.get(1) {
        None => true,
        Some(&(second, other)) => best > second || alike(at, other),
    };
    clear.then_some((pool[at], best))
}

/// An organisation named by the last words of its name ("Red Cross" for "International
/// Committee of the Red Cross"): the longer name it shares most documents with, or the
/// only one that ends so.
fn short_forms(organizations: &[&Entity], found: &mut Found) {
    let names: Vec<String> = organizations
        .iter()
        .map(|e| fold(without_legal_form(&e.name)))
        .collect();
    // Every ending of two words or more, shorter than the whole name.
    let endings = index(names.iter().enumerate().flat_map(|(i, name)| {
        let spaces: Vec<usize> = name.match_indices(' ').map(|(at, _)| at).collect();
        let two_words_or_more = spaces.len().saturating_sub(1);
        spaces
            .into_iter()
            .take(two_words_or_more)
            // "Development Party" is not "Union Solidarity and Development Party".
            .filter(|&at| !name[..at].ends_with(" and") && !name[..at].ends_with(" y"))
            .map(move |at| (&name[at + 1..], i))
    }));
    for (short, name) in organizations.iter().zip(&names) {
        if !name.contains(' ') {
            continue;
        }
        let Some(candidates) = endings.get(name.as_str()) else {
            continue;
        };
        let Some((long, shared)) = companion(short, candidates, organizations, |_, _| false, found)
        else {
            continue;
        };
        let reason = if shared > 0 {
            format!(
                "“{}” used alone in {} that also {} {}",
                short.name,
                documents_phrase(shared),
                if shared == 1 { "names" } else { "name" },
                long.name
            )
        } else {
            format!(
                "“{}” is how “{}” ends, and no other name ends so",
                short.name, long.name
            )
        };
        found.pair(short, long, reason);
    }
}

/// Every word capitalised but particles: "Ali al-Sistani", not "Pro-settlement Jewish".
fn written_as_a_name(name: &str) -> bool {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|part| !part.is_empty())
        .all(|part| part.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(&part))
}

fn is_bare_surname(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    !name.contains(char::is_whitespace)
        && letters >= 3
        && acronym_letters(name).is_none()
        && written_as_a_name(name)
}

fn documents_phrase(n: usize) -> String {
    if n == 1 {
        "a document".to_string()
    } else {
        format!("{n} documents")
    }
}

/// The distinct documents an entity is mentioned in, sorted.
fn documents(entity: &Entity) -> Vec<&str> {
    let mut paths: Vec<&str> = entity.mentions.iter().map(|m| &*m.path).collect();
    paths.sort_unstable();
    paths.dedup();
    paths
}

/// How many of two sorted document lists' paths they share.
fn shared_count(a: &[&str], b: &[&str]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// An acronym ("PKK") and a long form whose initials it is, with particles kept or
/// dropped ("Partiya Karkerên Kurdistanê"), or, four letters or more, in another
/// language's word order ("FARC", "Revolutionary Armed Forces of Colombia").
fn acronyms(organizations: &[&Entity], found: &mut Found) {
    // A name written with abbreviations ("U.S. Navy") has no initials to match.
    let spelled_out = |e: &Entity| !e.name.contains('.') && acronym_letters(&e.name).is_none();
    let initials: Vec<Vec<String>> = organizations
        .iter()
        .map(|e| {
            if spelled_out(e) {
                acronym_initials(&e.name)
            } else {
                Vec::new()
            }
        })
        .collect();
    let in_order = index(
        initials
            .iter()
            .enumerate()
            .flat_map(|(i, keys)| keys.iter().map(move |k| (k.as_str(), i))),
    );
    let any_order = index(organizations.iter().enumerate().filter_map(|(i, e)| {
        let sorted = sorted_initials(&e.name);
        (spelled_out(e) && sorted.len() >= 4).then_some((sorted, i))
    }));
    for short in organizations {
        let Some(letters) = acronym_letters(&short.name) else {
            continue;
        };
        // Two letters fit many names, and letters in another order are weaker evidence:
        // then the long form must also be used in one of the acronym's documents.
        let (longs, in_another_order) = match in_order.get(letters.as_str()) {
            Some(longs) => (longs, false),
            None if letters.len() >= 4 => match any_order.get(&sorted_letters(&letters)) {
                Some(longs) => (longs, true),
                None => continue,
            },
            None => continue,
        };
        let needs_a_shared_document = in_another_order || letters.len() < 3;
        let short_docs = documents(short);
        for &i in longs {
            found.comparisons += 1;
            let long = organizations[i];
            if needs_a_shared_document && shared_count(&short_docs, &documents(long)) == 0 {
                continue;
            }
            let reason = if in_another_order {
                format!(
                    "“{}” has the initials of “{}” in another order, as in a name from another language",
                    short.name, long.name
                )
            } else {
                format!("“{}” is the initials of “{}”", short.name, long.name)
            };
            found.pair(short, long, reason);
        }
    }
}

#[cfg(test)]
mod tests;
