//! The words the date scanner recognises: month and weekday names, and the
//! words around a bare number that tell a year from a count.

use super::text::word_is;

/// Month names count only when Capitalised ("May") or in capitals ("MAY"):
/// lowercase "may" and "march" are verbs far more often than months.
fn is_name_case(word: &[u8]) -> bool {
    match word {
        [first, rest @ ..] if first.is_ascii_uppercase() => {
            rest.iter().all(u8::is_ascii_lowercase) || rest.iter().all(u8::is_ascii_uppercase)
        }
        _ => false,
    }
}

/// Month number of a month name or abbreviation, and whether it is an
/// abbreviation (which may take a full stop: "Feb.").
pub fn month_number(word: &[u8]) -> Option<(u8, bool)> {
    if !is_name_case(word) || word.len() > 9 {
        return None;
    }
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    const SHORT: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let number = |k: usize| u8::try_from(k + 1).ok();
    if let Some(k) = FULL.iter().position(|m| word_is(word, m)) {
        return Some((number(k)?, false));
    }
    if word_is(word, "sept") {
        return Some((9, true));
    }
    let k = SHORT.iter().position(|m| word_is(word, m))?;
    Some((number(k)?, true))
}

pub fn is_weekday(word: &[u8]) -> bool {
    is_name_case(word)
        && [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ]
        .iter()
        .any(|d| word_is(word, d))
}

/// What the word just before a bare four-digit number says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearCue {
    /// Only ever followed by a time: "since 1968", "during 1968", "circa 1500".
    Strong,
    /// "early 1968", "mid-1990s": part of the date's span.
    Modifier,
    /// Often a time, sometimes a count: "by 2000", "of 1968", "from 1979".
    Weak,
    /// "in": the commonest cue, but also "in 1500 cases".
    In,
    /// Joins a second date to one just found: "between 2003 and 2005".
    Connector,
    /// A determiner: "the 1968 election" (a year) vs "the 1500 members" (a count).
    Determiner,
    None,
}

pub fn year_cue(word: &[u8]) -> YearCue {
    const STRONG: &[&str] = &[
        "since",
        "until",
        "till",
        "during",
        "circa",
        "throughout",
        "year",
        "summer",
        "winter",
        "spring",
        "autumn",
        "born",
        "founded",
        "established",
        "dated",
        "copyright",
    ];
    const WEAK: &[&str] = &[
        "by",
        "for",
        "from",
        "to",
        "of",
        "around",
        "before",
        "after",
        "between",
        "compiled",
        "published",
        "updated",
        "revised",
        "printed",
        "recorded",
        "filmed",
        "signed",
        "written",
    ];
    const DETERMINERS: &[&str] = &[
        "the", "a", "an", "this", "that", "its", "his", "her", "their", "our", "my", "your",
        "whose", "last", "next", "same",
    ];
    let any = |list: &[&str]| list.iter().any(|w| word_is(word, w));
    if word_is(word, "in") {
        YearCue::In
    } else if any(&["early", "mid", "late"]) {
        YearCue::Modifier
    } else if any(STRONG) {
        YearCue::Strong
    } else if any(WEAK) {
        YearCue::Weak
    } else if any(&["and", "or", "through"]) {
        YearCue::Connector
    } else if any(DETERMINERS) {
        YearCue::Determiner
    } else {
        YearCue::None
    }
}

/// Words that make a following number a quantity even after a cue:
/// "by 2000 people", "up to 1500", "a total of 1999".
pub fn is_quantity_lead(word: &[u8]) -> bool {
    [
        "total",
        "number",
        "sum",
        "rose",
        "risen",
        "rise",
        "rising",
        "increase",
        "increased",
        "fell",
        "fall",
        "fallen",
        "dropped",
        "drop",
        "grew",
        "climbed",
        "reached",
        "up",
        "down",
        "out",
        "average",
        "tally",
        "count",
        "estimate",
        "estimated",
        "cut",
        "reduced",
        "raised",
        "added",
        "some",
        "capacity",
        "population",
        "price",
        "cost",
        "costs",
        "worth",
        "paid",
        "than",
    ]
    .iter()
    .any(|w| word_is(word, w))
}

