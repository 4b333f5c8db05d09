//! Candidate name spans: maximal runs of capitalised words, joined by the small
//! connectors names contain ("of", "de", "van", "al-", "&"), cut at punctuation and
//! line breaks, and trimmed of titles, link words and sentence-initial common words.

use super::lexicon::{Lexicon, lowercase};
use super::tokens::{Token, TokenKind};

/// A run of tokens that may be a name.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// Token range `[first, last]`, inclusive.
    pub first: usize,
    pub last: usize,
    /// Byte range of the name in the text (without a possessive "'s").
    pub start: usize,
    pub end: usize,
    /// A title such as "Senator" stood right before the name (lower case, no dot).
    pub title: Option<String>,
    /// "The" was trimmed from the front ("The Lagos Courier").
    pub had_the: bool,
    /// The name starts its sentence or line, so its capital proves nothing.
    pub sentence_start: bool,
    /// On a title-case line such as a headline, where every word is capitalised.
    pub headline: bool,
}

const CONNECTORS: [&str; 16] = [
    "of", "the", "de", "del", "della", "da", "di", "do", "dos", "van", "der", "von", "den", "du",
    "la", "y",
];
const ARABIC_CONNECTORS: [&str; 6] = ["al", "el", "bin", "ibn", "bint", "abu"];

/// Whether the word begins with a capital letter, or an Arabic article before one ("al-Qaeda").
pub fn is_capitalised(word: &str) -> bool {
    let first = word.chars().next();
    if first.is_some_and(char::is_uppercase) {
        return true;
    }
    for article in ["al-", "el-", "ul-", "ad-", "ar-", "as-", "an-"] {
        if let Some(rest) = word.strip_prefix(article) {
            return rest.chars().next().is_some_and(char::is_uppercase);
        }
    }
    false
}

pub fn is_all_caps(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// The word without a possessive ending ("Okafor's" → "Okafor").
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix("'S"))
        .unwrap_or(word)
}

/// Lower-case words that belong inside or at the start of a name ("al-Sistani", "de Klerk",
/// "van der Berg").
pub const NAME_PARTICLES: [&str; 16] = [
    "al", "el", "bin", "ibn", "de", "van", "von", "der", "da", "di", "la", "le", "du", "dos",
    "del", "ul",
];

/// Lines where nearly every word is capitalised: headlines, menus, title blocks.
fn headline_lines(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut flags = vec![false; tokens.len()];
    let mut line_start = 0;
    for i in 0..=tokens.len() {
        if i < tokens.len() && tokens[i].kind != TokenKind::LineBreak {
            continue;
        }
        let (mut long_words, mut capitalised) = (0, 0);
        for word in tokens[line_start..i]
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.text(text))
            .filter(|w| w.chars().nth(3).is_some())
        {
            long_words += 1;
            capitalised += usize::from(is_capitalised(word) && !is_all_caps(word));
        }
        let ends_sentence = tokens[line_start..i]
            .iter()
            .rev()
            .find(|t| t.kind != TokenKind::LineBreak)
            .is_some_and(|t| t.is_punct('.'));
        if long_words >= 4 && capitalised * 10 >= long_words * 8 && !ends_sentence {
            flags[line_start..i].iter_mut().for_each(|f| *f = true);
        }
        line_start = i + 1;
    }
    flags
}

/// All candidate spans of the text, in order.
pub fn candidate_spans(text: &str, tokens: &[Token], lex: &Lexicon) -> Vec<Span> {
    let headline = headline_lines(text, tokens);
    let mut spans = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !starts_run(text, &tokens[i], lex) {
            i += 1;
            continue;
        }
        let mut last = i;
        let mut j = i + 1;
        while j < tokens.len() {
            let tok = &tokens[j];
            if strip_possessive(tokens[last].text(text)) != tokens[last].text(text) {
                break;
            }
            if continues_run(text, tok, lex) {
                last = j;
                j += 1;
            } else if (is_connector(text, tok) && j + 1 < tokens.len())
                || (is_org_connector(text, tok)
                    && has_org_head(text, &tokens[i..=last], lex)
                    && tokens
                        .get(j + 1)
                        .is_some_and(|t| continues_run(text, t, lex)))
            {
                j += 1;
            } else {
                break;
            }
        }
        if let Some(span) = trim(text, tokens, i, last, lex, headline[i]) {
            spans.push(span);
        }
        i = last + 1;
    }
    spans
}

fn starts_run(text: &str, tok: &Token, lex: &Lexicon) -> bool {
    tok.is_word() && continues_run(text, tok, lex)
}

