//! One document's mentions: candidate spans scored, then made consistent across the
//! document (a name that is a person once is a person throughout; "Whitfield" after
//! "Ruth Whitfield" is her), and acronyms linked to the long forms defined beside them.

use foldhash::{HashMap, HashMapExt};

use serde::{Deserialize, Serialize};

use super::EntityKind;
use super::classify::{Context, PlaceLookup, Scores, THRESHOLD, is_acronym, score};
use super::lexicon::Lexicon;
use super::spans::{Span, candidate_spans};
use super::tokens::tokenize;
use super::variants::fold;

/// One mention found in a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocMention {
    pub kind: EntityKind,
    /// Byte offsets into the decoded text.
    pub start: usize,
    pub end: usize,
    /// The surface text.
    pub text: String,
    /// The fullest form of the name in this document: "Ruth Whitfield" for a later
    /// "Whitfield", the long form for an acronym the document defines. Dates: ISO value.
    pub key: String,
    /// Places: resolved coordinates and country.
    pub place: Option<ResolvedPlace>,
}

/// A place the gazetteer resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResolvedPlace {
    /// Gazetteer id, so "Bombay" and "Mumbai" link; `Gazetteer::place(id)` has the rest.
    pub id: u32,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub lat: f64,
    pub lon: f64,
}

/// An acronym and the long form a document defines for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcronymDefinition {
    pub acronym: String,
    pub long_form: String,
}

/// Everything found in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentEntities {
    pub path: String,
    pub mentions: Vec<DocMention>,
    pub acronyms: Vec<AcronymDefinition>,
}

pub(super) struct Scored {
    pub(super) span: Span,
    pub(super) scores: Scores,
    pub(super) kind: Option<EntityKind>,
    pub(super) key: String,
}

/// Names (people, organisations, places) of one text found by the hand-written rules
/// alone; dates and coordinates are added by the caller.
pub fn find_names(
    text: &str,
    lex: &Lexicon,
    places: &dyn PlaceLookup,
) -> (Vec<DocMention>, Vec<AcronymDefinition>) {
    let tokens = tokenize(text);
    let ctx = Context {
        text,
        tokens: &tokens,
        lex,
        places,
    };
    let (scored, acronyms) = rule_names(&ctx);
    (mentions_of(text, scored), acronyms)
}

/// The rules: candidate spans scored, acronyms linked, kinds made consistent, short
/// names tied to full ones.
pub(super) fn rule_names(ctx: &Context) -> (Vec<Scored>, Vec<AcronymDefinition>) {
    let text = ctx.text;
    let mut scored: Vec<Scored> = candidate_spans(text, ctx.tokens, ctx.lex)
        .into_iter()
        .map(|span| {
            let scores = score(ctx, &span);
            let key = text[span.start..span.end].to_string();
            Scored {
                kind: scores.best().map(|(k, _)| k),
                span,
                scores,
                key,
            }
        })
        .collect();
    let acronyms = link_acronyms(ctx, &mut scored);
    make_consistent(&mut scored);
    link_short_names(&mut scored);
    (scored, acronyms)
}

pub(super) fn mentions_of(text: &str, scored: Vec<Scored>) -> Vec<DocMention> {
    scored
        .into_iter()
        .filter_map(|s| {
            let kind = s.kind?;
            Some(DocMention {
                kind,
                start: s.span.start,
                end: s.span.end,
                text: text[s.span.start..s.span.end].to_string(),
                key: s.key,
                place: None,
            })
        })
        .collect()
}

