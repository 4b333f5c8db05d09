//! Text helpers shared by the format readers: building readable text with
//! collapsed whitespace, counting words, and choosing a document's title.

/// The longest title we show, in characters.
pub const MAX_TITLE_CHARS: usize = 120;

/// The whitespace owed before the next piece of text; a bigger gap wins.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    #[default]
    None,
    Space,
    Cell,
    Line,
    Paragraph,
}

/// Accumulates text where breaks are only written once more text follows,
/// so runs of breaks collapse and the text never starts or ends with one.
#[derive(Debug, Default)]
pub struct TextBuilder {
    out: String,
    gap: Gap,
    cell_separator: &'static str,
    prefix: String,
}

impl TextBuilder {
    /// Adds text with its whitespace collapsed to single spaces.
    pub fn push_words(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if text.starts_with(char::is_whitespace) {
            self.want(Gap::Space);
        }
        for word in text.split_whitespace() {
            self.flush();
            self.out.push_str(word);
            self.gap = Gap::Space;
        }
        if !text.ends_with(char::is_whitespace) && self.gap == Gap::Space {
            self.gap = Gap::None;
        }
    }

    /// Adds text as it is (for `<pre>`), with Windows line ends made plain.
    pub fn push_verbatim(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.flush();
        self.out.push_str(&text.replace("\r\n", "\n"));
    }

    pub fn line_break(&mut self) {
        self.want(Gap::Line);
    }

    pub fn paragraph_break(&mut self) {
        self.want(Gap::Paragraph);
    }

    /// A separator between table cells on one line.
    pub fn separator(&mut self, separator: &'static str) {
        self.cell_separator = separator;
        self.want(Gap::Cell);
    }

    /// Text written at the start of the next piece, after its break (a bullet).
    pub fn prefix(&mut self, prefix: &str) {
        prefix.clone_into(&mut self.prefix);
    }

    pub fn len(&self) -> usize {
        self.out.len()
    }

    /// The text written since `start` (a value of [`len`](Self::len)).
    pub fn since(&self, start: usize) -> &str {
        self.out.get(start..).unwrap_or_default()
    }

    pub fn finish(mut self) -> String {
        let end = self.out.trim_end().len();
        self.out.truncate(end);
        self.out
    }

    fn want(&mut self, gap: Gap) {
        self.gap = self.gap.max(gap);
    }

    fn flush(&mut self) {
        if !self.out.is_empty() {
            match self.gap {
                Gap::None => {}
                Gap::Space => self.out.push(' '),
                Gap::Cell => self.out.push_str(self.cell_separator),
                Gap::Line | Gap::Paragraph => {
                    let end = self.out.trim_end().len();
                    self.out.truncate(end);
                    self.out
                        .push_str(if self.gap == Gap::Line { "\n" } else { "\n\n" });
                }
            }
        }
        self.out.push_str(&self.prefix);
        self.prefix.clear();
        self.gap = Gap::None;
    }
}

/// Words as a reader counts them: runs of non-whitespace with a letter or
/// digit in them, so bullets and dashes do not count.
pub fn count_words(text: &str) -> usize {
    if text.is_ascii() {
        return count_ascii_words(text.as_bytes());
    }
    text.split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count()
}

/// [`count_words`] for ASCII text, byte by byte: most corpora are mostly ASCII, and this
/// is a large part of reading a file.
fn count_ascii_words(bytes: &[u8]) -> usize {
    let (mut words, mut in_word, mut has_alnum) = (0, false, false);
    for &b in bytes {
        if b.is_ascii_whitespace() || b == 0x0B {
            words += usize::from(in_word && has_alnum);
            (in_word, has_alnum) = (false, false);
        } else {
            in_word = true;
            has_alnum |= b.is_ascii_alphanumeric();
        }
    }
    words + usize::from(in_word && has_alnum)
}

/// A title cleaned for display: whitespace collapsed, at most
/// [`MAX_TITLE_CHARS`] characters, cut at a word with an ellipsis.
/// `None` when nothing readable is left.
pub fn clean_title(raw: &str) -> Option<String> {
    let mut title = String::new();
    for word in raw.split_whitespace() {
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
        if title.len() > MAX_TITLE_CHARS * 4 {
            break;
        }
    }
    if title.is_empty() {
        return None;
    }
    if title.chars().count() <= MAX_TITLE_CHARS {
        return Some(title);
    }
    let cut: String = title.chars().take(MAX_TITLE_CHARS - 1).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > MAX_TITLE_CHARS / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    Some(format!("{}…", cut.trim_end()))
}

/// The first line with any text on it.
pub fn first_line(text: &str) -> Option<String> {
    text.lines().find_map(clean_title)
}

/// The file name, the title of last resort.
pub fn file_name_title(rel_path: &str) -> String {
    let name = rel_path.rsplit('/').next().unwrap_or(rel_path);
    clean_title(name).unwrap_or_else(|| rel_path.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn ascii_word_count_agrees_with_the_unicode_one() {
        for text in [
            "",
            "one",
            " two  words ",
            "a - b -- c",
            "tabs\tand\nlines\x0bvt\x0cff",
            "1999, 2,000 people!",
            "- -- ---",
            "end.",
        ] {
            let unicode = text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            assert_eq!(count_ascii_words(text.as_bytes()), unicode, "{text:?}");
        }
    }

    use super::*;

    #[test]
    fn builder_collapses_whitespace_and_breaks() {
        let mut b = TextBuilder::default();
        b.paragraph_break();
        b.push_words("  Hello \n  big ");
        b.push_words("world");
        b.line_break();
        b.paragraph_break();
        b.prefix("• ");
        b.push_words("item");
        b.separator(" | ");
        b.push_words("cell");
        b.paragraph_break();
        assert_eq!(b.finish(), "Hello big world\n\n• item | cell");
    }

    #[test]
    fn adjacent_inline_text_is_not_split() {
        let mut b = TextBuilder::default();
        b.push_words("Wash");
        b.push_words("ington");
        assert_eq!(b.finish(), "Washington");
    }

    #[test]
    fn titles_are_trimmed_and_bounded() {
        assert_eq!(
            clean_title("  A   title \t here ").as_deref(),
            Some("A title here")
        );
        assert_eq!(clean_title(" \n "), None);
        let long = "word ".repeat(60);
        let title = clean_title(&long).unwrap_or_default();
        assert!(title.chars().count() <= MAX_TITLE_CHARS, "{title}");
        assert!(title.ends_with("word…"), "{title}");
        let unbroken = "x".repeat(500);
        assert_eq!(
            clean_title(&unbroken).map(|t| t.chars().count()),
            Some(MAX_TITLE_CHARS)
        );
    }

    #[test]
    fn first_line_and_file_name() {
        assert_eq!(
            first_line("\n  \n  Dear editor,\nmore").as_deref(),
            Some("Dear editor,")
        );
        assert_eq!(file_name_title("a/b/notes.txt"), "notes.txt");
        assert_eq!(count_words(" one two\nthree\t "), 3);
        assert_eq!(count_words("• first — 5% “quoted”"), 3);
    }
}
