//! Bare four-digit years ("in 1968"), the hardest case: the same digits are
//! also counts ("1500 members"), prices, rooms and reference numbers.
//!
//! The rule: a number in [`PLAUSIBLE_YEARS`] is a year only if it passes
//! every *veto* and has at least one *cue*.
//!
//! Vetoes (a count or a code, whatever precedes it):
//! - glued to anything but a space, bracket or quote on the left ("$1968",
//!   "A1999", "No.2017", "555-1999") or on the right ("1999%", "19990",
//!   "1999.5", "2017/441", "2000-strong");
//! - followed by a unit or a counted noun: "1500 members", "2000 km", "1999 tonnes";
//! - part of a group of numbers: "020 1999", "1999 4567" (phone and reference numbers).
//!
//! Cues (one is needed):
//! - a time word before it: since, until, during, circa, "c.", the year,
//!   summer…, born, founded (always enough);
//! - early/mid/late before it, which join the span ("late 1968");
//! - in, by, from, to, of, around, before, after, between, or a participle
//!   such as compiled/published/signed (enough unless a
//!   plural noun follows: "by 2000 students" is a count; after "in", a plural
//!   still allows years 1900–2030, as in "In 1968 students marched"; a comma
//!   after the year always allows it; a quantity verb before the cue, as in
//!   "rose to 2000" or "a total of 1999", vetoes it);
//! - and/or/through or a dash right after another date: "between 2003 and
//!   2005", "1998–2001" (the first year of a dashed range is a year too;
//!   "1998–99" ends in 1999);
//! - a determiner or possessive before and a singular or capitalised word
//!   after: "the 1968 election", "Nigeria's 2015 vote" (but "the 1500 members");
//!   a plural after it only for years 1900–2030 ("the 2005 elections");
//! - alone in brackets "(1968)", between commas "Paris, 1968.", first on its
//!   line with a colon "1968: Protests", or the subject of a sentence "1968 was".
//!
//! Everything else, "Room 1999", "p. 1984", "Windows 2000", a number at the
//! start of a sentence, is not reported: a missed year costs the reader less
//! than a false one on the timeline.

use super::lexicon::{
    YearCue, is_abbreviation, is_dotted_cue, is_quantity_lead, is_quantity_unit,
    is_year_subject_verb, looks_plural, year_cue,
};
use super::scan::{Hit, PLAUSIBLE_YEARS, Scanner};
use super::text::{
    digits_end, is_apostrophe, is_dash, next_char, number, prev_char, skip_space, skip_space_back,
    word_at, word_before, word_is,
};
use super::value::{DateValue, Granularity};

