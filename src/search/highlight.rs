//! Where a query matches inside one document's text: the spans the reading
//! pane highlights, the KWIC view lists and snippets are cut around.

use super::query::{Field, Leaf, Query};
use super::tokens::{WordToken, word_tokens};

/// A byte span of the text that matches the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextHit {
    pub start: usize,
    pub end: usize,
}

/// Every place in `text` a positive leaf of `query` matches (leaves limited to
/// the title or the path never match the text). Sorted, not overlapping.
pub fn find_hits(query: &Query, text: &str) -> Vec<TextHit> {
    let leaves: Vec<&Leaf> = query
        .positive_leaves()
        .into_iter()
        .filter(|(field, _)| *field == Field::Any)
        .map(|(_, leaf)| leaf)
        .collect();
    if leaves.is_empty() {
        return Vec::new();
    }
    let tokens = word_tokens(text);
    let mut hits = Vec::new();
    for leaf in leaves {
        match leaf {
            Leaf::Phrase(words) => hits.extend(phrase_hits(&tokens, words)),
            _ => hits.extend(
                tokens
                    .iter()
                    .filter(|t| leaf_matches(leaf, &t.text))
                    .map(|t| TextHit {
                        start: t.start,
                        end: t.end,
                    }),
            ),
        }
    }
    hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut merged: Vec<TextHit> = Vec::with_capacity(hits.len());
    for hit in hits {
        match merged.last_mut() {
            Some(last) if hit.start < last.end => last.end = last.end.max(hit.end),
            _ => merged.push(hit),
        }
    }
    merged
}

/// Whether one folded word matches a single-word leaf.
pub fn leaf_matches(leaf: &Leaf, word: &str) -> bool {
    match leaf {
        Leaf::Word(w) => word == w,
        Leaf::Prefix(p) => word.starts_with(p.as_str()),
        Leaf::Fuzzy(w, edits) => within_edits(word, w, usize::from(*edits)),
        Leaf::Phrase(words) => words.len() == 1 && words[0] == word,
    }
}

fn phrase_hits<'a>(
    tokens: &'a [WordToken],
    words: &'a [String],
) -> impl Iterator<Item = TextHit> + 'a {
    tokens
        .windows(words.len().max(1))
        .filter(move |window| window.iter().zip(words).all(|(t, w)| t.text == *w))
        .map(|window| TextHit {
            start: window[0].start,
            end: window[window.len() - 1].end,
        })
}

/// Whether `a` and `b` are at most `max` edits apart (insertions, deletions,
/// substitutions and swaps of neighbours), as the index's fuzzy match counts them.
pub fn within_edits(a: &str, b: &str, max: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    // Optimal string alignment distance, three rows.
    let mut before: Vec<usize> = Vec::new();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (previous[j] + 1)
                .min(row[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        if row.iter().min().is_some_and(|&m| m > max) {
            return false;
        }
        before = std::mem::replace(&mut previous, row);
    }
    previous[b.len()] <= max
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::parse_query;

    fn spans<'a>(query: &str, text: &'a str) -> Vec<&'a str> {
        let query = parse_query(query).expect("query parses");
        find_hits(&query, text)
            .iter()
            .map(|h| &text[h.start..h.end])
            .collect()
    }

    #[test]
    fn words_phrases_prefixes_and_variants() {
        let text = "Colonel Gaddafi met Qadhafi's envoy in Lagos. The Lagos Courier wrote it.";
        assert_eq!(spans("lagos", text), vec!["Lagos", "Lagos"]);
        assert_eq!(spans("\"lagos courier\"", text), vec!["Lagos Courier"]);
        assert_eq!(spans("cour*", text), vec!["Courier"]);
        assert_eq!(spans("gadhafi~2", text), vec!["Gaddafi", "Qadhafi"]);
        assert_eq!(spans("envoy -lagos", text), vec!["envoy"]);
        assert!(spans("title:lagos", text).is_empty());
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        assert!(within_edits("gaddafi", "qadhafi", 2));
        assert!(!within_edits("gaddafi", "qadhafi", 1));
        assert!(within_edits("form", "from", 1));
        assert!(!within_edits("lagos", "lisbon", 2));
    }
}
