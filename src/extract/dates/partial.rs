//! Dates the text gives only in part: a month without a year ("in July",
//! "the April truce"), a day without a year ("on July 21", "21 July") and
//! weekdays ("Friday", "last Tuesday night"). They are found here with what
//! they do say; `context` gives them a year (or a day) from the document.
//!
//! A month name is a month only with a sign of time beside it: a day number,
//! a cue word before it ("in", "since", "early", "last"…), or a determiner and a
//! lowercase noun after it ("the April truce"), so "April Ryan", "May I" and "the
//! March on Rome" are left alone. Abbreviations ("Jan.") need a day number.
//! Weekdays need no cue (they are rarely anything else), except in a few names
//! ("Sunday Times", "Good Friday" stays a date).

use super::lexicon::{is_quantity_unit, is_weekday, month_number};
use super::text::{
    digits_end, is_word_char, next_char, number, prev_char, skip_space, skip_space_back, word_at,
    word_before, word_is,
};

/// Which occurrence of a month or weekday a modifier points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    /// "last Tuesday", "last April": the one before the anchor.
    Last,
    /// "next Tuesday", "next September": the one after the anchor.
    Next,
    /// No modifier, or "this".
    Nearest,
}

/// What a partial date says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Partial {
    /// A month and maybe a day, without a year.
    Month { month: u8, day: Option<u8> },
    /// 0 = Monday … 6 = Sunday.
    Weekday(u8),
}

/// A partial date found in a text, with its span (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    pub start: usize,
    pub end: usize,
    pub what: Partial,
    pub shift: Shift,
}

/// Every partial date of `text`, in text order. Spans may overlap stated dates
/// ("May" in "May 2001"); the caller keeps the stated one.
pub fn find_partial_dates(text: &str) -> Vec<PartialDate> {
    let b = text.as_bytes();
    let mut found: Vec<PartialDate> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_uppercase() || prev_char(text, i).is_some_and(is_word_char) {
            i += 1;
            continue;
        }
        let Some(end) = word_at(text, i) else {
            i += 1;
            continue;
        };
        let word = &b[i..end];
        let hit = if let Some(day) = weekday_number(word) {
            weekday_at(text, i, end, day)
        } else if let Some((month, abbreviated)) = month_number(word) {
            month_at(text, i, end, month, abbreviated)
        } else {
            None
        };
        match hit {
            Some(hit) if found.last().is_none_or(|last| last.end <= hit.start) => {
                i = hit.end;
                found.push(hit);
            }
            _ => i = end,
        }
    }
    found
}

fn weekday_number(word: &[u8]) -> Option<u8> {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    if !is_weekday(word) {
        return None;
    }
    DAYS.iter()
        .position(|d| word_is(word, d))
        .and_then(|k| u8::try_from(k).ok())
}

/// The word of letters just before `pos` (across spaces), as (start, end).
fn previous_word(text: &str, pos: usize) -> Option<(usize, usize)> {
    let q = skip_space_back(text.as_bytes(), pos);
    if q == pos {
        return None;
    }
    word_before(text, q).map(|ws| (ws, q))
}

/// The word of letters just after `pos` (across spaces), as (start, end).
fn following_word(text: &str, pos: usize) -> Option<(usize, usize)> {
    let j = skip_space(text.as_bytes(), pos);
    if j == pos {
        return None;
    }
    word_at(text, j).map(|end| (j, end))
}

fn shift_of(word: &[u8]) -> Option<Shift> {
    if word_is(word, "last") || word_is(word, "past") {
        Some(Shift::Last)
    } else if word_is(word, "next") || word_is(word, "coming") {
        Some(Shift::Next)
    } else if word_is(word, "this") {
        Some(Shift::Nearest)
    } else {
        None
    }
}

