//! Finding a word or phrase inside one document's text (the reading pane's Ctrl+F).

use std::ops::Range;

/// Byte ranges of every case-insensitive, non-overlapping occurrence of `query` in `text`.
pub fn find_matches(text: &str, query: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut search_from = 0;
    for (start, _) in text.char_indices() {
        if start < search_from {
            continue;
        }
        if let Some(len) = match_len_at(&text[start..], &needle) {
            found.push(start..start + len);
            search_from = start + len;
        }
    }
    found
}

/// The byte length of the text matching `needle` at the start of `text`, if it matches.
fn match_len_at(text: &str, needle: &[char]) -> Option<usize> {
    let mut want = needle.iter();
    let mut pending = want.next();
    for (offset, ch) in text.char_indices() {
        for lower in ch.to_lowercase() {
            match pending {
                Some(&expected) if expected == lower => pending = want.next(),
                _ => return None,
            }
        }
        if pending.is_none() {
            return Some(offset + ch.len_utf8());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_occurrence_ignoring_case() {
        let text = "Port, port and PORT; portal.";
        let found = find_matches(text, "port");
        assert_eq!(found, vec![0..4, 6..10, 15..19, 21..25]);
    }

    #[test]
    fn ranges_are_byte_ranges_with_accents() {
        let text = "Café CAFÉ café";
        let found: Vec<&str> = find_matches(text, "café")
            .iter()
            .map(|r| &text[r.clone()])
            .collect();
        assert_eq!(found, vec!["Café", "CAFÉ", "café"]);
    }

    #[test]
    fn empty_query_and_no_match_give_nothing() {
        assert!(find_matches("abc", "").is_empty());
        assert!(find_matches("abc", "abcd").is_empty());
    }
}
