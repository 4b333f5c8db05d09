//! Long documents in the reading pane, a page at a time: laying out a whole 50 MB text
//! takes seconds and gigabytes, a page of a few screens takes milliseconds. Pages end
//! at a paragraph break where there is one, so a page reads as a whole.

use std::ops::Range;

use crate::app::format::thousands;
use crate::entities::MentionRef;

/// About ten screens of text per page.
const PAGE_BYTES: usize = 24 * 1024;
/// A text up to this size is one page: splitting a short text helps nobody.
const ONE_PAGE_MAX: usize = PAGE_BYTES * 3 / 2;

/// Where each page of a text starts (the first is 0), in bytes.
pub fn page_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    if text.len() <= ONE_PAGE_MAX {
        return starts;
    }
    let mut start = 0;
    while text.len() - start > ONE_PAGE_MAX {
        let end = page_end(text, start);
        starts.push(end);
        start = end;
    }
    starts
}

/// The end of the page starting at `start`: the last paragraph break in the page's
/// second half, else the last line break, else the last space, else a char boundary.
fn page_end(text: &str, start: usize) -> usize {
    let mut limit = start + PAGE_BYTES;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let mut from = start + PAGE_BYTES / 2;
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..limit];
    let after = |at: Option<usize>, len: usize| at.map(|i| from + i + len);
    after(window.rfind("\n\n"), 2)
        .or_else(|| after(window.rfind('\n'), 1))
        .or_else(|| after(window.rfind(' '), 1))
        .unwrap_or(limit)
}

/// The page holding byte `offset`.
pub fn page_of(starts: &[usize], offset: usize) -> usize {
    starts.partition_point(|&s| s <= offset).saturating_sub(1)
}

/// The byte range of page `page`.
pub fn page_range(starts: &[usize], text_len: usize, page: usize) -> Range<usize> {
    let start = starts.get(page).copied().unwrap_or(text_len);
    let end = starts.get(page + 1).copied().unwrap_or(text_len);
    start..end
}

/// The mentions inside `range`, moved to offsets within it. Mentions are in text order
/// and never cross a page break (breaks are at spaces and line ends).
pub fn mentions_on(mentions: &[MentionRef], range: &Range<usize>) -> Vec<MentionRef> {
    let first = mentions.partition_point(|m| m.end <= range.start);
    mentions[first..]
        .iter()
        .take_while(|m| m.start < range.end)
        .filter(|m| m.start >= range.start && m.end <= range.end)
        .map(|m| MentionRef {
            start: m.start - range.start,
            end: m.end - range.start,
            entity: m.entity,
        })
        .collect()
}

/// The matches inside `range`, moved to offsets within it, and the index of the first
/// in the whole list (to tell which one is current).
pub fn matches_on(matches: &[Range<usize>], range: &Range<usize>) -> (Vec<Range<usize>>, usize) {
    let first = matches.partition_point(|m| m.end <= range.start);
    let on_page = matches[first..]
        .iter()
        .take_while(|m| m.start < range.end)
        .map(|m| m.start.max(range.start) - range.start..m.end.min(range.end) - range.start)
        .collect();
    (on_page, first)
}

/// "Page 3 of 2,081" with First, Previous, Next and Last. Returns the page chosen.
pub fn pager(ui: &mut egui::Ui, page: usize, pages: usize) -> Option<usize> {
    let mut go = None;
    ui.horizontal(|ui| {
        let at_start = page == 0;
        let at_end = page + 1 >= pages;
        if ui
            .add_enabled(!at_start, egui::Button::new("First"))
            .clicked()
        {
            go = Some(0);
        }
        if ui
            .add_enabled(!at_start, egui::Button::new("Previous page"))
            .clicked()
        {
            go = Some(page - 1);
        }
        ui.label(format!(
            "Page {} of {}",
            thousands(page + 1),
            thousands(pages)
        ))
        .on_hover_text("A long document is shown a page at a time");
        if ui
            .add_enabled(!at_end, egui::Button::new("Next page"))
            .clicked()
        {
            go = Some(page + 1);
        }
        if ui.add_enabled(!at_end, egui::Button::new("Last")).clicked() {
            go = Some(pages - 1);
        }
    });
    go
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_text_is_one_page() {
        assert_eq!(page_starts("Short text."), vec![0]);
        assert_eq!(page_starts(&"x".repeat(ONE_PAGE_MAX)), vec![0]);
    }

    #[test]
    fn pages_end_at_paragraph_breaks_and_cover_the_text() {
        let paragraph = format!("{}\n\n", "Word and wörd. ".repeat(60));
        let text = paragraph.repeat(400);
        let starts = page_starts(&text);
        assert!(starts.len() > 10, "{} pages", starts.len());
        for pair in starts.windows(2) {
            let len = pair[1] - pair[0];
            assert!(
                len > PAGE_BYTES / 2 && len <= PAGE_BYTES,
                "page of {len} bytes"
            );
            assert!(text[..pair[1]].ends_with("\n\n"), "a page ends a paragraph");
        }
        assert!(text.len() - starts[starts.len() - 1] <= ONE_PAGE_MAX);
        assert_eq!(page_of(&starts, 0), 0);
        assert_eq!(page_of(&starts, starts[3]), 3);
        assert_eq!(page_of(&starts, starts[3] - 1), 2);
        assert_eq!(page_of(&starts, text.len()), starts.len() - 1);
    }

    #[test]
    fn a_text_without_breaks_is_cut_on_char_boundaries() {
        let text = "é".repeat(100_000);
        let starts = page_starts(&text);
        assert!(starts.len() > 2);
        assert!(starts.iter().all(|&s| text.is_char_boundary(s)));
    }

    #[test]
    fn mentions_and_matches_move_to_the_page() {
        let mention = |start, end| MentionRef {
            start,
            end,
            entity: 7,
        };
        let mentions = [mention(5, 9), mention(100, 110), mention(150, 160)];
        let on_page = mentions_on(&mentions, &(100..150));
        assert_eq!(on_page, vec![mention(0, 10)]);
        let (matches, first) = matches_on(&[1..3, 120..125, 149..152], &(100..150));
        assert_eq!(matches, vec![20..25, 49..50]);
        assert_eq!(first, 1);
    }
}
