//! HTML to readable text with a small forgiving tag walker: scripts, styles
//! and the head are dropped, block elements become paragraph breaks, list
//! items get bullets, table cells are separated and entities decoded.
//! It never fails: broken markup gives the best text it can.

use super::Metadata;
use super::text::TextBuilder;

/// The readable text of an HTML page and what its markup says about it.
#[derive(Debug, Default)]
pub struct HtmlText {
    pub text: String,
    /// The `<title>`.
    pub title: Option<String>,
    /// The first `<h1>`, for pages without a title.
    pub first_h1: Option<String>,
    pub metadata: Metadata,
}

/// Elements whose content is not text to read.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "object",
];

/// Elements that start a new paragraph.
const PARAGRAPH: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "details",
    "dialog",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];

/// Elements that belong in `<head>`.
const HEAD_ONLY: &[&str] = &[
    "base", "link", "meta", "title", "style", "script", "noscript", "template",
];

/// Elements that start a new line.
const LINE: &[&str] = &["br", "dd", "dt", "li", "option", "tr"];

/// Converts an HTML page to text. `html` is already decoded.
pub fn html_to_text(html: &str) -> HtmlText {
    let mut walker = Walker::default();
    walker.run(html);
    walker.finish()
}

#[derive(Default)]
struct Walker {
    out: TextBuilder,
    result: HtmlText,
    /// Inside `<head>` only the title and meta tags matter.
    in_head: bool,
    pre_depth: usize,
    /// One entry per open list: `None` for bullets, `Some(n)` for numbered.
    lists: Vec<Option<u32>>,
    cells_in_row: usize,
    h1_start: Option<usize>,
}

impl Walker {
    fn run(&mut self, html: &str) {
        let bytes = html.as_bytes();
        let mut pos = 0;
        while pos < html.len() {
            let Some(lt) = html[pos..].find('<').map(|i| pos + i) else {
                self.text(&html[pos..]);
                break;
            };
            self.text(&html[pos..lt]);
            pos = match bytes.get(lt + 1) {
                Some(b'!') if html[lt..].starts_with("<!--") => html[lt + 4..]
                    .find("-->")
                    .map_or(html.len(), |i| lt + 4 + i + 3),
                Some(b'!' | b'?') => skip_past(html, lt, b'>'),
                Some(b'/') => self.end_tag(html, lt + 2),
                Some(b) if b.is_ascii_alphabetic() => self.start_tag(html, lt + 1),
                _ => {
                    self.text("<");
                    lt + 1
                }
            };
        }
    }

    fn finish(mut self) -> HtmlText {
        self.close_h1();
        self.result.text = self.out.finish();
        self.result
    }

    fn text(&mut self, raw: &str) {
        if raw.is_empty() || self.in_head {
            return;
        }
        let decoded = decode_entities(raw);
        if self.pre_depth > 0 {
            self.out.push_verbatim(&decoded);
        } else {
            self.out.push_words(&decoded);
        }
    }

    /// Handles `<name …>` starting at `at` (just after '<'); returns where
    /// the walk continues.
    fn start_tag(&mut self, html: &str, at: usize) -> usize {
        let name_end = tag_name_end(html, at);
        let name = html[at..name_end].to_ascii_lowercase();
        let (attrs_end, tag_end) = tag_end(html, name_end);
        let attrs = &html[name_end..attrs_end];
        match name.as_str() {
            "head" => self.in_head = true,
            "title" => {
                let (content, next) = raw_content(html, tag_end, "title");
                if self.result.title.is_none() {
                    self.result.title =
                        Some(collapse(&decode_entities(content))).filter(|t| !t.is_empty());
                }
                return next;
            }
            "meta" => self.meta(attrs),
            name if SKIPPED.contains(&name) => {
                if !attrs.trim_end().ends_with('/') {
                    return raw_content(html, tag_end, name).1;
                }
            }
            _ => self.block_start(&name),
        }
        tag_end
    }