fn continues_run(text: &str, tok: &Token, lex: &Lexicon) -> bool {
    if !tok.is_word() {
        return false;
    }
    let word = tok.text(text);
    if !is_capitalised(word) {
        return false;
    }
    // In ALL-CAPS lines the function words are capitalised too: they still break names.
    if !is_all_caps(word) {
        return true;
    }
    let lower = lowercase(word);
    !lex.stopwords.contains(lower.as_ref()) || CONNECTORS.contains(&lower.as_ref())
}

/// "for", "on" and "and" join words only inside organisation names
/// ("Coalition for Open Archives"), never between two people.
fn is_org_connector(text: &str, tok: &Token) -> bool {
    tok.is_word() && matches!(tok.text(text), "for" | "on" | "and")
}

fn has_org_head(text: &str, tokens: &[Token], lex: &Lexicon) -> bool {
    tokens
        .iter()
        .any(|t| t.is_word() && lex.org_heads.contains(lowercase(t.text(text)).as_ref()))
}

fn is_connector(text: &str, tok: &Token) -> bool {
    if tok.is_punct('&') {
        return true;
    }
    if !tok.is_word() {
        return false;
    }
    let word = tok.text(text);
    let lower = lowercase(word);
    (CONNECTORS.contains(&lower.as_ref()) || ARABIC_CONNECTORS.contains(&lower.as_ref()))
        && (word.chars().all(char::is_lowercase) || is_all_caps(word))
}

/// Removes what cannot be part of a name from both ends of the run `[first, last]`.
fn trim(
    text: &str,
    tokens: &[Token],
    mut first: usize,
    mut last: usize,
    lex: &Lexicon,
    headline: bool,
) -> Option<Span> {
    let mut title = None;
    let mut had_the = false;
    let mut sentence_start = tokens[first].sentence_start;
    while first <= last {
        let word = strip_possessive(tokens[first].text(text));
        let lower = word.to_lowercase();
        let bare = lower.trim_end_matches('.');
        let drop = if lex.is_title(&lower) && first < last {
            title = Some(bare.to_string());
            true
        } else if bare == "the" || bare == "a" || bare == "an" {
            had_the |= bare == "the";
            true
        } else if lex.non_name_starts.contains(bare) || lex.stopwords.contains(bare) {
            true
        } else if lex.months_weekdays.contains(bare) {
            first < last
        } else if lex.demonyms.contains(bare) {
            // "Brazilian Ministry of Health" keeps its adjective; "Nigerian Chidi Okafor" does not.
            first < last && !has_org_head(text, &tokens[first..=last], lex)
        } else {
            sentence_start
                && lex.is_common(bare)
                && !lex.is_given_name(bare)
                && !is_all_caps(word)
                && first < last
        };
        if !drop {
            break;
        }
        if first > 0 || title.is_some() {
            sentence_start = false;
        }
        first += 1;
        while first <= last && !tokens[first].is_word() {
            first += 1;
        }
    }
    while last >= first
        && (!tokens[last].is_word()
            || is_connector(text, &tokens[last])
            || is_org_connector(text, &tokens[last])
            || (last > first
                && lex
                    .months_weekdays
                    .contains(lowercase(tokens[last].text(text)).as_ref())))
    {
        if last == 0 {
            return None;
        }
        last -= 1;
    }
    if first > last {
        return None;
    }
    let start = tokens[first].start;
    let last_word = tokens[last].text(text);
    let end = tokens[last].start + strip_possessive(last_word).len();
    Some(Span {
        first,
        last,
        start,
        end,
        title,
        had_the,
        sentence_start,
        headline,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    fn spans(text: &str) -> Vec<String> {
        let lex = Lexicon::embedded();
        let tokens = tokenize(text);
        candidate_spans(text, &tokens, &lex)
            .iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn runs_join_connectors_and_stop_at_punctuation() {
        assert_eq!(
            spans(
                "She joined the International Committee of the Red Cross in Geneva, Switzerland."
            ),
            [
                "International Committee of the Red Cross",
                "Geneva",
                "Switzerland"
            ]
        );
        assert_eq!(
            spans("a case against Pemberton & Castle today"),
            ["Pemberton & Castle"]
        );
    }

    #[test]
    fn titles_possessives_and_link_words_are_trimmed() {
        assert_eq!(
            spans("as Senator Ruth Whitfield's memo said"),
            ["Ruth Whitfield"]
        );
        assert!(spans("Click Here to read").is_empty());
        assert_eq!(spans("When Amina Okafor arrived"), ["Amina Okafor"]);
        assert_eq!(
            spans("a talk by the leader of al-Qaeda last year"),
            ["al-Qaeda"]
        );
    }

    #[test]
    fn all_caps_function_words_break_runs() {
        assert_eq!(spans("INTERVIEW WITH CHIDI OKAFOR"), ["CHIDI OKAFOR"]);
    }
}
