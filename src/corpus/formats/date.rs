//! Turning the date formats found in document metadata into ISO "YYYY-MM-DD".

/// A calendar date as ISO text, or `None` when it is not a real date.
pub fn iso_from_ymd(year: u32, month: u32, day: u32) -> Option<String> {
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => return None,
    };
    let plausible_year = (1000..=9999).contains(&year);
    (plausible_year && (1..=days_in_month).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// The date at the start of an ISO 8601 timestamp ("2019-03-04T10:00:00Z").
pub fn iso_from_timestamp(text: &str) -> Option<String> {
    let text = text.trim();
    let part = |range: std::ops::Range<usize>| text.get(range)?.parse::<u32>().ok();
    if text.get(4..5) != Some("-") || text.get(7..8) != Some("-") {
        return None;
    }
    iso_from_ymd(part(0..4)?, part(5..7)?, part(8..10)?)
}

/// The date of a PDF date string ("D:20190304101500+01'00'").
pub fn iso_from_pdf_date(text: &str) -> Option<String> {
    let digits = text.trim().trim_start_matches("D:");
    let part = |range: std::ops::Range<usize>| {
        let piece = digits.get(range)?;
        piece
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| piece.parse::<u32>().ok())?
    };
    iso_from_ymd(
        part(0..4)?,
        part(4..6).unwrap_or(1),
        part(6..8).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_metadata_dates() {
        assert_eq!(
            iso_from_timestamp("2019-03-04T10:00:00Z").as_deref(),
            Some("2019-03-04")
        );
        assert_eq!(
            iso_from_pdf_date("D:20200303120000+01'00'").as_deref(),
            Some("2020-03-03")
        );
        assert_eq!(iso_from_pdf_date("D:2016").as_deref(), Some("2016-01-01"));
        assert_eq!(iso_from_timestamp("2019-02-30"), None);
        assert_eq!(iso_from_pdf_date("D:20x90101"), None);
        assert_eq!(iso_from_timestamp("2019"), None);
    }
}