impl Scanner<'_> {
    pub(super) fn bare_year(&self, p: usize, e: usize) -> Option<Hit> {
        let year = i32::try_from(number(&self.b[p..e])).ok()?;
        if !PLAUSIBLE_YEARS.contains(&year) {
            return None;
        }
        if self.era_suffix_follows(e) && self.opens_number(p) {
            return Some(Hit {
                start: p,
                end: e,
                value: Some(DateValue::year(year)),
            });
        }
        if !self.closes_year(e) {
            return None;
        }
        let next = self.next_word(e);
        if next.is_some_and(is_quantity_unit) || self.number_group_follows(e) {
            return None;
        }
        let hit = |start| {
            Some(Hit {
                start,
                end: e,
                value: Some(DateValue::year(year)),
            })
        };
        if self.follows_date_dash(p) {
            return hit(p);
        }
        if prev_char(self.text, p) == Some('-') {
            return self.modifier_before(p).and_then(hit);
        }
        if !self.opens_number(p) || self.number_group_precedes(p) {
            return None;
        }
        if self.range_follows(e, year) {
            return hit(p);
        }
        let comma_after = self.b.get(e) == Some(&b',');
        let plural = next.is_some_and(looks_plural) && !comma_after;
        let accepted = match self.cue_before(p) {
            Some((YearCue::Modifier, start)) => return hit(start),
            Some((YearCue::Strong, _)) => true,
            // No quantity-lead veto after "in": "estimated in 2018" is a year.
            Some((YearCue::In, _)) => !plural || (1900..=2030).contains(&year),
            Some((YearCue::Weak, start)) => !plural && !self.quantity_lead_before(start),
            Some((YearCue::Connector, start)) => {
                let joins = self.last_end > 0 && skip_space_back(self.b, start) == self.last_end;
                joins && !plural
            }
            // "the 2005 elections" is a year, "the 1500 members" a count: after a
            // determiner a plural noun is allowed only to years of living memory.
            Some((YearCue::Determiner, _)) => {
                next.is_some_and(|w| !looks_plural(w) || (1900..=2030).contains(&year))
                    && !comma_after
            }
            Some((YearCue::None, _)) | None => self.stands_alone(p, e, next),
        };
        if accepted { hit(p) } else { None }
    }

    /// "1998–99": the two-digit end of a range that starts with a year just
    /// found (`previous`), in the same century unless that would go backwards.
    pub(super) fn short_range_end(
        &self,
        p: usize,
        e: usize,
        previous: Option<DateValue>,
    ) -> Option<Hit> {
        let previous = previous.filter(|v| v.granularity == Granularity::Year)?;
        let dash = prev_char(self.text, p).filter(|&c| is_dash(c))?;
        if p - dash.len_utf8() != self.last_end || !self.closes_year(e) {
            return None;
        }
        let century = previous.year.div_euclid(100) * 100;
        let tail = i32::try_from(number(&self.b[p..e])).ok()?;
        let year = if century + tail > previous.year {
            century + tail
        } else {
            century + 100 + tail
        };
        (year - previous.year < 100).then_some(Hit {
            start: p,
            end: e,
            value: Some(DateValue::year(year)),
        })
    }

    /// "a 1984-built ship", "1990-era rules": a hyphen and a word that only
    /// ever follows a time.
    fn era_suffix_follows(&self, e: usize) -> bool {
        if self.b.get(e) != Some(&b'-') {
            return false;
        }
        let Some(end) = word_at(self.text, e + 1) else {
            return false;
        };
        ["built", "era", "vintage", "dated", "made"]
            .iter()
            .any(|w| word_is(&self.b[e + 1..end], w))
    }

    /// The cue word before `p` and its start. A possessive "'s" counts as a
    /// determiner; a word with a full stop counts only if it is "c." and the
    /// like; a copyright sign is a strong cue ("© 2016").
    fn cue_before(&self, p: usize) -> Option<(YearCue, usize)> {
        let b = self.b;
        let q = skip_space_back(b, p);
        // No space before the year, or only space (a year at the very start).
        if q == p || q == 0 {
            return None;
        }
        if self.text[..q].ends_with('©') {
            return Some((YearCue::Strong, q - '©'.len_utf8()));
        }
        if b[q - 1] == b'.' {
            let ws = word_before(self.text, q - 1)?;
            return is_dotted_cue(&b[ws..q - 1]).then_some((YearCue::Strong, ws));
        }
        let ws = word_before(self.text, q)?;
        let word = &b[ws..q];
        let possessive = word == b"s" && prev_char(self.text, ws).is_some_and(is_apostrophe);
        if possessive {
            return Some((YearCue::Determiner, ws));
        }
        Some((year_cue(word), ws))
    }

    /// "rose to 2000", "a total of 1999": the word before the cue word.
    fn quantity_lead_before(&self, cue_start: usize) -> bool {
        let q = skip_space_back(self.b, cue_start);
        word_before(self.text, q).is_some_and(|ws| is_quantity_lead(&self.b[ws..q]))
    }

    /// Placement rules for a year without a cue word.
    fn stands_alone(&self, p: usize, e: usize, next: Option<&[u8]>) -> bool {
        let b = self.b;
        let next_byte = b.get(e).copied();
        if self.fills_date_column(p, e) {
            return true;
        }
        if matches!(prev_char(self.text, p), Some('(' | '[')) {
            return matches!(next_byte, Some(b')' | b']' | b',' | b';'));
        }
        let q = skip_space_back(b, p);
        let before = q.checked_sub(1).map(|k| b[k]);
        if before == Some(b',') {
            let letter_before = skip_space_back(b, q - 1)
                .checked_sub(1)
                .is_some_and(|k| b[k].is_ascii_alphabetic());
            let clause_ends = matches!(
                next_byte,
                None | Some(b',' | b'.' | b';' | b')' | b'\n' | b'\r')
            );
            return letter_before && clause_ends;
        }
        // A list item or heading that opens with the year: "1968: Protests",
        // "- **1997** — Meridian registered".
        let line_start = matches!(before, None | Some(b'\n')) || self.starts_list_item(q);
        let emphasis_end = b[e..]
            .iter()
            .take_while(|&&c| c == b'*' || c == b'_')
            .count();
        let after = skip_space(b, e + emphasis_end);
        if line_start
            && (next_byte == Some(b':') || next_char(self.text, after).is_some_and(is_dash))
        {
            return true;
        }
        let sentence_start = match before {
            None | Some(b'\n' | b'!' | b'?' | b'"') => true,
            Some(b'.') => {
                word_before(self.text, q - 1).is_none_or(|ws| !is_abbreviation(&b[ws..q - 1]))
            }
            _ => false,
        };
        sentence_start && next.is_some_and(is_year_subject_verb)
    }

    /// The year is all of a table cell ("… | 1952 |", one cell per `|` as
    /// HTML and Markdown tables are laid out) in a column whose header names
    /// a time ("Year", "Date of document"). A column of counts does not pass.
    fn fills_date_column(&self, p: usize, e: usize) -> bool {
        let b = self.b;
        let line_start = b[..p]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(0, |i| i + 1);
        let line_end = b[e..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(b.len(), |i| e + i);
        let before = self.text[line_start..p].trim_end_matches([' ', '\t']);
        let after = self.text[e..line_end].trim_start_matches([' ', '\t']);
        let opens_cell = before.is_empty() || before.ends_with('|');
        let closes_cell = after.is_empty() || after.starts_with('|');
        if !opens_cell || !closes_cell || !self.text[line_start..line_end].contains('|') {
            return false;
        }
        let column = before.matches('|').count();
        table_header(self.text, line_start)
            .and_then(|header| header.split('|').nth(column))
            .is_some_and(names_a_time)
    }

    /// `q` follows only a list marker and emphasis at the start of a line ("- **").
    fn starts_list_item(&self, q: usize) -> bool {
        let line = self.b[..q]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(0, |i| i + 1);
        let lead = &self.b[line..q];
        !lead.is_empty()
            && lead
                .iter()
                .all(|c| matches!(c, b'-' | b'*' | b'_' | b'+' | b' ' | b'#'))
    }

    /// The year comes right after a date and a dash: "1998–2001", "May 1998 - 2001".
    pub(super) fn follows_date_dash(&self, p: usize) -> bool {
        let q = skip_space_back(self.b, p);
        let Some(dash) = prev_char(self.text, q).filter(|&c| is_dash(c)) else {
            return false;
        };
        let d = q - dash.len_utf8();
        self.last_end > 0 && skip_space_back(self.b, d) == self.last_end
    }

    /// "1998–2001", "1998 - 2001", "1998–99": a dash and a later year within a century.
    fn range_follows(&self, e: usize, year: i32) -> bool {
        let i = skip_space(self.b, e);
        let Some(dash) = next_char(self.text, i).filter(|&c| is_dash(c)) else {
            return false;
        };
        let j = skip_space(self.b, i + dash.len_utf8());
        let end = digits_end(self.b, j);
        let Ok(digits) = i32::try_from(number(&self.b[j..end])) else {
            return false;
        };
        let second = match end - j {
            4 => digits,
            2 if j == i + dash.len_utf8() => {
                let century = year.div_euclid(100) * 100;
                if century + digits > year {
                    century + digits
                } else {
                    century + 100 + digits
                }
            }
            _ => return false,
        };
        second > year && second - year <= 100 && self.closes_year(end)
    }

    /// Another digit group just before, as in phone numbers: "020 1999".
    fn number_group_precedes(&self, p: usize) -> bool {
        let q = skip_space_back(self.b, p);
        q < p && q > 0 && self.b[q - 1].is_ascii_digit()
    }

    /// A group of three or more digits right after: "1999 4567".
    fn number_group_follows(&self, e: usize) -> bool {
        self.b.get(e) == Some(&b' ') && digits_end(self.b, e + 1) >= e + 4
    }
}

/// The first line of the table whose row starts at `row_start`: the topmost of
/// the consecutive lines above that hold a `|`. Markdown's `---|---` rule is skipped.
fn table_header(text: &str, row_start: usize) -> Option<&str> {
    let mut header = None;
    let mut end = row_start;
    while end > 0 {
        let start = text[..end - 1].rfind('\n').map_or(0, |i| i + 1);
        let line = &text[start..end - 1];
        if !line.contains('|') {
            break;
        }
        if !line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
        {
            header = Some(line);
        }
        end = start;
    }
    header
}

/// A column header about time: "Year", "Date of document", "When".
fn names_a_time(header: &str) -> bool {
    header.split(|c: char| !c.is_alphabetic()).any(|w| {
        ["year", "date", "when", "period"]
            .iter()
            .any(|t| w.eq_ignore_ascii_case(t))
    })
}
