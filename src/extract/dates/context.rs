//! Dates read in the context of their document: ranges give both ends, and
//! dates the text gives only in part are completed from the document.
//!
//! Anchors, strongest first:
//! - the document's own date (an e-mail's Date header, a file's metadata), or a
//!   dateline (a full date in the first lines of the text);
//! - otherwise the nearest date stated earlier in the same text with at least
//!   a month ("March 2011", "Jan. 30, 2025"): a bare year is too often a look
//!   back ("since records began in 1997", "the 2016 agreement") to date what follows.
//!
//! A month or a day without a year ("in July", "on July 21") takes the year of
//! its anchor: a text that names a month and year usually goes on in that year.
//! A weekday ("Friday", "last Tuesday") points from the time of writing, so it
//! needs an anchor that is a day: the document's date, a dateline, or a full
//! date earlier in the text. Two weekdays joined ("Monday to Friday", "Monday
//! and Thursday") are mostly a schedule, not two days, and get no value. Values
//! found so are marked *inferred*. Without an anchor a partial date is still
//! reported (it is a time the text speaks of, and the reader can date it) but
//! has no value, so it is never placed on the timeline on a guess.

use super::partial::{Partial, Shift, find_partial_dates};
use super::range::{Item, Said, join_ranges};
use super::value::{DateValue, Granularity, days_from_epoch};
use super::{DateMention, find_dates};

/// A date mention with the value its document gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextDate {
    /// Byte offsets of the mention; both ends of a range share the range's span.
    pub start: usize,
    pub end: usize,
    /// `None` when the text gives no year (or no day, for a weekday) and the
    /// document no anchor.
    pub value: Option<DateValue>,
    /// The value was completed from an anchor, not read whole from the words.
    pub inferred: bool,
    /// What the words say when they give no whole date ("July 21", "Friday").
    pub partial: Option<Partial>,
}

/// Marks an inferred value in a mention's key, and so in its entity's name.
const INFERRED_SUFFIX: &str = " (inferred)";

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl ContextDate {
    /// The key that links mentions into entities: the ISO value ("2011-07"),
    /// marked when inferred ("2011-07 (inferred)"), or for a date without value
    /// what the words say ("July 21", "Friday").
    pub fn key(&self) -> String {
        match (self.value, self.partial) {
            (Some(value), _) if self.inferred => format!("{}{INFERRED_SUFFIX}", value.iso()),
            (Some(value), _) => value.iso(),
            (None, Some(partial)) => partial_name(partial),
            (None, None) => String::new(),
        }
    }
}

/// How a partial date is named when it has no value: "July 21", "July", "Friday".
fn partial_name(partial: Partial) -> String {
    match partial {
        Partial::Month { month, day } => {
            let name = MONTH_NAMES[usize::from(month.clamp(1, 12)) - 1];
            day.map_or_else(|| name.to_string(), |d| format!("{name} {d}"))
        }
        Partial::Weekday(day) => WEEKDAY_NAMES[usize::from(day.min(6))].to_string(),
    }
}

/// Reads back a date key: its ISO value if it has one, and whether that was inferred.
pub fn parse_date_key(key: &str) -> (Option<DateValue>, bool) {
    if let Some(iso) = key.strip_suffix(INFERRED_SUFFIX)
        && let Some(value) = DateValue::parse_iso(iso)
    {
        return (Some(value), true);
    }
    (DateValue::parse_iso(key), false)
}

/// Every date of `text`, stated or partial, with the values its document gives
/// them. `document_date` is the document's own date, if it has one. Sorted by span.
pub fn find_dates_in_context(text: &str, document_date: Option<DateValue>) -> Vec<ContextDate> {
    let stated = find_dates(text);
    let mut items: Vec<Item> = stated.iter().map(stated_item).collect();
    let mut next_stated = 0;
    for p in find_partial_dates(text) {
        while stated.get(next_stated).is_some_and(|s| s.end <= p.start) {
            next_stated += 1;
        }
        let overlaps = stated.get(next_stated).is_some_and(|s| s.start < p.end);
        if !overlaps {
            items.push(Item {
                start: p.start,
                end: p.end,
                said: Said::Partial(p.what, p.shift),
                span: (p.start, p.end),
            });
        }
    }
    items.sort_by_key(|i| (i.start, i.end));
    join_ranges(text, &mut items);
    resolve(text, &items, document_date)
}

fn stated_item(m: &DateMention) -> Item {
    Item {
        start: m.start,
        end: m.end,
        said: Said::Stated(m.value),
        span: (m.start, m.end),
    }
}

