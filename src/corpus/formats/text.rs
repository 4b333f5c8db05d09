//! Small text helpers shared by the readers.

/// Collapses every run of whitespace into one space and trims the ends.
pub fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Tidies extracted text: trailing spaces go, runs of spaces inside a line shrink
/// to one, and paragraphs are separated by exactly one blank line.
pub fn normalize_paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_pending = false;
    for line in text.lines() {
        let line = collapse_inline_spaces(line);
        if line.is_empty() {
            blank_pending = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_pending { "\n\n" } else { "\n" });
        }
        out.push_str(&line);
        blank_pending = false;
    }
    out
}

/// Like [`collapse_spaces`] but keeps tabs, which separate table-like columns.
fn collapse_inline_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut last_was_space = true;
    for ch in line.chars() {
        if ch == ' ' {
            if !last_was_space {
                out.push(' ');
            }
            last_was_space = true;
        } else {
            out.push(ch);
            last_was_space = ch == '\t';
        }
    }
    out.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_get_one_blank_line_between_them() {
        let text = "  First   line \nsecond line\n\n\n\nNext  paragraph\n \n";
        assert_eq!(
            normalize_paragraphs(text),
            "First line\nsecond line\n\nNext paragraph"
        );
    }
}