    fn block_start(&mut self, name: &str) {
        // Anything but the head's own elements means the body has begun,
        // even when the page never closes its head.
        if self.in_head && !HEAD_ONLY.contains(&name) {
            self.in_head = false;
        }
        match name {
            "ul" => self.lists.push(None),
            "ol" => self.lists.push(Some(0)),
            "pre" => self.pre_depth += 1,
            "tr" => self.cells_in_row = 0,
            "td" | "th" => {
                if self.cells_in_row > 0 {
                    self.out.separator(" | ");
                }
                self.cells_in_row += 1;
            }
            "h1" => {
                self.out.paragraph_break();
                self.h1_start = Some(self.out.len());
            }
            _ => {}
        }
        if PARAGRAPH.contains(&name) {
            self.out.paragraph_break();
        } else if LINE.contains(&name) {
            self.out.line_break();
        }
        if name == "li" {
            self.bullet();
        }
    }

    fn bullet(&mut self) {
        let depth = self.lists.len().max(1);
        let marker = match self.lists.last_mut() {
            Some(Some(n)) => {
                *n += 1;
                format!("{n}. ")
            }
            _ => "• ".to_string(),
        };
        self.out
            .prefix(&format!("{}{marker}", "  ".repeat(depth - 1)));
    }

    /// Handles `</name>` with the name starting at `at`.
    fn end_tag(&mut self, html: &str, at: usize) -> usize {
        let name_end = tag_name_end(html, at);
        let name = html[at..name_end].to_ascii_lowercase();
        match name.as_str() {
            "head" => self.in_head = false,
            "ul" | "ol" => {
                self.lists.pop();
            }
            "pre" => self.pre_depth = self.pre_depth.saturating_sub(1),
            "h1" => self.close_h1(),
            _ => {}
        }
        if PARAGRAPH.contains(&name.as_str()) {
            self.out.paragraph_break();
        } else if matches!(name.as_str(), "li" | "tr" | "dd" | "dt") {
            self.out.line_break();
        }
        skip_past(html, at, b'>')
    }

    fn close_h1(&mut self) {
        if let Some(start) = self.h1_start.take()
            && self.result.first_h1.is_none()
        {
            let heading = collapse(self.out.since(start));
            self.result.first_h1 = Some(heading).filter(|h| !h.is_empty());
        }
    }

    /// `<meta name="author" content="…">` and friends.
    fn meta(&mut self, attrs: &str) {
        let mut name = None;
        let mut content = None;
        for (key, value) in attributes(attrs) {
            match key.as_str() {
                "name" | "property" => name = Some(value.to_ascii_lowercase()),
                "content" => content = Some(collapse(&decode_entities(&value))),
                _ => {}
            }
        }
        let (Some(name), Some(content)) = (name, content) else {
            return;
        };
        if content.is_empty() {
            return;
        }
        let meta = &mut self.result.metadata;
        match name.as_str() {
            "author" | "dc.creator" | "article:author" => {
                meta.author.get_or_insert(content);
            }
            "date" | "dc.date" | "dcterms.created" | "article:published_time" => {
                meta.date.get_or_insert(content);
            }
            "subject" | "dc.subject" => {
                meta.subject.get_or_insert(content);
            }
            "description" | "keywords" => meta.other.push((name, content)),
            _ => {}
        }
    }
}

/// Decodes named and numeric character references.
fn decode_entities(raw: &str) -> std::borrow::Cow<'_, str> {
    if raw.contains('&') {
        html_escape::decode_html_entities(raw)
    } else {
        std::borrow::Cow::Borrowed(raw)
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn tag_name_end(html: &str, at: usize) -> usize {
    html[at..]
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b':'))
        .map_or(html.len(), |i| at + i)
}

/// Where a tag's attributes end (its '>') and the index just past it,
/// skipping quoted attribute values. An unclosed quote falls back to the
/// next '>' so one stray quote does not swallow the rest of the page.
fn tag_end(html: &str, from: usize) -> (usize, usize) {
    let bytes = html.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return (i, i + 1),
            quote @ (b'"' | b'\'') => match html[i + 1..].find(quote as char) {
                Some(close) => i += close + 2,
                None => {
                    let next = skip_past(html, i, b'>');
                    let attrs_end = if html[..next].ends_with('>') {
                        next - 1
                    } else {
                        next
                    };
                    return (attrs_end, next);
                }
            },
            _ => i += 1,
        }
    }
    (html.len(), html.len())
}

fn skip_past(html: &str, from: usize, byte: u8) -> usize {
    html.as_bytes()[from.min(html.len())..]
        .iter()
        .position(|&b| b == byte)
        .map_or(html.len(), |i| from + i + 1)
}

