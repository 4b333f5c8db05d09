//! Markdown stays as text; we only read its title (YAML front matter
//! `title:`, else the first heading) and front-matter metadata.

use super::Metadata;
use super::text::clean_title;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct MarkdownInfo {
    pub title: Option<String>,
    pub metadata: Metadata,
}

pub fn read_markdown(text: &str) -> MarkdownInfo {
    let (front_title, metadata, body) = front_matter(text);
    MarkdownInfo {
        title: front_title.or_else(|| first_heading(body)),
        metadata,
    }
}

/// Without a heading, the first line with its emphasis marks removed:
/// "**From:** Amina Okafor" reads "From: Amina Okafor".
pub fn first_plain_line(body: &str) -> Option<String> {
    body.lines().find_map(|line| {
        let plain: String = line.chars().filter(|c| !matches!(c, '*' | '`')).collect();
        clean_title(plain.trim_start_matches(['>', '-', ' ']))
    })
}

/// Splits off a leading `---` … `---` block of `key: value` lines.
fn front_matter(text: &str) -> (Option<String>, Metadata, &str) {
    let mut metadata = Metadata::default();
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (None, metadata, text);
    };
    let mut title = None;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        let line = line.trim_end();
        if line == "---" || line == "..." {
            return (title, metadata, &rest[offset..]);
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() || key.starts_with(char::is_whitespace) {
            continue;
        }
        let key = key.trim().to_ascii_lowercase();
        match key.as_str() {
            "title" => title = title.or_else(|| clean_title(value)),
            "author" => metadata.author = Some(value.to_string()),
            "date" => metadata.date = Some(value.to_string()),
            "subject" => metadata.subject = Some(value.to_string()),
            _ => metadata.other.push((key, value.to_string())),
        }
    }
    // No closing line: it was not front matter after all.
    (None, Metadata::default(), text)
}

/// The first ATX (`# Title`) or setext (`Title` over `===`) heading outside
/// fenced code.
fn first_heading(text: &str) -> Option<String> {
    let mut in_fence = false;
    let mut previous: Option<&str> = None;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            previous = None;
            continue;
        }
        if in_fence {
            continue;
        }
        if let Some(heading) = atx_heading(trimmed) {
            return Some(heading);
        }
        let underline = !trimmed.is_empty()
            && (trimmed.bytes().all(|b| b == b'=')
                || (trimmed.len() >= 2 && trimmed.bytes().all(|b| b == b'-')));
        if underline && let Some(title) = previous.and_then(clean_title) {
            return Some(title);
        }
        previous = (!trimmed.is_empty()).then_some(trimmed);
    }
    None
}

fn atx_heading(line: &str) -> Option<String> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let rest = &line[level..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    clean_title(rest.trim().trim_end_matches('#'))
}

#[cfg(test)]
mod tests {
    #[test]
    fn without_a_heading_the_first_line_loses_its_emphasis() {
        let title = super::first_plain_line("**From:** Amina Okafor\n\nDear Elena,");
        assert_eq!(title.as_deref(), Some("From: Amina Okafor"));
    }

    use super::*;

    fn title(text: &str) -> Option<String> {
        read_markdown(text).title
    }

    #[test]
    fn first_heading_is_the_title() {
        assert_eq!(
            title("intro line\n\n## The Port Deal ##\n# Later").as_deref(),
            Some("The Port Deal")
        );
        assert_eq!(
            title("Big News\n========\ntext").as_deref(),
            Some("Big News")
        );
        assert_eq!(title("#hashtag is not a heading\nplain"), None);
        assert_eq!(
            title("```\n# not this\n```\n# This one").as_deref(),
            Some("This one")
        );
    }

    #[test]
    fn front_matter_gives_title_and_metadata() {
        let info = read_markdown(
            "---\ntitle: \"Field notes\"\nauthor: Ana Lima\ndate: 2004-05-06\ntags: ports\n---\n# Heading\n",
        );
        assert_eq!(info.title.as_deref(), Some("Field notes"));
        assert_eq!(info.metadata.author.as_deref(), Some("Ana Lima"));
        assert_eq!(info.metadata.date.as_deref(), Some("2004-05-06"));
        assert_eq!(info.metadata.other, vec![("tags".into(), "ports".into())]);
    }

    #[test]
    fn unclosed_front_matter_is_ordinary_text() {
        let info = read_markdown("---\ntitle: x\n# Real title\n");
        assert_eq!(info.title.as_deref(), Some("Real title"));
        assert!(info.metadata.is_empty());
    }
}
