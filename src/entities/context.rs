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

/// The word at byte `at`, and the run of capitalised words around it ("Harbour Light
/// Relief", "Bank of Lagos"): what a right-click offers to mark as an entity.
pub fn phrase_at(text: &str, at: usize) -> Option<(Range<usize>, Range<usize>)> {
    let is_word = is_word_char;
    let at = floor_boundary(text, at.min(text.len()));
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word(c))
        .last()
        .map_or(at, |(i, _)| i);
    let end = text[at..]
        .char_indices()
        .find(|&(_, c)| !is_word(c))
        .map_or(text.len(), |(i, _)| at + i);
    if start == end {
        return None;
    }
    let word = start..end;
    let capitalised = |r: &Range<usize>| text[r.clone()].starts_with(char::is_uppercase);
    let connector =
        |r: &Range<usize>| matches!(&text[r.clone()], "of" | "for" | "and" | "the" | "de" | "al");
    let mut phrase = word.clone();
    if capitalised(&word) {
        // Rightwards: capitalised words, and connectors followed by one.
        let mut words = words_after(text, phrase.end);
        while let Some(next) = words.next() {
            if capitalised(&next) {
                phrase.end = next.end;
            } else if connector(&next) && words.peek().is_some_and(&capitalised) {
                continue;
            } else {
                break;
            }
        }
        // Leftwards: the same, keeping connectors only between capitalised words.
        let mut words = words_before(text, phrase.start);
        while let Some(previous) = words.next() {
            if capitalised(&previous) {
                phrase.start = previous.start;
            } else if connector(&previous) && words.peek().is_some_and(&capitalised) {
                continue;
            } else {
                break;
            }
        }
    }
    Some((word, phrase))
}

/// Letters, digits, hyphens and apostrophes make up a word ("al-Qaeda", "O'Brien").
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '\''
}

/// The words right after `from`, while only single spaces separate them.
fn words_after(
    text: &str,
    from: usize,
) -> std::iter::Peekable<impl Iterator<Item = Range<usize>> + '_> {
    let mut at = from;
    std::iter::from_fn(move || {
        let rest = text.get(at..)?.strip_prefix(' ')?;
        let len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
        (len > 0).then(|| {
            let word = at + 1..at + 1 + len;
            at = word.end;
            word
        })
    })
    .peekable()
}

/// The words right before `to`, nearest first, while only single spaces separate them.
fn words_before(
    text: &str,
    to: usize,
) -> std::iter::Peekable<impl Iterator<Item = Range<usize>> + '_> {
    let mut at = to;
    std::iter::from_fn(move || {
        let before = text.get(..at)?.strip_suffix(' ')?;
        let start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_word_char(c))
            .last()
            .map(|(i, _)| i)?;
        let word = start..before.len();
        at = word.start;
        Some(word)
    })
    .peekable()
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
    fn a_click_offers_the_word_and_the_capitalised_run_around_it() {
        let text = "It was sent by the Bank of Lagos to Harbour Light Relief, not to them.";
        let at = text.find("Light").expect("present") + 2;
        let (word, phrase) = phrase_at(text, at).expect("a word");
        assert_eq!(&text[word], "Light");
        assert_eq!(&text[phrase], "Harbour Light Relief");
        let at = text.find("Lagos").expect("present");
        let (_, phrase) = phrase_at(text, at).expect("a word");
        assert_eq!(&text[phrase], "Bank of Lagos");
        let at = text.find("sent").expect("present");
        let (word, phrase) = phrase_at(text, at).expect("a word");
        assert_eq!((&text[word.clone()], word), ("sent", phrase));
        assert!(phrase_at("  ", 1).is_none(), "no word in blank space");
        assert!(
            phrase_at(text, text.find(',').expect("present")).is_none_or(|(w, _)| !w.is_empty())
        );
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
