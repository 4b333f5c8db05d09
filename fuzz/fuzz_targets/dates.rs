//! The date finder on arbitrary text: every span it reports lies on character
//! boundaries inside the text, and every value is a real calendar date.
#![no_main]

use corpus_explorer::extract::dates::{days_in_month, find_dates};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for found in find_dates(text) {
        assert!(found.start <= found.end && found.end <= text.len());
        assert!(text.is_char_boundary(found.start) && text.is_char_boundary(found.end));
        let iso = found.value.iso();
        assert!(!iso.is_empty());
        if let Some((year, month, day)) = ymd(&iso) {
            assert!((1..=12).contains(&month));
            assert!(day >= 1 && day <= days_in_month(year, month));
        }
    }
});

/// The parts of a day value "YYYY-MM-DD".
fn ymd(iso: &str) -> Option<(i32, u8, u8)> {
    let mut parts = iso.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    Some((year, month, day))
}
