//! The scanner: finds digit runs, then tries the date forms that can contain
//! them, longest and most certain first. Every date form has digits in it,
//! so text between digits is skipped eight bytes at a time.

use super::DateMention;
use super::lexicon::{YearCue, is_weekday, month_number, year_cue};
use super::text::{
    digits_end, is_apostrophe, is_dash, is_word_char, next_char, next_digit, number, prev_char,
    skip_space, skip_space_back, word_at, word_before, word_is,
};
use super::value::DateValue;

/// Years outside this range are read as numbers, never as dates.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1000..=2100;

/// A date form matched at some span. `value` is `None` when the text has a
/// date's shape but no such date exists ("31 February 1999", "05/06/2016"
/// read either way): the span is skipped, never repaired or split.
pub(super) struct Hit {
    pub start: usize,
    pub end: usize,
    pub value: Option<DateValue>,
}

pub(super) struct Scanner<'a> {
    pub text: &'a str,
    pub b: &'a [u8],
    /// End of the last reported date; a new span never starts before it.
    pub last_end: usize,
    /// Value of the last reported date, for "1998–99".
    pub last_value: Option<DateValue>,
}

pub fn find_dates(text: &str) -> Vec<DateMention> {
    let b = text.as_bytes();
    let mut scanner = Scanner {
        text,
        b,
        last_end: 0,
        last_value: None,
    };
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(p) = next_digit(b, i) {
        let e = digits_end(b, p);
        i = e;
        let Some(hit) = scanner.match_at(p, e) else {
            continue;
        };
        i = hit.end.max(e);
        if let Some(value) = hit.value {
            found.push(DateMention {
                start: hit.start,
                end: hit.end,
                value,
            });
            scanner.last_end = hit.end;
            scanner.last_value = Some(value);
        }
    }
    found
}

