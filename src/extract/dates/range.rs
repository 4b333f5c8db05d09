//! Ranges: two dates joined by "to", "and", "through" or a dash are one span
//! that gives both ends, each at its own granularity. An end that lacks a year
//! takes the other end's ("March to May 2011" → 2011-03 and 2011-05), and a
//! lone day number takes the other end's month ("from March 3 to 5, 1999").

use super::lexicon::{is_quantity_unit, month_number};
use super::partial::{Partial, Shift};
use super::text::{
    digits_end, is_dash, next_char, next_digit, number, prev_char, skip_space, skip_space_back,
    word_at, word_before, word_is,
};
use super::value::{DateValue, Granularity};
use super::{PLAUSIBLE_YEARS, days_in_month};

/// What the words of a date say: a whole date, or a part of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Said {
    Stated(DateValue),
    Partial(Partial, Shift),
}

/// One end of a date mention while it is being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Item {
    /// The words of this end.
    pub start: usize,
    pub end: usize,
    pub said: Said,
    /// The span reported: the whole range when this is one of its ends.
    pub span: (usize, usize),
}

/// The words and signs that join two ends of a range or a pair.
fn is_connector(gap: &str) -> bool {
    let gap = gap.trim();
    gap.chars().count() == 1 && gap.chars().all(is_dash)
        || ["to", "and", "through", "until", "till", "thru"]
            .iter()
            .any(|w| gap.eq_ignore_ascii_case(w))
}

/// Where a range's span starts: "between" and "from" before its first end join it.
fn range_start(text: &str, start: usize) -> usize {
    let q = skip_space_back(text.as_bytes(), start);
    match word_before(text, q) {
        Some(ws)
            if q < start
                && ["between", "from"]
                    .iter()
                    .any(|w| word_is(&text.as_bytes()[ws..q], w)) =>
        {
            ws
        }
        _ => start,
    }
}

/// The month an item names, if any.
fn month_of(said: Said) -> Option<u8> {
    match said {
        Said::Stated(v) if v.granularity >= Granularity::Month => v.month,
        Said::Partial(Partial::Month { month, .. }, _) => Some(month),
        _ => None,
    }
}

/// Adds the ends a range implies but no scanner found, then joins every pair
/// of adjacent items that a connector links. `items` is sorted by start.
pub(super) fn join_ranges(text: &str, items: &mut Vec<Item>) {
    let mut added = year_pairs(text, items);
    for (k, item) in items.iter().enumerate() {
        let next_start = items.get(k + 1).map_or(text.len(), |n| n.start);
        let prev_end = k.checked_sub(1).map_or(0, |p| items[p].end);
        if let Some(first) = month_before_range(text, item, prev_end) {
            added.push(first);
        }
        if let Some(last) = day_after_range(text, item, next_start) {
            added.push(last);
        }
        added.extend(inner_day_range(text, item, prev_end));
    }
    if !added.is_empty() {
        items.extend(added);
        items.sort_by_key(|i| (i.start, i.end));
    }
    let mut k = 0;
    while k + 1 < items.len() {
        let (a, b) = (items[k], items[k + 1]);
        let joined = a.end <= b.start && is_connector(&text[a.end..b.start])
            || (a.start, a.end) == (b.start, b.end);
        if !joined {
            k += 1;
            continue;
        }
        let first = a.start.min(a.span.0).min(b.span.0);
        let span = (range_start(text, first), b.end.max(a.span.1).max(b.span.1));
        let (a_said, b_said) = share_years(a.said, b.said);
        items[k] = Item {
            said: a_said,
            span,
            ..a
        };
        items[k + 1] = Item {
            said: b_said,
            span,
            ..b
        };
        k += 2;
    }
}

