//! Finding dates in text and normalising them to ISO values with a granularity.
//!
//! [`find_dates`] is a hand-written scanner (no regular expressions, no
//! date-parsing crate that could fall back to "today"): it jumps from digit
//! run to digit run and tries the forms below around each, so it reads
//! ordinary text at several hundred MB/s. Spans are byte offsets into the
//! text, always on character boundaries.
//!
//! Forms reported (years must lie in 1000–2100, [`PLAUSIBLE_YEARS`]):
//! - days: "March 3, 1999", "3 March 1999", "3rd of March 1999",
//!   "June 21st, 2016", "Feb. 3 1999", "2016-06-21", "2016/06/21", and
//!   "21/06/2016" / "21.06.2016" / "06/21/2016" when one number is above 12 or
//!   both are equal ("05/06/2016" could be either order and is skipped).
//!   A weekday before a day joins the span: "Monday, 14 May 2012".
//! - months: "February 1979", "Feb. 1979", "Sept 2001", "March of 1999".
//! - years: "in 1968" and other cued bare years (rules in `bare_year`);
//!   "1998–2001", "between 2003 and 2005" and "from 1979 to 1983" give two years.
//! - decades: "1980s", "the 1980s" (span "1980s"), "the mid-1990s" (span
//!   "mid-1990s": early/mid/late join the span, articles and prepositions do
//!   not), "the '80s" ('00s and '10s are 2000s/2010s, '20s–'90s the 1900s).
//!
//! Month names count only Capitalised or in capitals ("May 2001", "MAY
//! 2001"), never lowercase ("may"). [`find_dates`] reports only what the words
//! state whole: a day or month without a year ("on 14 May") is left to
//! [`find_dates_in_context`], which joins ranges ("March to May 2011") and
//! completes partial dates and weekdays from the document's own date or an
//! earlier one, marking them inferred. An impossible day ("31 February 1999")
//! is never reported.

mod bare_year;
mod context;
mod lexicon;
mod partial;
mod range;
mod scan;
mod text;
mod value;

#[cfg(test)]
mod context_tests;
#[cfg(test)]
mod tests;

pub use context::{ContextDate, find_dates_in_context, parse_date_key};
pub use partial::{Partial, Shift};
pub use scan::{PLAUSIBLE_YEARS, find_dates};
pub use value::{
    DateValue, Granularity, civil_from_days, days_from_epoch, days_in_month, is_leap_year,
};

/// One date found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offsets into the text (start inclusive, end exclusive).
    pub start: usize,
    pub end: usize,
    pub value: DateValue,
}

/// A document's own date (from its metadata: "2019-03-04", an e-mail's
/// "Thu, 4 Mar 2019 10:00:00 +0000", "March 4, 2019"), if it names one.
pub fn document_date(raw: &str) -> Option<DateValue> {
    let raw = raw.trim();
    if let Some(value) = raw.get(..10).and_then(DateValue::parse_iso) {
        return Some(value);
    }
    find_dates(raw)
        .into_iter()
        .map(|m| m.value)
        .max_by_key(|v| v.granularity)
}