/// The raw content of `<name>` up to its closing tag (matched without
/// regard to case), and the index after that closing tag.
fn raw_content<'a>(html: &'a str, from: usize, name: &str) -> (&'a str, usize) {
    let bytes = html.as_bytes();
    let mut search = from;
    while let Some(i) = html[search..].find("</").map(|i| search + i) {
        let after = i + 2;
        let candidate = bytes.get(after..after + name.len());
        let boundary = bytes
            .get(after + name.len())
            .is_none_or(|b| !b.is_ascii_alphanumeric());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) && boundary {
            return (&html[from..i], skip_past(html, after, b'>'));
        }
        search = after;
    }
    (&html[from..], html.len())
}

/// `key=value` pairs of a tag, keys lower-cased.
fn attributes(attrs: &str) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    let mut rest = attrs.trim_start_matches(['/', ' ']);
    while let Some(start) = rest.find(|c: char| !c.is_whitespace() && c != '/') {
        rest = &rest[start..];
        let key_end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let key = rest[..key_end].to_ascii_lowercase();
        rest = rest[key_end..].trim_start();
        let mut value = String::new();
        if let Some(after_eq) = rest.strip_prefix('=') {
            let after_eq = after_eq.trim_start();
            let (val, remaining) = match after_eq.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after_eq[1..];
                    let close = body.find(q).unwrap_or(body.len());
                    (&body[..close], body.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after_eq.find(char::is_whitespace).unwrap_or(after_eq.len());
                    after_eq.split_at(end)
                }
            };
            value = val.to_string();
            rest = remaining;
        }
        if !key.is_empty() {
            pairs.push((key, value));
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_styles_and_head_are_dropped() {
        let page = html_to_text(
            "<html><head><title>The &amp; Title</title><style>p{color:red}</style>\
             <script>var x = '<p>no</p>';</script></head>\
             <body><p>Hello&nbsp;world &#8212; &#x263A; &eacute;t&eacute;</p><SCRIPT>alert(1)</SCRIPT></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("The & Title"));
        assert_eq!(page.text, "Hello world — ☺ été");
    }

    #[test]
    fn blocks_lists_and_tables_are_laid_out() {
        let page = html_to_text(
            "<h1>Report</h1><p>First   paragraph\n spread.</p><div>Second</div>\
             <ul><li>one</li><li>two<ol><li>a</li><li>b</li></ol></li></ul>\
             <table><tr><th>Name</th><th>City</th></tr><tr><td>Ana</td><td>Lima</td></tr></table>\
             line<br>break",
        );
        assert_eq!(page.first_h1.as_deref(), Some("Report"));
        assert_eq!(
            page.text,
            "Report\n\nFirst paragraph spread.\n\nSecond\n\n• one\n• two\n\n  1. a\n  2. b\n\n\
             Name | City\nAna | Lima\n\nline\nbreak"
        );
    }

    #[test]
    fn pre_keeps_its_lines() {
        let page = html_to_text("<p>Code:</p><pre>a  b\n  c &lt; d</pre><p>after</p>");
        assert_eq!(page.text, "Code:\n\na  b\n  c < d\n\nafter");
    }

    #[test]
    fn meta_tags_fill_metadata() {
        let page = html_to_text(
            "<head><meta name=\"author\" content=\"Ana Lima\"><meta name=date content='2001-02-03'>\
             <meta property=\"og:title\" content=\"x\"><meta name=\"description\" content=\"About &amp; more\"/></head>",
        );
        assert_eq!(page.metadata.author.as_deref(), Some("Ana Lima"));
        assert_eq!(page.metadata.date.as_deref(), Some("2001-02-03"));
        assert_eq!(
            page.metadata.other,
            vec![("description".into(), "About & more".into())]
        );
        assert_eq!(page.text, "");
    }

    #[test]
    fn broken_markup_still_gives_text() {
        let page = html_to_text("<p class=\"oops>Kept</p> 3 < 4 <!-- hidden --> end <b");
        assert_eq!(page.text, "Kept\n\n3 < 4 end");
        for junk in [
            "<",
            "</",
            "<!--",
            "<a href='",
            "<script>",
            "&",
            "<p",
            "<title>x",
            "\u{e9}<\u{e9}>",
        ] {
            let _ = html_to_text(junk);
        }
    }
}
