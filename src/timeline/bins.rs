//! Histogram bins at one calendar level. A date as precise as the level or finer counts in
//! its bin ("3 March 1999" in the bin 1999 at year level); a coarser one ("the 1990s" at
//! year level) is never split into fake years: it becomes a span drawn across its bins.

use std::collections::BTreeMap;

use super::calendar::civil_from_days;
use crate::extract::dates::{Granularity, days_from_epoch};

/// The calendar unit of one bin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BinLevel {
    Decade,
    Year,
    Month,
    Day,
}

impl BinLevel {
    /// The finest level whose bins are at least `min_px` wide when a day is `px_per_day`.
    pub fn for_zoom(px_per_day: f64, min_px: f64) -> BinLevel {
        if px_per_day >= min_px {
            BinLevel::Day
        } else if px_per_day * 30.4 >= min_px {
            BinLevel::Month
        } else if px_per_day * 365.25 >= min_px {
            BinLevel::Year
        } else {
            BinLevel::Decade
        }
    }

    /// How precise a date must be to count inside one bin of this level.
    fn granularity(self) -> Granularity {
        match self {
            BinLevel::Decade => Granularity::Decade,
            BinLevel::Year => Granularity::Year,
            BinLevel::Month => Granularity::Month,
            BinLevel::Day => Granularity::Day,
        }
    }

    /// The first and last day of the bin holding `day`.
    pub fn bin_of(self, day: i64) -> (i64, i64) {
        let (y, m, _) = civil_from_days(day);
        match self {
            BinLevel::Day => (day, day),
            BinLevel::Month => {
                let next = if m == 12 {
                    days_from_epoch(y + 1, 1, 1)
                } else {
                    days_from_epoch(y, m + 1, 1)
                };
                (days_from_epoch(y, m, 1), next - 1)
            }
            BinLevel::Year => (days_from_epoch(y, 1, 1), days_from_epoch(y, 12, 31)),
            BinLevel::Decade => {
                let first = y.div_euclid(10) * 10;
                (
                    days_from_epoch(first, 1, 1),
                    days_from_epoch(first + 9, 12, 31),
                )
            }
        }
    }
}

/// One date mention (or one document's date) to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimePoint {
    /// First and last day it covers, inclusive.
    pub first_day: i64,
    pub last_day: i64,
    pub granularity: Granularity,
    /// The document it is in: with `distinct_docs`, a bin counts each document once.
    pub doc: u32,
    /// The date was completed from its document ("in July" after "2011"), not stated.
    pub inferred: bool,
}

/// Bins and spans at one level: (first day, last day, count), in time order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Histogram {
    pub bins: Vec<(i64, i64, u32)>,
    /// For each of `bins`, how much of its count is inferred dates only (with
    /// `distinct_docs`, documents dated there by inference alone): drawn apart.
    pub inferred: Vec<u32>,
    /// Dates coarser than the level, each range with its count.
    pub spans: Vec<(i64, i64, u32)>,
}

impl Histogram {
    pub fn max_count(&self) -> u32 {
        self.bins.iter().map(|b| b.2).max().unwrap_or(0)
    }
}

/// Counts `points` at `level`: mentions, or with `distinct_docs` the documents (points
/// must then come in document order, as the index gives them).
pub fn histogram(points: &[TimePoint], level: BinLevel, distinct_docs: bool) -> Histogram {
    let mut bins: BTreeMap<(i64, i64), BinCount> = BTreeMap::new();
    let mut spans: BTreeMap<(i64, i64), BinCount> = BTreeMap::new();
    for p in points {
        let bin = if p.granularity >= level.granularity() {
            bins.entry(level.bin_of(p.first_day)).or_default()
        } else {
            spans.entry((p.first_day, p.last_day)).or_default()
        };
        bin.add(p, distinct_docs);
    }
    Histogram {
        inferred: bins.values().map(|c| c.inferred).collect(),
        bins: bins
            .into_iter()
            .map(|((a, b), c)| (a, b, c.count))
            .collect(),
        spans: spans
            .into_iter()
            .map(|((a, b), c)| (a, b, c.count))
            .collect(),
    }
}

/// One bin's count while counting.
#[derive(Default)]
struct BinCount {
    count: u32,
    inferred: u32,
    last_doc: Option<u32>,
    /// The last document counted has only inferred dates here so far.
    last_doc_inferred: bool,
}