/// Units and counted nouns: a number followed by one of these is a quantity,
/// whatever precedes it ("in 1500 members", "1999 tonnes", "2000 km").
pub fn is_quantity_unit(word: &[u8]) -> bool {
    [
        "people",
        "persons",
        "members",
        "votes",
        "voters",
        "tonnes",
        "tons",
        "ton",
        "km",
        "kilometres",
        "kilometers",
        "miles",
        "mi",
        "metres",
        "meters",
        "m",
        "ft",
        "feet",
        "yards",
        "kg",
        "kilograms",
        "g",
        "lb",
        "lbs",
        "pounds",
        "dollars",
        "euros",
        "usd",
        "eur",
        "gbp",
        "rupees",
        "yen",
        "naira",
        "pesos",
        "troops",
        "soldiers",
        "cases",
        "deaths",
        "copies",
        "units",
        "pages",
        "words",
        "times",
        "acres",
        "hectares",
        "ha",
        "barrels",
        "litres",
        "liters",
        "points",
        "seats",
        "signatures",
        "hours",
        "minutes",
        "seconds",
        "days",
        "weeks",
        "months",
        "years",
        "calories",
        "mw",
        "kw",
        "mph",
        "sq",
        "square",
        "cubic",
        "percent",
        "per",
        "million",
        "billion",
        "thousand",
        "hundred",
        "dozen",
        "pcs",
        "items",
        "strong",
    ]
    .iter()
    .any(|w| word_is(word, w))
}

/// Cues written with a full stop: "c. 1500", "ca. 1500", "est. 1968".
pub fn is_dotted_cue(word: &[u8]) -> bool {
    ["c", "ca", "circ", "est"].iter().any(|w| word_is(word, w))
}

/// A lowercase word that reads as a plural noun ("students", "cases"), the
/// sign that the number before it counts something.
pub fn looks_plural(word: &[u8]) -> bool {
    if ["men", "women", "children"]
        .iter()
        .any(|w| word_is(word, w))
    {
        return word.iter().all(u8::is_ascii_lowercase);
    }
    const NOT_PLURAL: &[&str] = &[
        "was",
        "has",
        "is",
        "as",
        "this",
        "thus",
        "its",
        "his",
        "hers",
        "ours",
        "yours",
        "theirs",
        "always",
        "perhaps",
        "whereas",
        "besides",
        "afterwards",
        "towards",
        "unless",
        "less",
        "plus",
        "across",
        "news",
        "does",
        "goes",
        "says",
        "states",
        "shows",
        "notes",
        "finds",
        "describes",
        "concludes",
        "saw",
        "whose",
    ];
    word.len() >= 3
        && word.iter().all(u8::is_ascii_lowercase)
        && word.ends_with(b"s")
        && !word.ends_with(b"ss")
        && !word.ends_with(b"us")
        && !word.ends_with(b"is")
        && !NOT_PLURAL.iter().any(|w| word_is(word, w))
}

/// Verbs that make a sentence-initial number a year as subject: "1968 was".
pub fn is_year_subject_verb(word: &[u8]) -> bool {
    [
        "was", "saw", "marked", "brought", "began", "ended", "proved", "became", "remains",
        "remained", "is", "will", "would", "had", "has",
    ]
    .iter()
    .any(|w| word_is(word, w))
}

/// Abbreviations whose full stop does not end a sentence ("No. 2017 was …").
pub fn is_abbreviation(word: &[u8]) -> bool {
    [
        "no", "nr", "nos", "p", "pp", "vol", "art", "fig", "ch", "sec", "para", "ref", "tel", "op",
        "cf", "ed", "st", "rm", "apt", "ext", "mr", "mrs", "ms", "dr",
    ]
    .iter()
    .any(|w| word_is(word, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_need_a_capital() {
        assert_eq!(month_number(b"March"), Some((3, false)));
        assert_eq!(month_number(b"MAY"), Some((5, false)));
        assert_eq!(month_number(b"Sept"), Some((9, true)));
        assert_eq!(month_number(b"Feb"), Some((2, true)));
        assert_eq!(month_number(b"may"), None);
        assert_eq!(month_number(b"mAY"), None);
        assert_eq!(month_number(b"Marches"), None);
    }

    #[test]
    fn plural_detection() {
        assert!(looks_plural(b"students"));
        assert!(!looks_plural(b"was"));
        assert!(!looks_plural(b"census"));
        assert!(!looks_plural(b"Olympics"));
        assert!(!looks_plural(b"election"));
    }
}