/// "Friday", "last Tuesday", "Saturday night": the part of the day joins the span.
fn weekday_at(text: &str, start: usize, end: usize, day: u8) -> Option<PartialDate> {
    let b = text.as_bytes();
    let mut span_end = end;
    if let Some((ws, we)) = following_word(text, end) {
        let next = &b[ws..we];
        // Newspapers named after a day are not dates.
        let title = [
            "times",
            "telegraph",
            "herald",
            "mirror",
            "express",
            "tribune",
        ]
        .iter()
        .any(|w| word_is(next, w));
        if title && next[0].is_ascii_uppercase() {
            return None;
        }
        let part_of_day = ["morning", "afternoon", "evening", "night"]
            .iter()
            .any(|w| next == w.as_bytes());
        if part_of_day {
            span_end = we;
        }
    }
    let shift = previous_word(text, start)
        .and_then(|(ws, we)| shift_of(&b[ws..we]))
        .unwrap_or(Shift::Nearest);
    Some(PartialDate {
        start,
        end: span_end,
        what: Partial::Weekday(day),
        shift,
    })
}

/// A day number of one or two digits at `i` ("21", "21st"), as (end, day).
fn day_at(text: &str, i: usize) -> Option<(usize, u8)> {
    let b = text.as_bytes();
    if !b.get(i).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let digits = digits_end(b, i);
    if digits - i > 2 {
        return None;
    }
    let day = u8::try_from(number(&b[i..digits]))
        .ok()
        .filter(|d| (1..=31).contains(d))?;
    let mut end = digits;
    if let Some(suffix_end) = word_at(text, end) {
        if !["st", "nd", "rd", "th"]
            .iter()
            .any(|s| word_is(&b[end..suffix_end], s))
        {
            return None;
        }
        end = suffix_end;
    }
    // Not a time ("July 21:30"), a decimal, a larger number or a code.
    match next_char(text, end) {
        Some(':' | '.' | ',' | '/') if b.get(end + 1).is_some_and(u8::is_ascii_digit) => None,
        Some(c) if is_word_char(c) || c == '%' => None,
        _ => Some((end, day)),
    }
}

/// "July 21", "21 July", "21st of July", "in July", "the April truce".
fn month_at(
    text: &str,
    start: usize,
    end: usize,
    month: u8,
    abbreviated: bool,
) -> Option<PartialDate> {
    let b = text.as_bytes();
    let mut word_end = end;
    if abbreviated && b.get(end) == Some(&b'.') {
        word_end = end + 1;
    }
    let partial = |start, end, day| PartialDate {
        start,
        end,
        what: Partial::Month { month, day },
        shift: Shift::Nearest,
    };
    // "July 21", "Jan. 5th": a day number after the month.
    let j = skip_space(b, word_end);
    if j > word_end
        && let Some((day_end, day)) = day_at(text, j)
        && !following_word(text, day_end).is_some_and(|(ws, we)| is_quantity_unit(&b[ws..we]))
    {
        return Some(partial(start, day_end, Some(day)));
    }
    // "January second", "December eighth": a day in words.
    if let Some((ws, we)) = following_word(text, word_end)
        && let Some(day) = ordinal_word(&b[ws..we])
        && following_word(text, we).is_none_or(|(ns, ne)| {
            FUNCTION_WORDS.iter().any(|w| word_is(&b[ns..ne], w))
                || !b[ns..ne].iter().all(u8::is_ascii_lowercase)
        })
    {
        return Some(partial(start, we, Some(day)));
    }
    // "21 July", "21st of July": a day number before it.
    if let Some(day_start) = day_before(text, start) {
        let (_, day) = day_at(text, day_start)?;
        return Some(partial(day_start, word_end, Some(day)));
    }
    if abbreviated || !month_is_cued(text, start, end) {
        return None;
    }
    let shift = previous_word(text, start)
        .and_then(|(ws, we)| shift_of(&b[ws..we]))
        .unwrap_or(Shift::Nearest);
    Some(PartialDate {
        shift,
        ..partial(start, end, None)
    })
}