/// An end without a year takes the other end's; a range that would run
/// backwards ("December to February 2011") starts the year before.
fn share_years(a: Said, b: Said) -> (Said, Said) {
    match (a, b) {
        (Said::Partial(Partial::Month { month, day }, _), Said::Stated(v))
            if v.granularity >= Granularity::Month =>
        {
            let year = if Some(month) > v.month {
                v.year - 1
            } else {
                v.year
            };
            (stated(year, month, day).unwrap_or(a), b)
        }
        (Said::Partial(Partial::Month { month, day }, _), Said::Stated(v))
            if v.granularity == Granularity::Year =>
        {
            (stated(v.year, month, day).unwrap_or(a), b)
        }
        (Said::Stated(v), Said::Partial(Partial::Month { month, day }, _))
            if v.granularity >= Granularity::Year =>
        {
            let year = if v.month.is_some_and(|m| month < m) {
                v.year + 1
            } else {
                v.year
            };
            (a, stated(year, month, day).unwrap_or(b))
        }
        _ => (a, b),
    }
}

fn stated(year: i32, month: u8, day: Option<u8>) -> Option<Said> {
    let value = match day {
        Some(day) => DateValue::day(year, month, day)?,
        None => DateValue::month(year, month)?,
    };
    Some(Said::Stated(value))
}

/// "March to May 2011": the month name before a connector, which no scanner
/// took for a date on its own.
fn month_before_range(text: &str, item: &Item, prev_end: usize) -> Option<Item> {
    month_of(item.said)?;
    let b = text.as_bytes();
    let q = skip_space_back(b, item.start);
    let connector_start = if prev_char(text, q).is_some_and(is_dash) {
        q - prev_char(text, q)?.len_utf8()
    } else {
        let ws = word_before(text, q)?;
        if !["to", "through", "until", "till"]
            .iter()
            .any(|w| word_is(&b[ws..q], w))
        {
            return None;
        }
        ws
    };
    let me = skip_space_back(b, connector_start);
    let ms = word_before(text, me)?;
    let (month, abbreviated) = month_number(&b[ms..me])?;
    if abbreviated || ms < prev_end {
        return None;
    }
    Some(Item {
        start: ms,
        end: me,
        said: Said::Partial(Partial::Month { month, day: None }, Shift::Nearest),
        span: (ms, me),
    })
}

/// "from March 3 to 5, 1999", "June 2 and 3": a lone day number after a
/// connector ends a range that starts with a month and day.
fn day_after_range(text: &str, item: &Item, next_start: usize) -> Option<Item> {
    let (month, year) = match item.said {
        Said::Partial(
            Partial::Month {
                month,
                day: Some(_),
            },
            _,
        ) => (month, None),
        Said::Stated(v) if v.granularity == Granularity::Day => (v.month?, Some(v.year)),
        _ => return None,
    };
    let b = text.as_bytes();
    let mut i = skip_space(b, item.end);
    if next_char(text, i).is_some_and(is_dash) {
        i += next_char(text, i)?.len_utf8();
    } else {
        let we = word_at(text, i)?;
        if !["to", "and", "through", "until", "till"]
            .iter()
            .any(|w| word_is(&b[i..we], w))
        {
            return None;
        }
        i = we;
    }
    let ds = skip_space(b, i);
    let de = digits_end(b, ds);
    if !(1..=2).contains(&(de - ds)) || de > next_start {
        return None;
    }
    let day = u8::try_from(number(&b[ds..de])).ok()?;
    let mut end = de;
    if let Some(suffix_end) = word_at(text, end).filter(|&e| {
        ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| word_is(&b[end..e], s))
    }) {
        end = suffix_end;
    }
    if next_char(text, end).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    // A year after it ("5, 1999") belongs to both ends.
    let mut year_after = None;
    let mut k = end;
    if b.get(k) == Some(&b',') {
        k += 1;
    }
    let ys = skip_space(b, k);
    let ye = digits_end(b, ys);
    if ye - ys == 4
        && ys > end
        && let Ok(y) = i32::try_from(number(&b[ys..ye]))
        && PLAUSIBLE_YEARS.contains(&y)
        && !next_char(text, ye).is_some_and(|c| c.is_alphanumeric())
    {
        year_after = Some(y);
        end = ye;
    }
    if end > next_start || day > 31 {
        return None;
    }
    let said = match year.or(year_after) {
        Some(y) if day <= days_in_month(y, month) => Said::Stated(DateValue::day(y, month, day)?),
        Some(_) => return None,
        None => Said::Partial(
            Partial::Month {
                month,
                day: Some(day),
            },
            Shift::Nearest,
        ),
    };
    Some(Item {
        start: ds,
        end,
        said,
        span: (ds, end),
    })
}

