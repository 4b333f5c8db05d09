//! One document's mentions: candidate spans scored, then made consistent across the
//! document (a name that is a person once is a person throughout; "Whitfield" after
//! "Ruth Whitfield" is her), and acronyms linked to the long forms defined beside them.

use foldhash::{HashMap, HashMapExt};

use serde::{Deserialize, Serialize};

use super::EntityKind;
use super::classify::{Context, PlaceLookup, Scores, THRESHOLD, is_acronym, score};
use super::lexicon::Lexicon;
use super::spans::{Span, candidate_spans, is_all_caps, strip_possessive};
use super::tagger::{Hint, Resources, TaggedName, Tagger, hint};
use super::tokens::{Token, TokenKind, tokenize};
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

struct Scored {
    span: Span,
    scores: Scores,
    kind: Option<EntityKind>,
    key: String,
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

/// Names of one text as the trained tagger reads them, with the rules' opinion as one
/// of its features; acronym definitions and the document-wide consistency rules are
/// applied to its names as to the rules' own.
pub fn find_names_tagged(
    text: &str,
    lex: &Lexicon,
    places: &dyn PlaceLookup,
    tagger: &Tagger,
    res: &Resources,
) -> (Vec<DocMention>, Vec<AcronymDefinition>) {
    let tokens = tokenize(text);
    let ctx = Context {
        text,
        tokens: &tokens,
        lex,
        places,
    };
    let (rules, _) = rule_names(&ctx);
    let hints = hints_of(&rules, tokens.len());
    // The model learnt from sentences of news in ordinary case; on headings and lines in
    // capitals (table rows, transcripts' speaker labels) the rules know better.
    let shouting = shouting_lines(text, &tokens);
    let on_shouting_line = |first: usize| shouting.get(first).copied().unwrap_or(false);
    let mut scored: Vec<Scored> = tagger
        .names(text, &tokens, &hints, res)
        .into_iter()
        .filter(|name| !on_shouting_line(name.first))
        .filter_map(|name| trim_tagged(&ctx, name, &hints))
        .map(|name| widen_to_rules(name, &rules))
        .filter_map(|name| tagged_span(&ctx, name))
        .collect();
    // Two names widened to the same long one are one name.
    scored.dedup_by(|later, earlier| later.span.first <= earlier.span.last);
    let tagged = scored.len();
    scored.extend(
        rules
            .into_iter()
            .filter(|s| on_shouting_line(s.span.first) && known_in_capitals(&ctx, s)),
    );
    if scored.len() > tagged {
        scored.sort_by_key(|s| s.span.start);
    }
    let acronyms = link_acronyms(&ctx, &mut scored);
    make_consistent(&mut scored);
    link_short_names(&mut scored);
    (mentions_of(text, scored), acronyms)
}

/// What the rules make of each token, as the tagger's hints.
pub fn rule_hints(ctx: &Context) -> Vec<Hint> {
    let (scored, _) = rule_names(ctx);
    hints_of(&scored, ctx.tokens.len())
}

fn hints_of(scored: &[Scored], token_count: usize) -> Vec<Hint> {
    let mut hints = vec![0; token_count];
    for s in scored {
        let Some(kind) = s.kind else { continue };
        for (i, h) in hints
            .iter_mut()
            .enumerate()
            .take(s.span.last + 1)
            .skip(s.span.first)
        {
            *h = hint(kind, i == s.span.first);
        }
    }
    hints
}

/// Whether a name the rules found on a line in capitals has evidence beyond its capitals:
/// a speaker label ("CHIDI OKAFOR:"), a given name, a place the gazetteer knows, an
/// organisation's head word or legal suffix. "MIDWEST DIVISION" or "RESULTS" have none.
fn known_in_capitals(ctx: &Context, s: &Scored) -> bool {
    let Some(kind) = s.kind else {
        return false;
    };
    let speaker = ctx
        .tokens
        .get(s.span.last + 1)
        .is_some_and(|t| t.is_punct(':'));
    let words: Vec<String> = ctx.tokens[s.span.first..=s.span.last]
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.text(ctx.text).to_lowercase())
        .collect();
    let name = &ctx.text[s.span.start..s.span.end];
    speaker
        || match kind {
            EntityKind::Person => words.first().is_some_and(|w| ctx.lex.is_given_name(w)),
            EntityKind::Place => ctx.places.place_evidence(name).is_some(),
            _ => words.iter().any(|w| {
                ctx.lex.org_heads.contains(w.as_str())
                    || ctx.lex.legal_suffixes.contains(w.trim_end_matches('.'))
            }),
        }
}

