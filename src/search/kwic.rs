//! The keyword-in-context concordance: one line per hit, the words before it,
//! the hit, the words after it, sortable by either side as AntConc does.

use super::highlight::find_hits;
use super::query::Query;
use super::tokens::fold_words;
use crate::export::csv_field;

/// One hit with its context, on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KwicLine {
    pub doc: u32,
    /// Byte span of the hit in the document's text.
    pub start: usize,
    pub end: usize,
    pub left: String,
    pub keyword: String,
    pub right: String,
}

/// How concordance lines are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KwicOrder {
    /// Document by document, in text order.
    #[default]
    Document,
    /// By the words before the hit, nearest first (1L, 2L, …).
    Left,
    /// By the words after the hit (1R, 2R, …).
    Right,
}

/// Concordance lines for `query` in `docs`, `context` characters each side,
/// at most `limit` lines in all.
pub fn kwic_lines<'a>(
    query: &Query,
    docs: impl IntoIterator<Item = (u32, &'a str)>,
    context: usize,
    limit: usize,
) -> Vec<KwicLine> {
    let mut lines = Vec::new();
    for (doc, text) in docs {
        for hit in find_hits(query, text) {
            if lines.len() >= limit {
                return lines;
            }
            lines.push(KwicLine {
                doc,
                start: hit.start,
                end: hit.end,
                left: one_line(tail_chars(&text[..hit.start], context)),
                keyword: one_line(&text[hit.start..hit.end]),
                right: one_line(head_chars(&text[hit.end..], context)),
            });
        }
    }
    lines
}

/// Sorts lines in place; ties keep document order.
pub fn sort_kwic(lines: &mut [KwicLine], order: KwicOrder) {
    // Words as the index sees them: punctuation and accents do not decide the order.
    let words = fold_words;
    match order {
        KwicOrder::Document => lines.sort_by_key(|l| (l.doc, l.start)),
        KwicOrder::Left => lines.sort_by_cached_key(|l| {
            let mut w = words(&l.left);
            w.reverse();
            (w, l.doc, l.start)
        }),
        KwicOrder::Right => lines.sort_by_cached_key(|l| (words(&l.right), l.doc, l.start)),
    }
}

/// The lines as CSV: document path, left context, keyword, right context, byte span.
pub fn kwic_csv<'a>(lines: &[KwicLine], path_of: impl Fn(u32) -> &'a str) -> String {
    let mut out = String::from("document,left,keyword,right,start,end\n");
    for line in lines {
        out.push_str(&format!(
            "{},{},{},{},{},{}\n",
            csv_field(path_of(line.doc)),
            csv_field(&line.left),
            csv_field(&line.keyword),
            csv_field(&line.right),
            line.start,
            line.end
        ));
    }
    out
}

fn tail_chars(s: &str, n: usize) -> &str {
    let start = s
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &s[start..]
}

fn head_chars(s: &str, n: usize) -> &str {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// Line breaks and runs of spaces as single spaces.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    if s.starts_with(char::is_whitespace) && !out.is_empty() {
        out.insert(0, ' ');
    }
    if s.ends_with(char::is_whitespace) && !out.is_empty() {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::parse_query;

    #[test]
    fn lines_have_context_on_one_line_and_sort_by_either_side() {
        let query = parse_query("archive").expect("parses");
        let docs = [
            (0, "The city archive\nburned in 1944."),
            (1, "A new archive opened. Every archive needs money."),
        ];
        let mut lines = kwic_lines(&query, docs, 12, 100);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].left, "The city ");
        assert_eq!(lines[0].keyword, "archive");
        assert_eq!(lines[0].right, " burned in 1");
        sort_kwic(&mut lines, KwicOrder::Left);
        let left: Vec<&str> = lines.iter().map(|l| l.left.as_str()).collect();
        assert_eq!(left, vec!["The city ", "ened. Every ", "A new "]);
        sort_kwic(&mut lines, KwicOrder::Right);
        assert_eq!(lines[0].right, " burned in 1");
        assert_eq!(lines[1].right, " needs money");
        let csv = kwic_csv(&lines[..1], |_| "a/b.txt");
        assert_eq!(
            csv,
            "document,left,keyword,right,start,end\na/b.txt,The city ,archive, burned in 1,9,16\n"
        );
    }

    #[test]
    fn sorting_ignores_punctuation_and_apostrophe_style() {
        let query = parse_query("archive").expect("parses");
        let text =
            "The archive\u{2019}s job. The archive, founded in 1991. The archive's first item.";
        let mut lines = kwic_lines(&query, [(0, text)], 20, 10);
        sort_kwic(&mut lines, KwicOrder::Right);
        let right: Vec<&str> = lines.iter().map(|l| l.right.as_str()).collect();
        assert_eq!(
            right,
            vec![
                ", founded in 1991. T",
                "'s first item.",
                "\u{2019}s job. The archive,"
            ]
        );
    }

    #[test]
    fn the_limit_caps_the_lines() {
        let query = parse_query("a1").expect("parses");
        let text = "a1 a1 a1 a1";
        assert_eq!(kwic_lines(&query, [(0, text)], 5, 2).len(), 2);
    }
}