/// "Long Form (LF)" and "LF (the Long Form)": both become one organisation.
pub(super) fn link_acronyms(ctx: &Context, scored: &mut [Scored]) -> Vec<AcronymDefinition> {
    let mut defs = Vec::new();
    for i in 0..scored.len().saturating_sub(1) {
        let (a, b) = (&scored[i].span, &scored[i + 1].span);
        let between = &ctx.tokens[a.last + 1..b.first];
        let opens = between.iter().any(|t| t.is_punct('('))
            && between
                .iter()
                .all(|t| t.is_punct('(') || t.text(ctx.text).eq_ignore_ascii_case("the"));
        if !opens
            || !ctx
                .tokens
                .get(b.last + 1)
                .is_some_and(|t| t.is_punct(')') || t.is_punct(','))
        {
            continue;
        }
        let text_a = &ctx.text[a.start..a.end];
        let text_b = &ctx.text[b.start..b.end];
        let (short, long, long_at) = if a.first == a.last && is_acronym(text_a, ctx.lex) {
            (text_a, text_b, i + 1)
        } else if b.first == b.last && is_acronym(text_b, ctx.lex) {
            (text_b, text_a, i)
        } else {
            continue;
        };
        if !super::variants::is_acronym_of(short, long) {
            continue;
        }
        let long_key = scored[long_at].key.clone();
        for s in [i, i + 1] {
            scored[s].kind = Some(EntityKind::Organization);
            scored[s].scores.organization += 3.0;
            scored[s].key = long_key.clone();
        }
        defs.push(AcronymDefinition {
            acronym: short.to_string(),
            long_form: long_key,
        });
    }
    // Later uses of a defined acronym take the long form as key.
    let map: HashMap<String, String> = defs
        .iter()
        .map(|d| (d.acronym.clone(), d.long_form.clone()))
        .collect();
    for s in scored.iter_mut() {
        let surface = &ctx.text[s.span.start..s.span.end];
        if let Some(long) = map.get(surface) {
            s.kind = Some(EntityKind::Organization);
            s.key = long.clone();
        }
    }
    defs
}

/// A name gets the kind its occurrences in the document vote for, weighted by score,
/// so weak occurrences (sentence-initial, headline) follow the strong ones.
pub(super) fn make_consistent(scored: &mut [Scored]) {
    let folded: Vec<String> = scored.iter().map(|s| fold(&s.key)).collect();
    let mut votes: HashMap<&str, [f32; 3]> = HashMap::new();
    for (s, key) in scored.iter().zip(&folded) {
        if let Some(kind) = s.kind {
            let slot = kind_slot(kind);
            votes.entry(key).or_default()[slot] += best_score(&s.scores).max(THRESHOLD);
        }
    }
    for (s, key) in scored.iter_mut().zip(&folded) {
        if let Some(v) = votes.get(key.as_str()) {
            let (slot, _) = v
                .iter()
                .enumerate()
                .max_by(|a, b| a.1.total_cmp(b.1))
                .unwrap_or((0, &0.0));
            s.kind = Some(
                [
                    EntityKind::Person,
                    EntityKind::Organization,
                    EntityKind::Place,
                ][slot],
            );
        }
    }
}

fn kind_slot(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        _ => 2,
    }
}

fn best_score(s: &Scores) -> f32 {
    s.person.max(s.organization).max(s.place)
}

