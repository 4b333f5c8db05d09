//! Splitting text into word and punctuation tokens with byte offsets, and marking
//! where sentences and lines begin.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner apostrophes, hyphens and dots, as in "O'Neil", "al-Qaeda", "U.S.").
    Word,
    Number,
    /// One punctuation character.
    Punct(char),
    /// A line break; names never cross one.
    LineBreak,
}

/// One token of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// First word of a sentence or of a line.
    pub sentence_start: bool,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }
}

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.')
}

/// Splits `text` into tokens. Possessive "'s" stays inside the word; callers strip it.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    let mut at_sentence_start = true;
    while let Some((start, c)) = chars.next() {
        if c == '\n' {
            tokens.push(Token {
                start,
                end: start + 1,
                kind: TokenKind::LineBreak,
                sentence_start: false,
            });
            at_sentence_start = true;
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = start + c.len_utf8();
            let mut all_digits = c.is_ascii_digit();
            while let Some(&(i, n)) = chars.peek() {
                if n.is_alphanumeric() {
                    all_digits &= n.is_ascii_digit();
                    end = i + n.len_utf8();
                    chars.next();
                } else if is_inner_joiner(n) && followed_by_alnum(text, i + n.len_utf8(), n) {
                    end = i + n.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            // "U.S." keeps its final dot: a single letter before it is an abbreviation.
            let word = &text[start..end];
            if word.contains('.') && text[end..].starts_with('.') {
                end += 1;
                chars.next();
            }
            let kind = if all_digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            tokens.push(Token {
                start,
                end,
                kind,
                sentence_start: at_sentence_start,
            });
            at_sentence_start = false;
            continue;
        }
        tokens.push(Token {
            start,
            end: start + c.len_utf8(),
            kind: TokenKind::Punct(c),
            sentence_start: false,
        });
        if matches!(c, '.' | '!' | '?' | ':' | ';' | '•' | '|' | '*' | '#') {
            at_sentence_start = at_sentence_start || !ends_abbreviation(text, &tokens);
        } else if !matches!(
            c,
            '"' | '“' | '‘' | '\'' | '(' | '[' | '-' | '—' | '–' | '>'
        ) {
            at_sentence_start = false;
        }
    }
    tokens
}

/// A '.', '-' or apostrophe continues a word only when a letter or digit follows it
/// (and for '.', only in "U.S."-like runs of single letters).
fn followed_by_alnum(text: &str, next: usize, joiner: char) -> bool {
    let rest = &text[next..];
    let Some(n) = rest.chars().next() else {
        return false;
    };
    if joiner == '.' {
        let second = rest[n.len_utf8()..].chars().next();
        return n.is_alphabetic() && second == Some('.');
    }
    n.is_alphanumeric()
}

/// "Dr." or "Mr." end no sentence: the dot right after a short title-like word.
fn ends_abbreviation(text: &str, tokens: &[Token]) -> bool {
    let n = tokens.len();
    if n < 2 || !tokens[n - 2].is_word() || tokens[n - 2].end != tokens[n - 1].start {
        return false;
    }
    let word = tokens[n - 2].text(text);
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "St"
            | "Gen"
            | "Col"
            | "Lt"
            | "Sgt"
            | "Capt"
            | "Rev"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Jr"
            | "Sr"
            | "No"
            | "Maj"
            | "Mt"
            | "Ft"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "vs"
            | "etc"
            | "Inc"
            | "Ltd"
            | "Co"
            | "Corp"
    ) || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, bool)> {
        tokenize(text)
            .iter()
            .filter(|t| t.kind != TokenKind::LineBreak)
            .map(|t| (t.text(text), t.sentence_start))
            .collect()
    }

    #[test]
    fn words_keep_inner_joiners_and_offsets() {
        let text = "Jean-Luc met al-Qaeda's envoy in the U.S. on Monday.";
        let toks = tokenize(text);
        let texts: Vec<_> = toks.iter().map(|t| t.text(text)).collect();
        assert_eq!(
            texts,
            [
                "Jean-Luc",
                "met",
                "al-Qaeda's",
                "envoy",
                "in",
                "the",
                "U.S.",
                "on",
                "Monday",
                "."
            ]
        );
        assert_eq!(toks[0].start, 0);
        assert_eq!(toks[0].end, 8);
    }

    #[test]
    fn sentence_starts_skip_titles_but_not_full_stops() {
        let w = words("He met Dr. Amina Okafor. Then \"Grant\" left.\nNext line");
        let starts: Vec<_> = w.iter().filter(|(_, s)| *s).map(|(t, _)| *t).collect();
        assert_eq!(starts, ["He", "Then", "Next"]);
    }

    #[test]
    fn numbers_are_not_words() {
        let toks = tokenize("In 1999 and 2,000 people");
        assert_eq!(toks[1].kind, TokenKind::Number);
        assert_eq!(toks[0].kind, TokenKind::Word);
    }
}