impl BinCount {
    fn add(&mut self, p: &TimePoint, distinct_docs: bool) {
        if !distinct_docs {
            self.count += 1;
            self.inferred += u32::from(p.inferred);
        } else if self.last_doc != Some(p.doc) {
            self.count += 1;
            self.inferred += u32::from(p.inferred);
            self.last_doc = Some(p.doc);
            self.last_doc_inferred = p.inferred;
        } else if self.last_doc_inferred && !p.inferred {
            // The document states a date here after all.
            self.inferred -= 1;
            self.last_doc_inferred = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dates::DateValue;

    fn point(value: Option<DateValue>) -> TimePoint {
        let v = value.expect("valid date");
        let (first_day, last_day) = v.day_range();
        TimePoint {
            first_day,
            last_day,
            granularity: v.granularity,
            doc: 0,
            inferred: false,
        }
    }

    #[test]
    fn inferred_dates_are_counted_apart() {
        let mut a = point(DateValue::month(1999, 7));
        let mut b = point(DateValue::day(1999, 3, 3));
        let mut c = point(DateValue::month(1999, 8));
        (a.doc, b.doc, c.doc) = (0, 0, 1);
        (a.inferred, c.inferred) = (true, true);
        let points = [a, b, c];
        let mentions = histogram(&points, BinLevel::Year, false);
        assert_eq!((mentions.bins[0].2, mentions.inferred[0]), (3, 2));
        // Document 0 states a date in 1999; only document 1 is dated there by inference.
        let documents = histogram(&points, BinLevel::Year, true);
        assert_eq!((documents.bins[0].2, documents.inferred[0]), (2, 1));
    }

    #[test]
    fn days_and_months_count_in_their_year_and_decades_stay_spans() {
        let points = [
            point(DateValue::day(1999, 3, 3)),
            point(DateValue::month(1999, 7)),
            point(Some(DateValue::year(1999))),
            point(Some(DateValue::decade(1990))),
            point(DateValue::day(2001, 1, 1)),
        ];
        let h = histogram(&points, BinLevel::Year, false);
        let d = days_from_epoch;
        assert_eq!(
            h.bins,
            [
                (d(1999, 1, 1), d(1999, 12, 31), 3),
                (d(2001, 1, 1), d(2001, 12, 31), 1)
            ]
        );
        assert_eq!(h.spans, [(d(1990, 1, 1), d(1999, 12, 31), 1)]);
        assert_eq!(h.max_count(), 3);
    }

    #[test]
    fn at_month_level_a_year_is_a_span_and_never_a_fake_month() {
        let points = [
            point(Some(DateValue::year(1968))),
            point(DateValue::month(1968, 2)),
        ];
        let h = histogram(&points, BinLevel::Month, false);
        let d = days_from_epoch;
        assert_eq!(h.bins, [(d(1968, 2, 1), d(1968, 2, 29), 1)]);
        assert_eq!(h.spans, [(d(1968, 1, 1), d(1968, 12, 31), 1)]);
    }

    #[test]
    fn at_decade_level_everything_is_a_bin() {
        let points = [
            point(Some(DateValue::decade(1980))),
            point(DateValue::day(1985, 5, 5)),
        ];
        let h = histogram(&points, BinLevel::Decade, false);
        assert_eq!(h.bins.len(), 1);
        assert_eq!(h.bins[0].2, 2);
        assert!(h.spans.is_empty());
    }

    #[test]
    fn document_counts_take_each_document_once_per_bin() {
        let mut a = point(DateValue::day(1999, 3, 3));
        let mut b = point(DateValue::day(1999, 5, 1));
        let mut c = point(DateValue::day(1999, 6, 1));
        (a.doc, b.doc, c.doc) = (0, 0, 1);
        let points = [a, b, c];
        assert_eq!(histogram(&points, BinLevel::Year, false).bins[0].2, 3);
        assert_eq!(histogram(&points, BinLevel::Year, true).bins[0].2, 2);
    }

    #[test]
    fn the_level_follows_the_zoom() {
        assert_eq!(BinLevel::for_zoom(10.0, 6.0), BinLevel::Day);
        assert_eq!(BinLevel::for_zoom(0.5, 6.0), BinLevel::Month);
        assert_eq!(BinLevel::for_zoom(0.05, 6.0), BinLevel::Year);
        assert_eq!(BinLevel::for_zoom(0.001, 6.0), BinLevel::Decade);
    }
}