impl Scanner<'_> {
    fn match_at(&self, p: usize, e: usize) -> Option<Hit> {
        match e - p {
            1 | 2 => self
                .month_day_year(p, e)
                .or_else(|| self.day_month_year(p, e))
                .or_else(|| self.numeric_date(p, e))
                .or_else(|| self.short_decade(p, e))
                .or_else(|| self.short_range_end(p, e, self.last_value)),
            4 => self
                .month_year(p, e)
                .or_else(|| self.iso_date(p, e))
                .or_else(|| self.decade(p, e))
                .or_else(|| self.bare_year(p, e)),
            _ => None,
        }
    }

    /// A number may start here: nothing glued before it but an opening bracket or quote.
    pub(super) fn opens_number(&self, p: usize) -> bool {
        prev_char(self.text, p).is_none_or(|c| {
            // '*' and '_' are Markdown emphasis: "**1997** — founded".
            c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '«' | '‘' | '\'' | '*' | '_')
        })
    }

    /// A year may end here: not glued to letters, digits, '%', '/', decimals
    /// ("1999.5", "1,999,000"), times ("1999:30") or a hyphenated word ("2000-strong").
    pub(super) fn closes_year(&self, e: usize) -> bool {
        let digit_at = |i: usize| self.b.get(i).is_some_and(u8::is_ascii_digit);
        match next_char(self.text, e) {
            None => true,
            Some('.' | ',' | ':') => !digit_at(e + 1),
            Some(c) if is_dash(c) => {
                !next_char(self.text, e + c.len_utf8()).is_some_and(char::is_alphabetic)
            }
            Some(c) => {
                c.is_whitespace()
                    || matches!(
                        c,
                        ')' | ']' | ';' | '!' | '?' | '"' | '”' | '»' | '’' | '\'' | '*' | '_'
                    )
            }
        }
    }

    /// A plausible four-digit year starting exactly at `i`, as (end, year).
    fn year_at(&self, i: usize) -> Option<(usize, i32)> {
        let end = digits_end(self.b, i);
        let year = i32::try_from(number(self.b.get(i..end)?)).ok()?;
        (end - i == 4 && PLAUSIBLE_YEARS.contains(&year) && self.closes_year(end))
            .then_some((end, year))
    }

    /// A month name ending just before `p` (with its abbreviation's full stop),
    /// as (start, month). `loose` also allows "March, 1999" and "March of 1999".
    fn month_before(&self, p: usize, loose: bool) -> Option<(usize, u8)> {
        let b = self.b;
        let mut q = skip_space_back(b, p);
        if loose && q > 0 && b[q - 1] == b',' {
            q = skip_space_back(b, q - 1);
        } else if q == p {
            return None;
        }
        if loose && let Some(ws) = word_before(self.text, q).filter(|&ws| word_is(&b[ws..q], "of"))
        {
            let before_of = skip_space_back(b, ws);
            if before_of == ws {
                return None;
            }
            q = before_of;
        }
        let dotted = q > 0 && b[q - 1] == b'.';
        let word_end = if dotted { q - 1 } else { q };
        let ws = word_before(self.text, word_end)?;
        let (month, abbreviated) = month_number(&b[ws..word_end])?;
        (ws >= self.last_end && (abbreviated || !dotted)).then_some((ws, month))
    }

    /// A weekday name (and comma) just before `pos`, as its start: it joins
    /// the span of a full date ("Monday, 14 May 2012").
    fn weekday_before(&self, pos: usize) -> Option<usize> {
        let b = self.b;
        let mut q = skip_space_back(b, pos);
        if q > 0 && b[q - 1] == b',' {
            q = skip_space_back(b, q - 1);
        }
        if q == pos {
            return None;
        }
        let ws = word_before(self.text, q)?;
        (ws >= self.last_end && is_weekday(&b[ws..q])).then_some(ws)
    }

    /// "early", "mid" or "late" just before `pos` ("mid-1990s", "late 1950s"), as its start.
    pub(super) fn modifier_before(&self, pos: usize) -> Option<usize> {
        let glued = prev_char(self.text, pos) == Some('-');
        let q = if glued {
            pos - 1
        } else {
            skip_space_back(self.b, pos)
        };
        if q == pos {
            return None;
        }
        let ws = word_before(self.text, q)?;
        (ws >= self.last_end && year_cue(&self.b[ws..q]) == YearCue::Modifier).then_some(ws)
    }

    /// After a day number: an ordinal suffix, a comma or space, then the year.
    fn year_after_day(&self, e: usize) -> Option<(usize, i32)> {
        let b = self.b;
        let mut i = e;
        if let Some(end) = word_at(self.text, i) {
            let suffix = &b[i..end];
            if !["st", "nd", "rd", "th"].iter().any(|s| word_is(suffix, s)) {
                return None;
            }
            i = end;
        }
        let comma = b.get(i) == Some(&b',');
        if comma {
            i += 1;
        }
        let j = skip_space(b, i);
        if j == i && !comma {
            return None;
        }
        self.year_at(j)
    }

    /// The second day of "6–10": its digits, if a dash and one or two digits follow `e`.
    fn range_end_day(&self, e: usize) -> Option<(usize, usize)> {
        let dash = next_char(self.text, e).filter(|&c| is_dash(c))?;
        let start = e + dash.len_utf8();
        let end = digits_end(self.b, start);
        (1..=2).contains(&(end - start)).then_some((start, end))
    }

    /// After a dash or slash, the second day of a range ("6–10 February 2023",
    /// "the night of 30/31 December 2018") may start a date.
    fn after_day_dash(&self, p: usize) -> bool {
        let Some(dash) = prev_char(self.text, p).filter(|&c| is_dash(c) || c == '/') else {
            return false;
        };
        let d = p - dash.len_utf8();
        let digits = self.b[..d]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count();
        (1..=2).contains(&digits) && self.opens_number(d - digits)
    }

    fn day_number(&self, p: usize, e: usize) -> Option<u8> {
        u8::try_from(number(&self.b[p..e]))
            .ok()
            .filter(|d| (1..=31).contains(d))
    }

    /// "March 3, 1999", "June 21st, 2016", "Feb. 3 1999" (the digits are the
    /// day). A day range "February 6–10, 2023" is one span valued at its last day.
    fn month_day_year(&self, p: usize, e: usize) -> Option<Hit> {
        let (month_start, month) = self.month_before(p, false)?;
        let (day_start, day_end) = self.range_end_day(e).unwrap_or((p, e));
        let day = self.day_number(day_start, day_end)?;
        let (end, year) = self.year_after_day(day_end)?;
        let start = self.weekday_before(month_start).unwrap_or(month_start);
        Some(Hit {
            start,
            end,
            value: DateValue::day(year, month, day),
        })
    }

    /// "3 March 1999", "3rd of March 1999", "14 May, 2012".
    fn day_month_year(&self, p: usize, e: usize) -> Option<Hit> {
        let b = self.b;
        if !self.opens_number(p) && !self.after_day_dash(p) {
            return None;
        }
        let day = self.day_number(p, e)?;
        let mut i = e;
        if let Some(end) = word_at(self.text, i) {
            if !["st", "nd", "rd", "th"]
                .iter()
                .any(|s| word_is(&b[i..end], s))
            {
                return None;
            }
            i = end;
        }
        let mut j = skip_space(b, i);
        if j == i {
            return None;
        }
        if let Some(end) = word_at(self.text, j).filter(|&end| word_is(&b[j..end], "of")) {
            let k = skip_space(b, end);
            if k == end {
                return None;
            }
            j = k;
        }
        let month_end = word_at(self.text, j)?;
        let (month, abbreviated) = month_number(&b[j..month_end])?;
        let mut i = month_end;
        if abbreviated && b.get(i) == Some(&b'.') {
            i += 1;
        }
        let comma = b.get(i) == Some(&b',');
        if comma {
            i += 1;
        }
        let k = skip_space(b, i);
        if k == i && !comma {
            return None;
        }
        let (end, year) = self.year_at(k)?;
        let start = self.weekday_before(p).unwrap_or(p);
        Some(Hit {
            start,
            end,
            value: DateValue::day(year, month, day),
        })
    }

    /// "February 1979", "Feb. 1979", "Sept 2001", "March of 1999" (the digits are the year).
    fn month_year(&self, p: usize, e: usize) -> Option<Hit> {
        let (start, month) = self.month_before(p, true)?;
        let (end, year) = self.year_at(p)?;
        if self
            .next_word(e)
            .is_some_and(super::lexicon::is_quantity_unit)
        {
            return None;
        }
        Some(Hit {
            start,
            end,
            value: DateValue::month(year, month),
        })
    }

    /// "2016-06-21" and "2016/06/21" (year first is never ambiguous), and
    /// the ISO month "1979-02".
    fn iso_date(&self, p: usize, e: usize) -> Option<Hit> {
        let b = self.b;
        let sep = *b.get(e)?;
        let two_digits_at = |i: usize| digits_end(b, i) == i + 2;
        if !matches!(sep, b'-' | b'/') || !self.opens_number(p) || !two_digits_at(e + 1) {
            return None;
        }
        if b.get(e + 3) != Some(&sep) || !two_digits_at(e + 4) {
            return self.iso_month(p, e);
        }
        let end = e + 6;
        let time_follows =
            b.get(end) == Some(&b'T') && b.get(end + 1).is_some_and(u8::is_ascii_digit);
        if next_char(self.text, end).is_some_and(is_word_char) && !time_follows {
            return None;
        }
        let year = i32::try_from(number(&b[p..e])).ok()?;
        if !PLAUSIBLE_YEARS.contains(&year) {
            return None;
        }
        let month = u8::try_from(number(&b[e + 1..e + 3])).ok()?;
        let day = u8::try_from(number(&b[e + 4..e + 6])).ok()?;
        Some(Hit {
            start: p,
            end,
            value: DateValue::day(year, month, day),
        })
    }

    /// "1979-02": a year, a hyphen and a month number. When the two digits
    /// could also end a range that goes forward ("2001-02"), the range wins.
    fn iso_month(&self, p: usize, e: usize) -> Option<Hit> {
        let b = self.b;
        if b.get(e) != Some(&b'-') || !self.closes_year(e + 3) || b.get(e + 3) == Some(&b'-') {
            return None;
        }
        let year = i32::try_from(number(&b[p..e])).ok()?;
        let month = u8::try_from(number(&b[e + 1..e + 3])).ok()?;
        let forward_range = i32::from(month) > year.rem_euclid(100);
        if !PLAUSIBLE_YEARS.contains(&year) || forward_range {
            return None;
        }
        Some(Hit {
            start: p,
            end: e + 3,
            value: DateValue::month(year, month),
        })
    }

    /// "21/06/2016", "21.06.2016", "06/21/2016": day and month are told apart
    /// only when one of them is above 12 (or both are equal); "05/06/2016" is
    /// ambiguous between the British and American orders and is skipped.
    fn numeric_date(&self, p: usize, e: usize) -> Option<Hit> {
        let b = self.b;
        let sep = *b.get(e)?;
        if !matches!(sep, b'/' | b'.' | b'-') || !self.opens_number(p) {
            return None;
        }
        let second_end = digits_end(b, e + 1);
        if !(1..=2).contains(&(second_end - e - 1)) || b.get(second_end) != Some(&sep) {
            return None;
        }
        let (end, year) = self.year_at(second_end + 1)?;
        let another_group =
            b.get(end) == Some(&sep) && b.get(end + 1).is_some_and(u8::is_ascii_digit);
        if another_group {
            return None;
        }
        let first = u8::try_from(number(&b[p..e])).ok()?;
        let second = u8::try_from(number(&b[e + 1..second_end])).ok()?;
        let (day, month) = match (first, second) {
            (f, s) if f == s || (f > 12 && s <= 12) => (f, s),
            (f, s) if f <= 12 && s > 12 => (s, f),
            _ => {
                return Some(Hit {
                    start: p,
                    end,
                    value: None,
                });
            }
        };
        Some(Hit {
            start: p,
            end,
            value: DateValue::day(year, month, day),
        })
    }

    /// "1980s", "the mid-1990s", "early 1970s". Round hundreds ("1800s") usually
    /// mean a century, which has no granularity here, so only "2000s" passes.
    fn decade(&self, p: usize, e: usize) -> Option<Hit> {
        if self.b.get(e) != Some(&b's') || next_char(self.text, e + 1).is_some_and(is_word_char) {
            return None;
        }
        let year = i32::try_from(number(&self.b[p..e])).ok()?;
        let round = year % 10 == 0 && (year % 100 != 0 || year == 2000);
        if !round || !PLAUSIBLE_YEARS.contains(&year) {
            return None;
        }
        let modifier = self.modifier_before(p);
        if modifier.is_none() && !self.opens_number(p) && !self.follows_date_dash(p) {
            return None;
        }
        let start = modifier.unwrap_or(p);
        Some(Hit {
            start,
            end: e + 1,
            value: Some(DateValue::decade(year)),
        })
    }

    /// "the '80s", "mid-’60s": '00s and '10s are this century, '20s–'90s the last.
    fn short_decade(&self, p: usize, e: usize) -> Option<Hit> {
        if e - p != 2
            || self.b.get(e) != Some(&b's')
            || next_char(self.text, e + 1).is_some_and(is_word_char)
        {
            return None;
        }
        let apostrophe = prev_char(self.text, p).filter(|&c| is_apostrophe(c))?;
        let a = p - apostrophe.len_utf8();
        if a < self.last_end || prev_char(self.text, a).is_some_and(is_word_char) {
            return None;
        }
        let tens = i32::try_from(number(&self.b[p..e])).ok()?;
        if tens % 10 != 0 {
            return None;
        }
        let year = if tens <= 10 { 2000 + tens } else { 1900 + tens };
        let start = self.modifier_before(a).unwrap_or(a);
        Some(Hit {
            start,
            end: e + 1,
            value: Some(DateValue::decade(year)),
        })
    }

    /// The word after a number, if a space (not a comma) separates them.
    pub(super) fn next_word(&self, e: usize) -> Option<&[u8]> {
        let j = skip_space(self.b, e);
        if j == e {
            return None;
        }
        word_at(self.text, j).map(|end| &self.b[j..end])
    }
}
