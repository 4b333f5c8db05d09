//! Names as the trained tagger reads them, made to fit the rest of the engine: the rules'
//! opinion as its hints, titles and stray words trimmed, long official names the rules
//! join kept whole, headings and lines in capitals left to the rules.

use super::EntityKind;
use super::classify::{Context, PlaceLookup, Scores};
use super::document::{
    AcronymDefinition, DocMention, Scored, link_acronyms, link_short_names, make_consistent,
    mentions_of, rule_names,
};
use super::lexicon::Lexicon;
use super::spans::{NAME_PARTICLES, Span, is_all_caps, strip_possessive};
use super::tagger::{Hint, Resources, TaggedName, Tagger, hint};
use super::tokens::{Token, TokenKind, tokenize};

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

/// A tagged name as we show it: without lower-case words at its ends, nor a leading "the", nor a title before a person's
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
    // A name neither begins (but for a particle: "de Klerk") nor ends with a word in
    // lower case: "Mendoza left Quito" does not make "left Quito" a place.
    let in_lower_case = |i: usize| {
        let word = ctx.tokens[i].text(ctx.text);
        !word.chars().any(char::is_uppercase)
    };
    while name.first <= name.last
        && in_lower_case(name.first)
        && !NAME_PARTICLES.contains(&lower(name.first).as_str())
        && lower(name.first) != "the"
    {
        name.first += 1;
    }
    while name.first < name.last && in_lower_case(name.last) {
        name.last -= 1;
    }
    if name.first > name.last || (name.first == name.last && in_lower_case(name.first)) {
        return None;
    }
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
