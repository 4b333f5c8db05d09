//! Cutting a text into runs for highlighting: where find matches and entity mentions begin
//! and end. Both lists are sorted and do not overlap within themselves; they may overlap
//! each other, and then a run carries both.

use std::ops::Range;

use crate::entities::MentionRef;

/// A run of text with what covers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub range: Range<usize>,
    /// Index of the find match covering it.
    pub find: Option<usize>,
    pub mention: Option<MentionRef>,
}

/// The runs of `0..len`, in order, covering it exactly.
pub fn highlight_segments(
    len: usize,
    matches: &[Range<usize>],
    mentions: &[MentionRef],
) -> Vec<Segment> {
    let mut cuts: Vec<usize> = vec![0, len];
    cuts.extend(matches.iter().flat_map(|r| [r.start, r.end]));
    cuts.extend(mentions.iter().flat_map(|m| [m.start, m.end]));
    cuts.retain(|&c| c <= len);
    cuts.sort_unstable();
    cuts.dedup();
    let (mut f, mut m) = (0, 0);
    cuts.windows(2)
        .map(|w| {
            let range = w[0]..w[1];
            while f < matches.len() && matches[f].end <= range.start {
                f += 1;
            }
            while m < mentions.len() && mentions[m].end <= range.start {
                m += 1;
            }
            let find = (f < matches.len() && matches[f].start <= range.start).then_some(f);
            let mention = mentions.get(m).filter(|x| x.start <= range.start).copied();
            Segment {
                range,
                find,
                mention,
            }
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // one find match is a real case
mod tests {
    use super::*;

    fn mention(start: usize, end: usize, entity: u32) -> MentionRef {
        MentionRef { start, end, entity }
    }

    #[test]
    fn plain_text_is_one_run() {
        let runs = highlight_segments(10, &[], &[]);
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].range, 0..10);
    }

    #[test]
    fn overlapping_find_match_and_mention_split_into_runs() {
        // "Amina Okafor met" — mention 0..12, find "Okafor met" 6..16.
        let runs = highlight_segments(16, &[6..16], &[mention(0, 12, 7)]);
        let got: Vec<(Range<usize>, Option<usize>, Option<u32>)> = runs
            .into_iter()
            .map(|s| (s.range, s.find, s.mention.map(|m| m.entity)))
            .collect();
        assert_eq!(
            got,
            [
                (0..6, None, Some(7)),
                (6..12, Some(0), Some(7)),
                (12..16, Some(0), None)
            ]
        );
    }

    #[test]
    fn runs_cover_the_text_exactly_with_spans_at_the_edges() {
        let runs = highlight_segments(20, &[0..2], &[mention(5, 9, 1), mention(15, 20, 2)]);
        let covered: usize = runs.iter().map(|s| s.range.len()).sum();
        assert_eq!(covered, 20);
        assert_eq!(
            runs.last().and_then(|s| s.mention).map(|m| m.entity),
            Some(2)
        );
        assert!(runs.iter().all(|s| !s.range.is_empty()));
    }
}
