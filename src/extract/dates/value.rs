//! The normalised value of a date mention: a calendar date at one of four
//! granularities, its ISO spelling, and the span of days it covers.

use serde::{Deserialize, Serialize};

/// How precisely a date mention pins down a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Granularity {
    Decade,
    Year,
    Month,
    Day,
}

/// A date as precise as the text says, never more: "February 1979" is a
/// month, not the first of February.
///
/// Build values with the constructors, which validate; the fields are public
/// for reading and pattern matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DateValue {
    /// For a decade, the first year of it (1980 for "the 1980s").
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub granularity: Granularity,
}

/// Gregorian leap year (proleptic, so also before 1582).
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1–12) of `year`; 0 for a month out of range.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl DateValue {
    /// A day, or `None` if that day does not exist (31 April, 29 February 1999).
    pub fn day(year: i32, month: u8, day: u8) -> Option<DateValue> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(DateValue {
            year,
            month: Some(month),
            day: Some(day),
            granularity: Granularity::Day,
        })
    }

    /// A month, or `None` if `month` is not 1–12.
    pub fn month(year: i32, month: u8) -> Option<DateValue> {
        (1..=12).contains(&month).then_some(DateValue {
            year,
            month: Some(month),
            day: None,
            granularity: Granularity::Month,
        })
    }

    pub fn year(year: i32) -> DateValue {
        DateValue {
            year,
            month: None,
            day: None,
            granularity: Granularity::Year,
        }
    }

    /// The decade containing `year` (1987 → the 1980s).
    pub fn decade(year: i32) -> DateValue {
        DateValue {
            year: year.div_euclid(10) * 10,
            month: None,
            day: None,
            granularity: Granularity::Decade,
        }
    }

    /// ISO 8601 spelling at the value's granularity: "1999-03-03", "1979-02",
    /// "1968", and "1980s" for a decade (not ISO, but what readers expect).
    pub fn iso(&self) -> String {
        let month = self.month.unwrap_or(1);
        let day = self.day.unwrap_or(1);
        match self.granularity {
            Granularity::Decade => format!("{}s", year_text(self.year.div_euclid(10) * 10)),
            Granularity::Year => year_text(self.year),
            Granularity::Month => format!("{}-{month:02}", year_text(self.year)),
            Granularity::Day => format!("{}-{month:02}-{day:02}", year_text(self.year)),
        }
    }

    /// Reads back exactly what [`DateValue::iso`] writes; anything else
    /// (other spellings, impossible days) is `None`.
    pub fn parse_iso(s: &str) -> Option<DateValue> {
        if let Some(decade) = s.strip_suffix('s') {
            let year = parse_year(decade)?;
            return (year % 10 == 0).then(|| DateValue::decade(year));
        }
        let (sign, unsigned) = match s.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", s),
        };
        let mut parts = unsigned.split('-');
        let year_part = parts.next()?;
        let year = parse_year(&format!("{sign}{year_part}"))?;
        let month = match parts.next() {
            Some(part) => Some(two_digits(part)?),
            None => None,
        };
        let day = match parts.next() {
            Some(part) => Some(two_digits(part)?),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        match (month, day) {
            (None, _) => Some(DateValue::year(year)),
            (Some(m), None) => DateValue::month(year, m),
            (Some(m), Some(d)) => DateValue::day(year, m, d),
        }
    }

    /// First and last day covered, as days since 1970-01-01 (both inclusive).
    pub fn day_range(&self) -> (i64, i64) {
        let month = self.month.filter(|m| (1..=12).contains(m)).unwrap_or(1);
        match self.granularity {
            Granularity::Decade => {
                let first = self.year.div_euclid(10) * 10;
                (
                    days_from_epoch(first, 1, 1),
                    days_from_epoch(first + 9, 12, 31),
                )
            }
            Granularity::Year => (
                days_from_epoch(self.year, 1, 1),
                days_from_epoch(self.year, 12, 31),
            ),
            Granularity::Month => (
                days_from_epoch(self.year, month, 1),
                days_from_epoch(self.year, month, days_in_month(self.year, month)),
            ),
            Granularity::Day => {
                let day = self
                    .day
                    .unwrap_or(1)
                    .clamp(1, days_in_month(self.year, month));
                let d = days_from_epoch(self.year, month, day);
                (d, d)
            }
        }
    }
}

/// Four digits at least, a minus sign for years before year 0.
fn year_text(year: i32) -> String {
    if year < 0 {
        format!("-{:04}", year.unsigned_abs())
    } else {
        format!("{year:04}")
    }
}

/// Inverse of [`year_text`]: rejects non-canonical forms ("123", "01999", "-0000").
fn parse_year(s: &str) -> Option<i32> {
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let canonical = digits.len() >= 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits.len() == 4 || !digits.starts_with('0'));
    if !canonical {
        return None;
    }
    let value: i32 = digits.parse().ok()?;
    match (negative, value) {
        (true, 0) => None,
        (true, v) => Some(-v),
        (false, v) => Some(v),
    }
}

