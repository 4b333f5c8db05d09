//! The sentence around a mention, for keyword-in-context lines and event lists.

use std::ops::Range;

/// How far a context may reach on either side of the mention, in bytes.
const MAX_REACH: usize = 240;

/// The byte range of the sentence holding `start..end`: from after the previous sentence
/// end (". ", "! ", "? " or a blank line) to the next one, at most [`MAX_REACH`] bytes
/// either side, always on character boundaries.
pub fn sentence_around(text: &str, start: usize, end: usize) -> Range<usize> {
    let start = floor_boundary(text, start.min(text.len()));
    let end = ceil_boundary(text, end.clamp(start, text.len()));
    let lower = floor_boundary(text, start.saturating_sub(MAX_REACH));
    let upper = ceil_boundary(text, (end + MAX_REACH).min(text.len()));
    let before = &text[lower..start];
    let from = sentence_start(before).map_or(lower, |i| lower + i);
    let after = &text[end..upper];
    let to = sentence_end(after).map_or(upper, |i| end + i);
    let sentence = &text[from..to];
    let lead = sentence.len() - sentence.trim_start().len();
    let trail = sentence.len() - sentence.trim_end().len();
    (from + lead).min(start)..(to - trail).max(end)
}

/// The sentence around a mention as one line: newlines and runs of spaces become one space.
pub fn snippet_around(text: &str, start: usize, end: usize) -> String {
    one_line(&text[sentence_around(text, start, end)])
        .trim()
        .to_owned()
}

/// Line breaks and runs of spaces become one space (a space at either end stays one).
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

/// Where the sentence containing the end of `before` starts, as an offset into it.
fn sentence_start(before: &str) -> Option<usize> {
    let bytes = before.as_bytes();
    (0..bytes.len()).rev().find_map(|i| {
        let next_is_space = bytes.get(i + 1).is_some_and(u8::is_ascii_whitespace);
        let ends = matches!(bytes[i], b'.' | b'!' | b'?') && next_is_space;
        let blank_line = bytes[i] == b'\n' && i > 0 && bytes[i - 1] == b'\n';
        (ends || blank_line).then_some(i + 1)
    })
}

/// Where the sentence starting before `after` ends, as an offset into it (past the mark).
fn sentence_end(after: &str) -> Option<usize> {
    let bytes = after.as_bytes();
    (0..bytes.len()).find_map(|i| match bytes[i] {
        b'.' | b'!' | b'?' if bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace) => Some(i + 1),
        b'\n' if bytes.get(i + 1) == Some(&b'\n') => Some(i),
        _ => None,
    })
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn around<'a>(text: &'a str, word: &str) -> &'a str {
        let start = text.find(word).expect("word in text");
        &text[sentence_around(text, start, start + word.len())]
    }

    #[test]
    fn takes_the_sentence_between_full_stops() {
        let text = "The port closed. Amina Okafor said it would reopen in May. Nobody knew.";
        assert_eq!(
            around(text, "Okafor"),
            "Amina Okafor said it would reopen in May."
        );
    }

    #[test]
    fn abbreviation_points_inside_a_word_do_not_cut() {
        let text = "Costs rose 3.5 percent in Lagos last year. Then fell.";
        assert_eq!(
            around(text, "Lagos"),
            "Costs rose 3.5 percent in Lagos last year."
        );
    }

    #[test]
    fn blank_lines_bound_a_paragraph_without_punctuation() {
        let text = "Harbour report\n\nMeeting in Lagos on 3 March 1999\n\nMore text.";
        assert_eq!(around(text, "Lagos"), "Meeting in Lagos on 3 March 1999");
    }

    #[test]
    fn long_text_without_stops_is_cut_on_character_boundaries() {
        let text = format!("{} Gaddafi {}", "é".repeat(400), "ü".repeat(400));
        let range = {
            let start = text.find("Gaddafi").expect("present");
            sentence_around(&text, start, start + 7)
        };
        // Rounding to character boundaries may add a byte on each side.
        assert!(range.len() <= 2 * MAX_REACH + "Gaddafi".len() + 2);
        assert!(text[range].contains("Gaddafi"));
    }

    #[test]
    fn snippet_is_one_line() {
        let text = "He met\nthe   minister in Accra.";
        let start = text.find("Accra").expect("present");
        assert_eq!(
            snippet_around(text, start, start + 5),
            "He met the minister in Accra."
        );
    }
}