/// "1991 - 95", "2007 - 8", "1936–1939": a year, a dash and a later year
/// (whole or its last digits) within 30 years, found even where the first year
/// has no cue of its own. Not before a unit ("1000 - 1500 people").
fn year_pairs(text: &str, items: &[Item]) -> Vec<Item> {
    let b = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(p) = next_digit(b, i) {
        let e = digits_end(b, p);
        i = e;
        if e - p != 4 || prev_char(text, p).is_some_and(|c| !(c.is_whitespace() || c == '(')) {
            continue;
        }
        let Ok(first) = i32::try_from(number(&b[p..e])) else {
            continue;
        };
        let j = skip_space(b, e);
        let Some(dash) = next_char(text, j).filter(|&c| is_dash(c)) else {
            continue;
        };
        let ds = skip_space(b, j + dash.len_utf8());
        let de = digits_end(b, ds);
        let last = match de - ds {
            1 => first.div_euclid(10) * 10 + i32::try_from(number(&b[ds..de])).unwrap_or(0),
            2 => first.div_euclid(100) * 100 + i32::try_from(number(&b[ds..de])).unwrap_or(0),
            4 => i32::try_from(number(&b[ds..de])).unwrap_or(0),
            _ => continue,
        };
        let closes = !next_char(text, de).is_some_and(|c| c.is_alphanumeric() || c == '%');
        let unit_follows = word_at(text, skip_space(b, de))
            .is_some_and(|we| is_quantity_unit(&b[skip_space(b, de)..we]));
        let plausible = (1800..=2100).contains(&first) && (1..=30).contains(&(last - first));
        let is_at = |span: (usize, usize)| items.iter().any(|it| (it.start, it.end) == span);
        let other_date = items.iter().any(|it| {
            it.start < de
                && p < it.end
                && (it.start, it.end) != (p, e)
                && (it.start, it.end) != (ds, de)
        });
        if !closes || unit_follows || !plausible || other_date {
            continue;
        }
        for (start, end, year) in [(p, e, first), (ds, de, last)] {
            if !is_at((start, end)) {
                found.push(Item {
                    start,
                    end,
                    said: Said::Stated(DateValue::year(year)),
                    span: (start, end),
                });
            }
        }
        i = de;
    }
    found
}

/// "6–10 February 2023" and "February 6–10, 2023": the scanner gives the span
/// valued at its last day; this is the first, sharing the span.
fn inner_day_range(text: &str, item: &Item, prev_end: usize) -> Option<Item> {
    let Said::Stated(v) = item.said else {
        return None;
    };
    if v.granularity != Granularity::Day {
        return None;
    }
    let b = text.as_bytes();
    let first_day = |ds: usize, de: usize| {
        u8::try_from(number(&b[ds..de]))
            .ok()
            .and_then(|d| DateValue::day(v.year, v.month?, d))
            .filter(|d| d.day < v.day)
    };
    // "February 6–10, 2023": two day numbers inside the span.
    let inner = &text[item.start..item.end];
    if let Some(pos) = inner.find(|c: char| c.is_ascii_digit()) {
        let ds = item.start + pos;
        let de = digits_end(b, ds);
        if de - ds <= 2
            && next_char(text, de).is_some_and(is_dash)
            && let Some(first) = first_day(ds, de)
        {
            return Some(Item {
                said: Said::Stated(first),
                ..*item
            });
        }
    }
    // "6–10 February 2023": the first day and a dash just before the span.
    let dash = prev_char(text, item.start).filter(|&c| is_dash(c))?;
    let de = item.start - dash.len_utf8();
    let ds = de
        - b[..de]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count();
    if !(1..=2).contains(&(de - ds)) || ds < prev_end {
        return None;
    }
    let first = first_day(ds, de)?;
    Some(Item {
        said: Said::Stated(first),
        span: (ds, item.end),
        ..*item
    })
}