/// Single names ("Whitfield", "Amina") that are the surname or given name of one full
/// name of a person in the document become that person. When two people share the
/// name ("Amina Okafor", "Chidi Okafor"), a bare "Okafor" stays unlinked: guessing
/// the nearest one is wrong too often in interviews, where both speak.
pub(super) fn link_short_names(scored: &mut [Scored]) {
    let mut parts: HashMap<String, Vec<String>> = HashMap::new();
    for s in scored.iter() {
        if s.kind != Some(EntityKind::Person) {
            continue;
        }
        let words: Vec<&str> = s.key.split_whitespace().collect();
        if words.len() < 2 {
            continue;
        }
        let full = fold(&s.key);
        for part in [words[0], words[words.len() - 1]] {
            let entry = parts.entry(fold(part)).or_default();
            if !entry.iter().any(|k| fold(k) == full) {
                entry.push(s.key.clone());
            }
        }
    }
    for s in scored.iter_mut() {
        if s.key.split_whitespace().count() != 1 {
            continue;
        }
        let Some(full) = parts.get(&fold(&s.key)) else {
            continue;
        };
        let strong_other =
            s.kind.is_some_and(|k| k != EntityKind::Person) && best_score(&s.scores) >= 3.0;
        if strong_other {
            continue;
        }
        s.kind = Some(EntityKind::Person);
        if full.len() == 1 {
            s.key = full[0].clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::classify::PlaceEvidence;

    struct FakePlaces;
    impl PlaceLookup for FakePlaces {
        fn place_evidence(&self, name: &str) -> Option<PlaceEvidence> {
            match name {
                "Lagos" | "Ikeja" | "Geneva" => Some(PlaceEvidence {
                    major: false,
                    population: 500_000,
                }),
                "Nigeria" | "Colombia" => Some(PlaceEvidence {
                    major: true,
                    population: 0,
                }),
                _ => None,
            }
        }
        fn is_demonym(&self, word: &str) -> bool {
            word == "Nigerian"
        }
        fn is_common_word(&self, _name: &str) -> bool {
            false
        }
    }

    fn found(text: &str) -> Vec<(EntityKind, String, String)> {
        let lex = Lexicon::embedded();
        find_names(text, &lex, &FakePlaces)
            .0
            .into_iter()
            .map(|m| (m.kind, m.text, m.key))
            .collect()
    }

    fn has(
        found: &[(EntityKind, String, String)],
        kind: EntityKind,
        text: &str,
        key: &str,
    ) -> bool {
        found
            .iter()
            .any(|(k, t, y)| *k == kind && t == text && y == key)
    }

    #[test]
    fn surname_refers_to_the_one_full_name() {
        let f = found("Senator Ruth Whitfield read the memo. Later Whitfield said it was true.");
        assert!(
            has(&f, EntityKind::Person, "Ruth Whitfield", "Ruth Whitfield"),
            "{f:?}"
        );
        assert!(
            has(&f, EntityKind::Person, "Whitfield", "Ruth Whitfield"),
            "{f:?}"
        );
    }

    #[test]
    fn shared_surname_stays_two_people_and_bare_surname_unlinked() {
        let f = found("Amina Okafor met Chidi Okafor in Lagos. Okafor left.");
        assert!(
            has(&f, EntityKind::Person, "Amina Okafor", "Amina Okafor"),
            "{f:?}"
        );
        assert!(
            has(&f, EntityKind::Person, "Chidi Okafor", "Chidi Okafor"),
            "{f:?}"
        );
        assert!(has(&f, EntityKind::Person, "Okafor", "Okafor"), "{f:?}");
        assert!(has(&f, EntityKind::Place, "Lagos", "Lagos"), "{f:?}");
    }

    #[test]
    fn acronym_definitions_link_both_ways() {
        let f = found(
            "Talks with the Revolutionary Armed Forces of Colombia (FARC) stalled. FARC said no.",
        );
        let long = "Revolutionary Armed Forces of Colombia";
        assert!(has(&f, EntityKind::Organization, long, long), "{f:?}");
        assert!(
            f.iter()
                .filter(|(_, t, k)| t == "FARC" && k == long)
                .count()
                == 2,
            "{f:?}"
        );
        let g = found("Staff of UNHCR (the United Nations High Commissioner for Refugees) came.");
        assert!(
            has(
                &g,
                EntityKind::Organization,
                "UNHCR",
                "United Nations High Commissioner for Refugees"
            ),
            "{g:?}"
        );
    }

    #[test]
    fn organisations_by_head_word_and_legal_suffix() {
        let f = found(
            "He wrote to the Brazilian Ministry of Health and to Meridian Freight Ltd about it.",
        );
        assert!(
            has(
                &f,
                EntityKind::Organization,
                "Brazilian Ministry of Health",
                "Brazilian Ministry of Health"
            ),
            "{f:?}"
        );
        assert!(
            has(
                &f,
                EntityKind::Organization,
                "Meridian Freight Ltd",
                "Meridian Freight Ltd"
            ),
            "{f:?}"
        );
    }

    #[test]
    fn calendar_words_demonyms_and_link_text_are_not_names() {
        let f = found("On Monday the Nigerian team met. Click Here. New Year's Day came in March.");
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn speaker_labels_in_capitals_are_people() {
        let f = found("TRANSCRIPT\nCHIDI OKAFOR: In December.\nAMINA OKAFOR: Thank you.");
        assert!(
            has(&f, EntityKind::Person, "CHIDI OKAFOR", "CHIDI OKAFOR"),
            "{f:?}"
        );
    }
}
