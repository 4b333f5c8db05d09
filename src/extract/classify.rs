//! Scoring a candidate span as a person, organisation or place from the evidence
//! around it: titles, given names, cue words, organisation head words and legal
//! suffixes, acronym shape, gazetteer hits and the prepositions places follow.

use std::borrow::Cow;

use super::EntityKind;
use super::lexicon::{Lexicon, lowercase};
use super::spans::{Span, is_all_caps};
use super::tokens::Token;

/// What the gazetteer knows about a name, as far as classification needs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlaceEvidence {
    /// A country or first-level region: very likely a place whatever the context.
    pub major: bool,
    pub population: u64,
}

/// The gazetteer as the classifier sees it; implemented by the real one and by test fakes.
pub trait PlaceLookup {
    fn place_evidence(&self, name: &str) -> Option<PlaceEvidence>;
    fn is_demonym(&self, word: &str) -> bool;
    /// A place name that is also an everyday word ("Reading", "Nice").
    fn is_common_word(&self, name: &str) -> bool;
}

/// Scores at or above this make a span an entity.
pub const THRESHOLD: f32 = 1.0;

const PERSON_CUES_AFTER: [&str; 14] = [
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "explained",
    "recalled",
    "asked",
    "replied",
    "testified",
    "who",
    "whose",
    "aged",
    "insisted",
];
const PLACE_PREPOSITIONS: [&str; 14] = [
    "in", "at", "from", "near", "to", "across", "outside", "into", "towards", "toward", "via",
    "around", "through", "between",
];
const SITE_WORDS: [&str; 34] = [
    "camp",
    "port",
    "prison",
    "airport",
    "square",
    "river",
    "street",
    "road",
    "province",
    "district",
    "region",
    "county",
    "island",
    "islands",
    "mount",
    "valley",
    "bay",
    "harbour",
    "harbor",
    "crossing",
    "state",
    "governorate",
    "lake",
    "desert",
    "cerro",
    "estadio",
    "villa",
    "wadi",
    "ouadi",
    "plaza",
    "avenue",
    "mountains",
    "hills",
    "stadium",
];
const COMPASS: [&str; 10] = [
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
    "upper",
];

/// Scores for each kind; the best one at or above [`THRESHOLD`] wins.
#[derive(Debug, Default, Clone, Copy)]
pub struct Scores {
    pub person: f32,
    pub organization: f32,
    pub place: f32,
}

impl Scores {
    pub fn best(&self) -> Option<(EntityKind, f32)> {
        let options = [
            (EntityKind::Person, self.person),
            (EntityKind::Organization, self.organization),
            (EntityKind::Place, self.place),
        ];
        options
            .into_iter()
            .filter(|(_, s)| *s >= THRESHOLD)
            .max_by(|a, b| a.1.total_cmp(&b.1))
    }
}

/// The context a span is scored in.
pub struct Context<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub lex: &'a Lexicon,
    pub places: &'a dyn PlaceLookup,
}

impl Context<'_> {
    fn word(&self, i: usize) -> Option<Cow<'_, str>> {
        let tok = self.tokens.get(i)?;
        tok.is_word().then(|| lowercase(tok.text(self.text)))
    }

    fn words_of(&self, span: &Span) -> Vec<&str> {
        self.tokens[span.first..=span.last]
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.text(self.text))
            .collect()
    }
}

/// Evidence-based scores of one span.
pub fn score(ctx: &Context, span: &Span) -> Scores {
    let mut s = Scores::default();
    let name = &ctx.text[span.start..span.end];
    let words = ctx.words_of(span);
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let last = lower.last().map_or("", String::as_str);
    let single = words.len() == 1;

    if ctx.lex.holidays.contains(lowercase(name).as_ref())
        || (single && ctx.lex.is_calendar_or_demonym(last))
        || (single && ctx.places.is_demonym(name))
    {
        return s;
    }
    person_evidence(ctx, span, &words, &lower, &mut s);
    organization_evidence(ctx, span, &words, &lower, &mut s);
    place_evidence(ctx, span, name, &lower, &mut s);

    if single && span.sentence_start && ctx.lex.is_common(last) && span.title.is_none() {
        s = Scores::default();
    }
    if span.headline && span.title.is_none() {
        // A title-case line capitalises everything: only strong evidence counts.
        s.person -= 1.0;
        s.organization -= 1.0;
        s.place -= 0.5;
    }
    s
}