/// A full date that opens a text (in its first lines, before any sentence has
/// ended) dates the whole document.
fn dateline(text: &str, items: &[Item]) -> Option<DateValue> {
    let first = items.first()?;
    let Said::Stated(value) = first.said else {
        return None;
    };
    let before = &text[..first.start];
    let sentence_ended = [". ", ".\n", "! ", "? "]
        .iter()
        .any(|end| before.contains(end));
    let opens = first.start < 300 && before.matches('\n').count() <= 2 && !sentence_ended;
    (value.granularity == Granularity::Day && opens).then_some(value)
}

fn resolve(text: &str, items: &[Item], document_date: Option<DateValue>) -> Vec<ContextDate> {
    let document = document_date
        .filter(|d| d.granularity >= Granularity::Year)
        .or_else(|| dateline(text, items));
    let mut last_stated: Option<DateValue> = None;
    let mut last_day: Option<DateValue> = None;
    let mut out: Vec<ContextDate> = Vec::with_capacity(items.len());
    for item in items {
        let (value, inferred, partial) = match item.said {
            Said::Stated(value) => {
                if value.granularity >= Granularity::Month {
                    last_stated = Some(value);
                }
                if value.granularity == Granularity::Day {
                    last_day = Some(value);
                }
                (Some(value), false, None)
            }
            Said::Partial(what @ Partial::Month { month, day }, shift) => {
                let value = document
                    .or(last_stated)
                    .and_then(|anchor| month_near(anchor, month, day, shift));
                (value, value.is_some(), Some(what))
            }
            Said::Partial(what @ Partial::Weekday(weekday), shift) => {
                let schedule = items.iter().any(|other| {
                    other != item
                        && other.span == item.span
                        && matches!(other.said, Said::Partial(Partial::Weekday(_), _))
                });
                let value = match document {
                    _ if schedule => None,
                    Some(d) => weekday_near(d, weekday, shift, true),
                    None => last_day.and_then(|d| weekday_near(d, weekday, shift, false)),
                };
                (value, value.is_some(), Some(what))
            }
        };
        // A range of partial dates that runs past December ends the year after.
        let value = match (out.last(), value) {
            (Some(prev), Some(v))
                if inferred && prev.inferred && (prev.start, prev.end) == item.span =>
            {
                match prev.value {
                    Some(p) if v < p => shift_year(v, 1),
                    _ => Some(v),
                }
            }
            _ => value,
        };
        out.push(ContextDate {
            start: item.span.0,
            end: item.span.1,
            value,
            inferred,
            partial,
        });
    }
    // Both ends of a range share a span: the earlier end first.
    out.sort_by_key(|d| (d.start, d.end, d.value));
    out
}

fn shift_year(value: DateValue, years: i32) -> Option<DateValue> {
    let year = value.year + years;
    match (value.month, value.day) {
        (Some(m), Some(d)) => DateValue::day(year, m, d),
        (Some(m), None) => DateValue::month(year, m),
        _ => Some(DateValue { year, ..value }),
    }
}

/// A month (and day) without a year, in the year its anchor gives: the same
/// year, or the one before or after for "last April" and "next September".
fn month_near(anchor: DateValue, month: u8, day: Option<u8>, shift: Shift) -> Option<DateValue> {
    let year = match (shift, anchor.month) {
        (Shift::Last, Some(m)) if month >= m => anchor.year - 1,
        (Shift::Next, Some(m)) if month <= m => anchor.year + 1,
        _ => anchor.year,
    };
    match day {
        Some(day) => DateValue::day(year, month, day),
        None => DateValue::month(year, month),
    }
}

/// The weekday nearest a day anchor: "last" is the one before it, "next" the one
/// after; a bare weekday is, from the document's date, the latest one on or before
/// it (news speak of days just past), and from a date in the text, the one within
/// three days of it.
fn weekday_near(
    anchor: DateValue,
    weekday: u8,
    shift: Shift,
    from_document: bool,
) -> Option<DateValue> {
    if anchor.granularity != Granularity::Day {
        return None;
    }
    let day = days_from_epoch(anchor.year, anchor.month?, anchor.day?);
    // 1970-01-01 was a Thursday (3, counting Monday as 0).
    let anchor_weekday = (day + 3).rem_euclid(7);
    let back = (anchor_weekday - i64::from(weekday)).rem_euclid(7);
    let target = match shift {
        Shift::Last => day - if back == 0 { 7 } else { back },
        Shift::Next => {
            let ahead = (i64::from(weekday) - anchor_weekday).rem_euclid(7);
            day + if ahead == 0 { 7 } else { ahead }
        }
        Shift::Nearest if from_document || back <= 3 => day - back,
        Shift::Nearest => day + (7 - back),
    };
    let (year, month, day) = super::civil_from_days(target);
    DateValue::day(year, month, day)
}
