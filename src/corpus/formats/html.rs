//! A small HTML-to-text converter for e-mail bodies.
//!
//! It strips tags, drops `head`, `style` and `script`, turns block elements into
//! paragraph breaks and decodes the common entities. That is enough for the HTML
//! of e-mails; it is not a full HTML parser (no tables laid out, no CSS).

/// Readable text of an HTML fragment or page.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut hidden_until: Option<&'static str> = None;
    while let Some(open) = rest.find('<') {
        if hidden_until.is_none() {
            push_text(&mut out, &rest[..open]);
        }
        rest = &rest[open..];
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map_or("", |end| &rest[end + 3..]);
            continue;
        }
        let Some(close) = rest.find('>') else {
            rest = "";
            break;
        };
        let tag = tag_name(&rest[1..close]);
        rest = &rest[close + 1..];
        let closing = tag.starts_with('/');
        let name = tag.trim_start_matches('/');
        if let Some(end) = hidden_until {
            if closing && name == end {
                hidden_until = None;
            }
            continue;
        }
        match name {
            "head" | "style" | "script" | "template" if !closing => {
                hidden_until = Some(match name {
                    "head" => "head",
                    "style" => "style",
                    "script" => "script",
                    _ => "template",
                });
            }
            "br" => out.push('\n'),
            "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "tr" | "table"
            | "blockquote" | "ul" | "ol" | "hr" | "pre" | "section" | "article" | "title" => {
                out.push_str("\n\n");
            }
            "td" | "th" if closing => out.push('\t'),
            _ => {}
        }
    }
    if hidden_until.is_none() {
        push_text(&mut out, rest);
    }
    out
}

/// The lowercase element name of a tag's inside ("P class=x" → "p", "/DIV" → "/div").
fn tag_name(inside: &str) -> String {
    inside
        .trim()
        .split(|c: char| c.is_whitespace() || c == '>')
        .next()
        .unwrap_or("")
        .trim_end_matches('/')
        .to_ascii_lowercase()
}

/// Appends text between tags, with whitespace collapsed as a browser would.
fn push_text(out: &mut String, raw: &str) {
    let decoded = decode_entities(raw);
    let mut last_space = out.ends_with([' ', '\n', '\t']) || out.is_empty();
    for ch in decoded.chars() {
        if ch.is_whitespace() && ch != '\u{a0}' {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else {
            out.push(if ch == '\u{a0}' { ' ' } else { ch });
            last_space = false;
        }
    }
}

/// Decodes numeric references and the named entities e-mail HTML commonly uses.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest
            .get(1..rest.len().min(12))
            .and_then(|candidate| candidate.find(';').map(|end| &candidate[..end]))
            .and_then(|name| entity_char(name).map(|ch| (ch, name.len() + 2)));
        match decoded {
            Some((ch, consumed)) => {
                out.push(ch);
                rest = &rest[consumed..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity_char(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code);
    }
    let ch = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "eacute" => 'é',
        "egrave" => 'è',
        "agrave" => 'à',
        "ccedil" => 'ç',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "euro" => '€',
        "pound" => '£',
        "copy" => '©',
        _ => return None,
    };
    Some(ch)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_keeps_paragraphs() {
        let html = "<html><head><title>x</title><style>p{}</style></head><body>\
                    <p>Dear&nbsp;Amina,</p><p>The <b>Apapa</b> memo &amp; the log.<br>Best,</p>\
                    <!-- note --><div>Chidi&#233;</div></body></html>";
        let text = super::super::text::normalize_paragraphs(&html_to_text(html));
        assert_eq!(
            text,
            "Dear Amina,\n\nThe Apapa memo & the log.\nBest,\n\nChidié"
        );
    }

    #[test]
    fn unknown_entities_stay_as_written() {
        assert_eq!(decode_entities("AT&T &bogus; &#x41;"), "AT&T &bogus; A");
    }
}