fn person_evidence(ctx: &Context, span: &Span, words: &[&str], lower: &[String], s: &mut Scores) {
    let single = words.len() == 1;
    if span.title.is_some() {
        s.person += 3.0;
    }
    if span.first > 0
        && ctx.word(span.first - 1).is_some_and(|w| {
            ctx.lex.roles.contains(w.as_ref()) && !ctx.lex.org_heads.contains(w.as_ref())
        })
    {
        s.person += 1.5;
    }
    if lower.first().is_some_and(|w| ctx.lex.is_given_name(w)) {
        s.person += if single { 0.6 } else { 2.0 };
    }
    if !single && lower.last().is_some_and(|w| ctx.lex.surnames.contains(w)) {
        s.person += 0.5;
    }
    let next = next_word(ctx, span.last + 1);
    if next
        .as_deref()
        .is_some_and(|w| PERSON_CUES_AFTER.contains(&w))
    {
        s.person += 1.0;
    }
    if speaker_label(ctx, span) {
        s.person += 2.0;
    }
    let plain_name = (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| !is_all_caps(w) || words.iter().all(|w| is_all_caps(w)))
        && lower
            .iter()
            .all(|w| !ctx.lex.is_common(w) || ctx.lex.is_given_name(w));
    if plain_name {
        s.person += 1.0;
    }
}

fn organization_evidence(
    ctx: &Context,
    span: &Span,
    words: &[&str],
    lower: &[String],
    s: &mut Scores,
) {
    // A head word alone ("Board", "League") is a common noun, not a name.
    if words.len() > 1 && lower.iter().any(|w| ctx.lex.org_heads.contains(w)) {
        s.organization += 3.0;
    }
    let last = lower.last().map_or("", String::as_str);
    if words.len() > 1 && ctx.lex.legal_suffixes.contains(last) {
        s.organization += 3.0;
    }
    if ctx.tokens[span.first..=span.last]
        .iter()
        .any(|t| t.is_punct('&'))
    {
        s.organization += 2.0;
    }
    if words.len() == 1 && is_acronym(words[0], ctx.lex) && !span.headline {
        s.organization += 1.5;
    }
    if span.had_the || (span.first > 0 && ctx.word(span.first - 1).as_deref() == Some("the")) {
        s.organization += 0.5;
    }
}

fn place_evidence(ctx: &Context, span: &Span, name: &str, lower: &[String], s: &mut Scores) {
    let mut known = ctx.places.place_evidence(name);
    // "Meridian", "Reading": a one-word place that is also an ordinary word or a given
    // name needs a preposition or a "X, Country" pattern before it counts.
    let single_common = lower.len() == 1
        && (ctx.lex.is_common(&lower[0])
            || ctx.lex.is_given_name(&lower[0])
            || ctx.places.is_common_word(name));
    let preposition = span.first > 0
        && ctx
            .word(span.first - 1)
            .is_some_and(|w| PLACE_PREPOSITIONS.contains(&w.as_ref()));
    if single_common && !preposition && !comma_place(ctx, span) {
        known = None;
    }
    if lower.len() > 1
        && COMPASS.contains(&lower[0].as_str())
        && ctx
            .places
            .place_evidence(lower[1..].join(" ").as_str())
            .is_some_and(|p| p.major)
    {
        s.place += 3.0;
    }
    if let Some(place) = known {
        s.place += 1.5;
        if place.major {
            s.place += 1.5;
        }
        if place.population > 100_000 {
            s.place += 0.5;
        }
        if preposition {
            s.place += 1.0;
        }
        if comma_place(ctx, span) {
            s.place += 1.0;
        }
    } else if preposition {
        s.place += 0.3;
    }
    let edge_site = [lower.first(), lower.last()]
        .into_iter()
        .flatten()
        .any(|w| SITE_WORDS.contains(&w.as_str()));
    if lower.len() > 1 && edge_site {
        s.place += 2.5;
    }
}

/// "Ikeja, Lagos": a name followed by a comma and a known place.
fn comma_place(ctx: &Context, span: &Span) -> bool {
    let (Some(comma), Some(next)) = (ctx.tokens.get(span.last + 1), ctx.tokens.get(span.last + 2))
    else {
        return false;
    };
    comma.is_punct(',')
        && next.is_word()
        && ctx.places.place_evidence(next.text(ctx.text)).is_some()
}

/// "AMINA OKAFOR: Thank you" — a name alone at the start of a line before a colon.
fn speaker_label(ctx: &Context, span: &Span) -> bool {
    let at_line_start =
        span.first == 0 || ctx.tokens[span.first - 1].kind == super::tokens::TokenKind::LineBreak;
    at_line_start
        && ctx
            .tokens
            .get(span.last + 1)
            .is_some_and(|t| t.is_punct(':'))
        && span.last > span.first
}

fn next_word<'a>(ctx: &'a Context, mut i: usize) -> Option<Cow<'a, str>> {
    while let Some(tok) = ctx.tokens.get(i) {
        if tok.is_punct(',') {
            i += 1;
            continue;
        }
        return ctx.word(i);
    }
    None
}

/// "UNICEF", "FARC", "DHL": all capitals, 2–6 letters, not an ordinary word or a numeral.
pub fn is_acronym(word: &str, lex: &Lexicon) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    is_all_caps(word)
        && (2..=7).contains(&letters)
        && !lex.stopwords.contains(lowercase(word).as_ref())
        && !word
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'M'))
}
