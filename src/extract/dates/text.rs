//! Byte-level reading around a position: spaces, words, dashes and the
//! characters either side. Dates are written in ASCII, so every position
//! these helpers return is on a character boundary of the UTF-8 text.

/// Width of the whitespace character at `i` (ASCII space, tab, newline, no-break or thin space).
pub fn space_at(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i..).unwrap_or_default() {
        [b' ' | b'\t' | b'\r' | b'\n', ..] => Some(1),
        [0xC2, 0xA0, ..] => Some(2),
        [0xE2, 0x80, 0x89 | 0xAF, ..] => Some(3),
        _ => None,
    }
}

/// Width of the whitespace character ending at `end`.
fn space_before(b: &[u8], end: usize) -> Option<usize> {
    let head = b.get(..end).unwrap_or_default();
    match head {
        [.., b' ' | b'\t' | b'\r' | b'\n'] => Some(1),
        [.., 0xC2, 0xA0] => Some(2),
        [.., 0xE2, 0x80, 0x89 | 0xAF] => Some(3),
        _ => None,
    }
}

/// Skips whitespace forward, stopping before a second line break (a blank
/// line ends a date).
pub fn skip_space(b: &[u8], mut i: usize) -> usize {
    let mut newlines = 0;
    while let Some(w) = space_at(b, i) {
        if b[i] == b'\n' {
            newlines += 1;
            if newlines > 1 {
                break;
            }
        }
        i += w;
    }
    i
}

/// Skips whitespace backward from the exclusive end `end`, same rule.
pub fn skip_space_back(b: &[u8], mut end: usize) -> usize {
    let mut newlines = 0;
    while let Some(w) = space_before(b, end) {
        if b[end - 1] == b'\n' {
            newlines += 1;
            if newlines > 1 {
                break;
            }
        }
        end -= w;
    }
    end
}

/// End of the run of ASCII letters starting at `i`.
pub fn letters_end(b: &[u8], i: usize) -> usize {
    i + b.get(i..).unwrap_or_default().iter().take_while(|c| c.is_ascii_alphabetic()).count()
}

/// End of the run of ASCII digits starting at `i`.
pub fn digits_end(b: &[u8], i: usize) -> usize {
    i + b.get(i..).unwrap_or_default().iter().take_while(|c| c.is_ascii_digit()).count()
}

/// The whole word of ASCII letters ending at `end`, as `start`, or `None` if
/// there is none or it is glued to other letters or digits ("café" is not "f").
pub fn word_before(text: &str, end: usize) -> Option<usize> {
    let b = text.as_bytes();
    let head = b.get(..end)?;
    let len = head.iter().rev().take_while(|c| c.is_ascii_alphabetic()).count();
    let start = end - len;
    (len > 0 && !prev_char(text, start).is_some_and(is_word_char)).then_some(start)
}

/// The word of ASCII letters starting at `i`, as its end, if it is a whole word.
pub fn word_at(text: &str, i: usize) -> Option<usize> {
    let end = letters_end(text.as_bytes(), i);
    (end > i && !next_char(text, end).is_some_and(is_word_char)).then_some(end)
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

pub fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

pub fn next_char(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—')
}

pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘')
}

/// ASCII case-insensitive comparison of a word with a lowercase literal.
pub fn word_is(word: &[u8], lower: &str) -> bool {
    word.eq_ignore_ascii_case(lower.as_bytes())
}

/// Value of a run of ASCII digits (saturating: long runs are never dates anyway).
pub fn number(digits: &[u8]) -> u32 {
    digits
        .iter()
        .fold(0u32, |n, d| n.saturating_mul(10).saturating_add(u32::from(d.wrapping_sub(b'0'))))
}

/// Position of the next ASCII digit at or after `i`. Eight bytes at a time:
/// most text has few digits, and this loop is where the scanner spends its time.
pub fn next_digit(b: &[u8], i: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut pos = i;
    let rest = b.get(i..)?;
    let mut chunks = rest.chunks_exact(8);
    for chunk in chunks.by_ref() {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // A byte is a digit when its low seven bits lie in 0x30..=0x39 and its
        // high bit is clear: add so that 0x30 crosses 0x80 and 0x3A crosses it again.
        let low = x & !HIGH;
        let at_least_0 = low + ONES * (0x80 - 0x30);
        let above_9 = low + ONES * (0x80 - 0x3A);
        let digits = at_least_0 & !above_9 & !x & HIGH;
        if digits != 0 {
            return Some(pos + (digits.trailing_zeros() / 8) as usize);
        }
        pos += 8;
    }
    chunks.remainder().iter().position(u8::is_ascii_digit).map(|k| pos + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_digit_finds_every_digit_and_nothing_else() {
        let text = "ab€c 9xyz…0__ 12345678 z";
        let b = text.as_bytes();
        let mut found = Vec::new();
        let mut i = 0;
        while let Some(p) = next_digit(b, i) {
            found.push(p);
            i = p + 1;
        }
        let expected: Vec<usize> = (0..b.len()).filter(|&k| b[k].is_ascii_digit()).collect();
        assert_eq!(found, expected);
        let all: Vec<u8> = (0..=255).collect();
        let digits: Vec<usize> = (0..256).filter(|&k| all[k].is_ascii_digit()).collect();
        let mut seen = Vec::new();
        let mut i = 0;
        while let Some(p) = next_digit(&all, i) {
            seen.push(p);
            i = p + 1;
        }
        assert_eq!(seen, digits);
    }

    #[test]
    fn words_respect_non_ascii_letters() {
        let text = "café March";
        assert_eq!(word_before(text, text.len()), Some(6));
        assert_eq!(word_before(text, 5), None);
        assert_eq!(word_at(text, 6), Some(text.len()));
    }

    #[test]
    fn spaces_include_no_break_space_and_stop_at_blank_lines() {
        let text = "a\u{a0} b\n\nc";
        let b = text.as_bytes();
        assert_eq!(skip_space(b, 1), 4);
        assert_eq!(skip_space_back(b, 4), 1);
        assert_eq!(skip_space(b, 5), 6);
    }
}
