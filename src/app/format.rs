//! Numbers, dates and names as a reader expects to see them.

use std::time::SystemTime;

use crate::corpus::Format;

/// 20000 → "20,000".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// The local calendar date of a file time, e.g. "2024-03-01".
pub fn local_date(time: Option<SystemTime>) -> String {
    time.map(|t| {
        chrono::DateTime::<chrono::Local>::from(t)
            .format("%Y-%m-%d")
            .to_string()
    })
    .unwrap_or_default()
}

/// The document's date: its own (an e-mail's sending day, a PDF's creation date, a
/// web page's publication date) when it gives one, else the day its file was changed.
pub fn document_date(doc: &crate::corpus::Document) -> String {
    match doc.metadata.date.as_deref().map(str::trim) {
        Some(own) if !own.is_empty() => own.to_owned(),
        _ => local_date(doc.modified),
    }
}

/// Local date and time from seconds since 1970, for "Restore unsaved work from …".
pub fn local_date_time(unix_seconds: u64) -> String {
    let time = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(unix_seconds);
    chrono::DateTime::<chrono::Local>::from(time)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

pub fn format_name(format: Format) -> &'static str {
    format.label()
}

/// "1 document" / "3 documents".
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!(
        "{} {}",
        thousands(n),
        if n == 1 { singular } else { plural }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_234), "1,234");
        assert_eq!(thousands(20_000_000), "20,000,000");
    }

    #[test]
    fn counts_with_plural() {
        assert_eq!(count(1, "problem", "problems"), "1 problem");
        assert_eq!(count(1200, "problem", "problems"), "1,200 problems");
    }
}