/// The start of a day number before a month name: "21 July", "21st of July".
fn day_before(text: &str, month_start: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut q = skip_space_back(b, month_start);
    if q == month_start {
        return None;
    }
    if let Some(ws) = word_before(text, q).filter(|&ws| word_is(&b[ws..q], "of")) {
        let before = skip_space_back(b, ws);
        if before == ws {
            return None;
        }
        q = before;
    }
    // An ordinal suffix glued to the digits: "21st".
    let suffix = q.checked_sub(2).filter(|&s| {
        ["st", "nd", "rd", "th"]
            .iter()
            .any(|x| word_is(&b[s..q], x))
            && s.checked_sub(1).is_some_and(|d| b[d].is_ascii_digit())
    });
    if let Some(s) = suffix {
        q = s;
    }
    let digits = b[..q]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let p = q - digits;
    let opens = prev_char(text, p).is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '"'));
    ((1..=2).contains(&digits) && opens).then_some(p)
}

/// A bare month name needs a sign that it is a time.
fn month_is_cued(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let is_may = word_is(&b[start..end], "may");
    // "mid-July"
    if prev_char(text, start) == Some('-')
        && word_before(text, start - 1).is_some_and(|ws| word_is(&b[ws..start - 1], "mid"))
    {
        return true;
    }
    let Some((ws, we)) = previous_word(text, start) else {
        return false;
    };
    let cue = &b[ws..we];
    // A name follows ("in April Glaspie's cable"): not a month.
    let next = following_word(text, end);
    if next.is_some_and(|(ns, _)| b[ns].is_ascii_uppercase()) {
        return false;
    }
    const TIME_CUES: &[&str] = &[
        "in",
        "since",
        "until",
        "till",
        "during",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "before",
        "after",
        "from",
        "through",
        "throughout",
        "between",
    ];
    if TIME_CUES.iter().any(|w| word_is(cue, w)) {
        return true;
    }
    // "by July", "set for July": weaker, not for "May" ("written by May").
    if !is_may
        && ["by", "to", "and", "or", "for"]
            .iter()
            .any(|w| word_is(cue, w))
    {
        return true;
    }
    // "the end of July", "the month of May", "all of August".
    if word_is(cue, "of") {
        return previous_word(text, ws).is_some_and(|(ps, pe)| {
            [
                "end",
                "beginning",
                "middle",
                "start",
                "month",
                "rest",
                "all",
            ]
            .iter()
            .any(|w| word_is(&b[ps..pe], w))
        });
    }
    // "the April truce", "Iraq's January elections": a determiner or a
    // possessive, then a lowercase noun.
    let possessive =
        word_is(cue, "s") && prev_char(text, ws).is_some_and(|c| matches!(c, '\'' | '’'));
    let determiner = possessive
        || ["the", "a", "an", "that", "its", "their", "his", "her"]
            .iter()
            .any(|w| word_is(cue, w));
    determiner
        && !is_may
        && next.is_some_and(|(ns, ne)| {
            let noun = &b[ns..ne];
            noun.iter().all(u8::is_ascii_lowercase)
                && !FUNCTION_WORDS.iter().any(|w| word_is(noun, w))
        })
}

/// Words after a month name that show it is not a modifier of a noun ("the March on Rome").
const FUNCTION_WORDS: &[&str] = &[
    "of", "on", "to", "in", "for", "and", "or", "the", "a", "an", "by", "with", "from", "at", "is",
    "was", "that", "which", "who", "as",
];

/// A day of the month in words: "first" … "thirty-first".
fn ordinal_word(word: &[u8]) -> Option<u8> {
    const ORDINALS: [&str; 20] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    let position = |w: &[u8]| ORDINALS.iter().position(|o| word_is(w, o));
    if !word.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    if let Some(k) = position(word) {
        return u8::try_from(k + 1).ok();
    }
    if word_is(word, "thirtieth") {
        return Some(30);
    }
    None
}