/// For each token, whether its line is one the model never saw in its training news: all
/// in capitals, or a short heading that is not a sentence.
fn shouting_lines(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    let mut line_start = 0;
    for i in 0..=tokens.len() {
        let ends = i == tokens.len() || tokens[i].kind == TokenKind::LineBreak;
        if !ends {
            continue;
        }
        let line = &tokens[line_start..i];
        let words = line.iter().filter(|t| t.is_word());
        let count = words.clone().count();
        let capitals = count > 0
            && words
                .clone()
                .all(|t| !t.text(text).chars().any(char::is_lowercase));
        // A short line that is not a sentence: a title, a heading, a label.
        let heading = (1..=6).contains(&count)
            && !line
                .last()
                .is_some_and(|t| t.is_punct('.') || t.is_punct('?') || t.is_punct('!'));
        if capitals || heading {
            out[line_start..i].fill(true);
        }
        line_start = i + 1;
    }
    out
}

/// A tagged name as we show it: without a leading "the", nor a title before a person's
/// name ("Mr", "Judge"; after "Mr", "Ms", "Dr" the name is a person's), and not a lone
/// title, role or calendar word ("Judge", "Interviewer", "Date") unless the rules also
/// saw a name there: the model learnt from news, where such words are seldom names, and
/// reports and transcripts use them as headings and labels.
fn trim_tagged(ctx: &Context, mut name: TaggedName, hints: &[Hint]) -> Option<TaggedName> {
    let lower = |i: usize| {
        ctx.tokens[i]
            .text(ctx.text)
            .trim_end_matches('.')
            .to_lowercase()
    };
    while name.first < name.last {
        let word = lower(name.first);
        let next_is_given = ctx
            .tokens
            .get(name.first + 1)
            .is_some_and(|t| ctx.lex.is_given_name(&t.text(ctx.text).to_lowercase()));
        let honorific = matches!(word.as_str(), "mr" | "mrs" | "ms" | "dr" | "miss" | "sir")
            || (next_is_given && ctx.lex.is_title(&word));
        if word == "the" {
            name.first += 1;
        } else if honorific || (name.kind == EntityKind::Person && ctx.lex.is_title(&word)) {
            name.first += 1;
            name.kind = EntityKind::Person;
        } else {
            break;
        }
    }
    if name.first == name.last && hints.get(name.first).copied().unwrap_or(0) == 0 {
        let word = lower(name.first);
        let label_word = ctx.lex.is_title(&word)
            || ctx.lex.roles.contains(&word)
            || ctx.lex.months_weekdays.contains(&word)
            || ctx.lex.holidays.contains(&word)
            || ctx.lex.non_name_starts.contains(&word);
        let token = ctx.tokens[name.first].text(ctx.text);
        if ctx.places.is_demonym(token) {
            return None;
        }
        // A capital at the start of a sentence proves nothing of an everyday word.
        let opening_word = ctx.tokens[name.first].sentence_start && ctx.lex.is_common(&word);
        if (label_word || opening_word) && !ctx.lex.org_heads.contains(&word) && !is_all_caps(token)
        {
            return None;
        }
    }
    Some(name)
}

/// A tagged name inside a longer name of the same kind that the rules found takes the
/// rules' span: they join the long official names ("Advisory, Conciliation and
/// Arbitration Service", "Department of Foreign Affairs and Trade") the news-trained
/// model cuts short.
fn widen_to_rules(mut name: TaggedName, rules: &[Scored]) -> TaggedName {
    let wider = rules.iter().find(|r| {
        r.kind == Some(name.kind)
            && r.span.first <= name.first
            && name.last <= r.span.last
            && (r.span.first, r.span.last) != (name.first, name.last)
    });
    if let Some(r) = wider {
        name.first = r.span.first;
        name.last = r.span.last;
    }
    name
}

/// A tagged name as a scored span: its byte range without a possessive ending.
fn tagged_span(ctx: &Context, name: TaggedName) -> Option<Scored> {
    let first = ctx.tokens.get(name.first)?;
    let last = ctx.tokens.get(name.last)?;
    let end = last.start + strip_possessive(last.text(ctx.text)).len();
    if end <= first.start {
        return None;
    }
    let mut scores = Scores::default();
    match name.kind {
        EntityKind::Person => scores.person = TAGGED_SCORE,
        EntityKind::Organization => scores.organization = TAGGED_SCORE,
        _ => scores.place = TAGGED_SCORE,
    }
    Some(Scored {
        span: Span {
            first: name.first,
            last: name.last,
            start: first.start,
            end,
            title: None,
            had_the: false,
            sentence_start: first.sentence_start,
            headline: false,
        },
        scores,
        kind: Some(name.kind),
        key: ctx.text[first.start..end].to_string(),
    })
}

/// The weight a tagged name's kind carries in the document's vote.
const TAGGED_SCORE: f32 = 2.0;

/// The rules: candidate spans scored, acronyms linked, kinds made consistent, short
/// names tied to full ones.
fn rule_names(ctx: &Context) -> (Vec<Scored>, Vec<AcronymDefinition>) {
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

fn mentions_of(text: &str, scored: Vec<Scored>) -> Vec<DocMention> {
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
fn link_acronyms(ctx: &Context, scored: &mut [Scored]) -> Vec<AcronymDefinition> {
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
fn make_consistent(scored: &mut [Scored]) {
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
fn link_short_names(scored: &mut [Scored]) {
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