fn two_digits(s: &str) -> Option<u8> {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Days from 1970-01-01 to a valid Gregorian date. Counting years from
/// March puts the leap day last, so a year's day number needs no leap test:
/// whole 400-year cycles (146 097 days), then years, then a linear formula
/// for the months March..February (153 days per 5 months).
pub fn days_from_epoch(year: i32, month: u8, day: u8) -> i64 {
    let (month, day) = (i64::from(month), i64::from(day));
    let y = i64::from(year) - i64::from(month <= 2);
    let cycle = y.div_euclid(400);
    let year_of_cycle = y - cycle * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_cycle = year_of_cycle * 365 + year_of_cycle / 4 - year_of_cycle / 100 + day_of_year;
    // 719 468 days separate 0000-03-01 from 1970-01-01.
    cycle * 146_097 + day_of_cycle - 719_468
}

/// The calendar date of a day number (proleptic Gregorian), the inverse of
/// [`days_from_epoch`].
pub fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_from_march + 2) / 5 + 1) as u8;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    } as u8;
    let year = (year_of_era + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_validates_month_lengths_and_leap_years() {
        assert!(DateValue::day(1999, 2, 28).is_some());
        assert!(DateValue::day(1999, 2, 29).is_none());
        assert!(DateValue::day(2000, 2, 29).is_some());
        assert!(DateValue::day(1900, 2, 29).is_none());
        assert!(DateValue::day(2016, 2, 29).is_some());
        assert!(DateValue::day(1999, 2, 30).is_none());
        assert!(DateValue::day(1999, 4, 31).is_none());
        assert!(DateValue::day(1999, 12, 31).is_some());
        assert!(DateValue::day(1999, 13, 1).is_none());
        assert!(DateValue::day(1999, 1, 0).is_none());
        assert!(DateValue::month(1999, 0).is_none());
        assert!(DateValue::month(1999, 12).is_some());
    }

    #[test]
    fn decade_rounds_down() {
        assert_eq!(DateValue::decade(1987).year, 1980);
        assert_eq!(DateValue::decade(1980).year, 1980);
        assert_eq!(DateValue::decade(-15).year, -20);
    }

    #[test]
    fn iso_spells_each_granularity() {
        let day = DateValue::day(1999, 3, 3).expect("valid day");
        assert_eq!(day.iso(), "1999-03-03");
        let month = DateValue::month(1979, 2).expect("valid month");
        assert_eq!(month.iso(), "1979-02");
        assert_eq!(DateValue::year(1968).iso(), "1968");
        assert_eq!(DateValue::decade(1985).iso(), "1980s");
        assert_eq!(DateValue::year(800).iso(), "0800");
        assert_eq!(DateValue::year(-44).iso(), "-0044");
    }

    #[test]
    fn parse_iso_round_trips() {
        let mut values = vec![
            DateValue::year(1968),
            DateValue::year(12_345),
            DateValue::year(-44),
            DateValue::year(0),
            DateValue::decade(1980),
            DateValue::decade(2000),
            DateValue::decade(-20),
        ];
        for year in [1900, 1999, 2000, 2016, 2024] {
            for month in 1..=12 {
                values.push(DateValue::month(year, month).expect("valid month"));
                for day in 1..=days_in_month(year, month) {
                    values.push(DateValue::day(year, month, day).expect("valid day"));
                }
            }
        }
        for value in values {
            assert_eq!(
                DateValue::parse_iso(&value.iso()),
                Some(value),
                "{}",
                value.iso()
            );
        }
    }

    #[test]
    fn parse_iso_rejects_other_spellings() {
        for bad in [
            "",
            "99",
            "1999-3-3",
            "1999-02-30",
            "1999-13",
            "1985s",
            "1980S",
            "01999",
            "-0000",
            "1999-03-03-01",
            "1999/03/03",
            "March 1999",
            "1999-03-",
            "+1999",
        ] {
            assert_eq!(DateValue::parse_iso(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn days_from_epoch_matches_known_days() {
        assert_eq!(days_from_epoch(1970, 1, 1), 0);
        assert_eq!(days_from_epoch(1969, 12, 31), -1);
        assert_eq!(days_from_epoch(2000, 3, 1), 11_017);
        assert_eq!(days_from_epoch(2016, 6, 21), 16_973);
    }

    #[test]
    fn days_from_epoch_counts_every_day_once() {
        let mut expected = days_from_epoch(1599, 1, 1);
        for year in 1599..=2401 {
            for month in 1..=12 {
                for day in 1..=days_in_month(year, month) {
                    assert_eq!(days_from_epoch(year, month, day), expected);
                    expected += 1;
                }
            }
        }
    }

    #[test]
    fn day_range_covers_each_granularity() {
        let day = DateValue::day(2016, 6, 21).expect("valid day");
        assert_eq!(day.day_range(), (16_973, 16_973));
        let feb_leap = DateValue::month(2000, 2).expect("valid month");
        let (first, last) = feb_leap.day_range();
        assert_eq!(last - first + 1, 29);
        let feb = DateValue::month(1900, 2).expect("valid month");
        let (first, last) = feb.day_range();
        assert_eq!(last - first + 1, 28);
        let (first, last) = DateValue::year(2016).day_range();
        assert_eq!(
            (first, last - first + 1),
            (days_from_epoch(2016, 1, 1), 366)
        );
        let (first, last) = DateValue::year(1970).day_range();
        assert_eq!((first, last), (0, 364));
        let (first, last) = DateValue::decade(1980).day_range();
        assert_eq!(first, days_from_epoch(1980, 1, 1));
        assert_eq!(last, days_from_epoch(1989, 12, 31));
        // 1980, 1984 and 1988 are leap years.
        assert_eq!(last - first + 1, 3653);
    }
}
