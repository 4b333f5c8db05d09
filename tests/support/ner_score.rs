//! Scores extracted mentions against hand-annotated spans: a port of
//! `../shared/ner/score.py` (exact, lenient and document-level P / R / F1 per kind, with
//! the starred rows that set aside the annotated corpus's own conventions), so the
//! figures a test prints are the ones the scorer prints for the same export.
#![allow(dead_code)] // the quality test uses the scorer, not every accessor

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt::Write as _;
use std::path::Path;
use std::sync::LazyLock;

use corpus_explorer::extract::{Entity, EntityKind};
use regex::Regex;
use serde::Deserialize;

/// The gold file: `{"docs": {FILE: {"spans": [...]}}}`, character offsets, end exclusive.
#[derive(Debug, Deserialize)]
pub struct Gold {
    pub docs: BTreeMap<String, GoldDoc>,
}

#[derive(Debug, Deserialize)]
pub struct GoldDoc {
    pub spans: Vec<GoldSpan>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldSpan {
    pub start: usize,
    pub end: usize,
    /// person, organisation, place, date or other.
    pub kind: String,
    /// The corpus's own tag (per, org, geo, gpe, tim, …).
    #[serde(default)]
    pub tag: Option<String>,
    /// The corpus's part-of-speech tag of each token of the span.
    #[serde(default)]
    pub pos: Option<Vec<String>>,
    pub text: String,
}

impl Gold {
    pub fn load(path: &Path) -> Gold {
        let bytes = std::fs::read(path)
            .unwrap_or_else(|e| panic!("could not read {}: {e}", path.display()));
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|e| panic!("{} is not a gold file: {e}", path.display()))
    }
}

/// A span in character offsets with its kind and the text it covers.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub text: String,
}

/// Each document's predicted spans, deduplicated.
pub type Predictions = BTreeMap<String, BTreeSet<Span>>;

/// The scorer's name for an entity kind (the export spells one "organization").
pub fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organisation",
        EntityKind::Place => "place",
        EntityKind::Date => "date",
    }
}

/// The entities' mentions as character-offset spans of the files below `texts`. The
/// mentions carry UTF-8 byte offsets; the span text is read from the file at those
/// offsets, as the scorer does. Also returns how many mentions' own text differs from
/// the file's there.
pub fn predictions_from_entities(entities: &[Entity], texts: &Path) -> (Predictions, usize) {
    let mut files: BTreeMap<String, (String, Vec<Option<usize>>)> = BTreeMap::new();
    let mut predicted = Predictions::new();
    let mut mismatched = 0;
    for entity in entities {
        for mention in &entity.mentions {
            let path: &str = &mention.path;
            let (text, char_at) = files.entry(path.to_string()).or_insert_with(|| {
                let file = texts.join(path);
                let text = std::fs::read_to_string(&file)
                    .unwrap_or_else(|e| panic!("could not read {}: {e}", file.display()));
                let char_at = char_offsets(&text);
                (text, char_at)
            });
            let to_char = |byte: usize| {
                char_at.get(byte).copied().flatten().unwrap_or_else(|| {
                    panic!("{path}: mention offset {byte} is not at a character boundary")
                })
            };
            let (start, end) = (to_char(mention.start), to_char(mention.end));
            let surface: String = text[mention.start..mention.end].to_string();
            if surface != *mention.text {
                mismatched += 1;
            }
            predicted.entry(path.to_string()).or_default().insert(Span {
                start,
                end,
                kind: kind_name(entity.kind).to_string(),
                text: surface,
            });
        }
    }
    debug_assert!(files.keys().all(|p| predicted.contains_key(p)));
    (predicted, mismatched)
}

/// For each byte offset of `text` (and its end), the character offset there, or `None`
/// inside a character.
fn char_offsets(text: &str) -> Vec<Option<usize>> {
    let mut at = vec![None; text.len() + 1];
    for (chars, (byte, _)) in text.char_indices().enumerate() {
        at[byte] = Some(chars);
    }
    at[text.len()] = Some(text.chars().count());
    at
}

static MONTHS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b\.?",
    )
    .expect("the month pattern is valid")
});

static TITLES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:(?:President|Vice|Prime|Minister|Foreign|Defense|Defence|Interior|Finance|",
        r"Secretary|Secretary-General|Secretary-general|General|Gen\.|Lieutenant|Lt\.|Colonel|",
        r"Col\.|Major|Admiral|Senator|Sen\.|Representative|Rep\.|Governor|Gov\.|Mayor|Mr\.|",
        r"Ms\.|Mrs\.|Dr\.|Pope|King|Queen|Prince|Princess|Sheikh|Chancellor|Ambassador|Judge|",
        r"Justice|Chief|Speaker|Cardinal|Archbishop|Bishop|Reverend|Rev\.|Ayatollah|Premier|",
        r"Commander|Captain|Sergeant|Sgt\.|Deputy|Envoy|Prosecutor|Emir|Crown|Grand|Supreme|",
        r"Senior|Former|State|Attorney|Opposition|Rebel|Army|Militant|Cleric|Leader|",
        r"president|minister|secretary|leader|spokesman)\s+)+",
    ))
    .expect("the title pattern is valid")
});

/// A nationality word: a "gpe" span with no proper-noun token ("British", "Iraqis").
fn is_demonym(span: &GoldSpan) -> bool {
    span.tag.as_deref() == Some("gpe")
        && span
            .pos
            .as_ref()
            .is_some_and(|pos| !pos.iter().any(|p| p == "NNP" || p == "NNPS"))
}

/// A gold person span without its leading titles ("President Mahmoud Ahmadinejad" →
/// "Mahmoud Ahmadinejad"): the corpus puts titles inside names, most taggers do not.
fn strip_title(span: &GoldSpan) -> (usize, &str) {
    match TITLES.find(&span.text) {
        Some(m) if m.end() < span.text.len() => (
            span.start + span.text[..m.end()].chars().count(),
            &span.text[m.end()..],
        ),
        _ => (span.start, &span.text),
    }
}

/// A calendar date: it holds a digit or a month name (not "Monday", "last year").
pub fn is_calendar(text: &str) -> bool {
    text.chars().any(char::is_numeric) || MONTHS.is_match(text)
}

/// The form compared at document level: one space between words, lower case, without a
/// leading "the", a trailing "'s" or surrounding punctuation.
pub fn normalise(text: &str) -> String {
    let joined = text
        .replace('’', "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let t = joined.strip_prefix("the ").unwrap_or(&joined);
    let t = t.strip_suffix("'s").unwrap_or(t);
    t.trim_matches(|c| " .,;:'\"()-".contains(c)).to_string()
}

fn overlaps(a: &Span, b: &Span) -> bool {
    a.start < b.end && b.start < a.end
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Metric {
    /// Same start, end and kind.
    Exact,
    /// Overlapping span of the same kind.
    Lenient,
    /// Per document, the set of normalised surfaces of each kind.
    Doc,
}

impl Metric {
    pub const ALL: [Metric; 3] = [Metric::Exact, Metric::Lenient, Metric::Doc];

    pub fn name(self) -> &'static str {
        match self {
            Metric::Exact => "exact",
            Metric::Lenient => "lenient",
            Metric::Doc => "doc",
        }
    }
}

const KINDS: [&str; 3] = ["person", "organisation", "place"];

/// The rows of each table, in the scorer's order; the date rows only when the gold has dates.
const ROW_ORDER: [&str; 9] = [
    "person",
    "organisation",
    "place",
    "PER+ORG+PLACE",
    "person*",
    "place*",
    "PER*+ORG+PLACE*",
    "date",
    "date*",
];

/// Matched predictions, predictions, matched gold spans, gold spans.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp_pred: usize,
    pub n_pred: usize,
    pub tp_gold: usize,
    pub n_gold: usize,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.tp_pred += other.tp_pred;
        self.n_pred += other.n_pred;
        self.tp_gold += other.tp_gold;
        self.n_gold += other.n_gold;
    }

    /// Precision, recall and F1, each 0 when undefined.
    pub fn prf(self) -> (f64, f64, f64) {
        let ratio = |tp: usize, n: usize| if n == 0 { 0.0 } else { tp as f64 / n as f64 };
        let p = ratio(self.tp_pred, self.n_pred);
        let r = ratio(self.tp_gold, self.n_gold);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// The counts of every (metric, row), and what the gold holds.
#[derive(Debug)]
pub struct Scores {
    counts: BTreeMap<(Metric, &'static str), Counts>,
    rows: Vec<&'static str>,
    documents: usize,
    gold_spans: BTreeMap<String, usize>,
}

impl Scores {
    pub fn counts(&self, metric: Metric, row: &str) -> Counts {
        self.counts
            .iter()
            .find(|((m, r), _)| *m == metric && *r == row)
            .map(|(_, c)| *c)
            .unwrap_or_default()
    }

    pub fn f1(&self, metric: Metric, row: &str) -> f64 {
        self.counts(metric, row).prf().2
    }

    /// The tables as the scorer prints them, in one column.
    pub fn markdown(&self, name: &str) -> String {
        let spans: Vec<String> = self
            .gold_spans
            .iter()
            .map(|(kind, n)| format!("{kind} {n}"))
            .collect();
        let mut out = format!(
            "## {name}: {} documents; gold spans {}\n",
            self.documents,
            spans.join(", ")
        );
        for metric in Metric::ALL {
            let _ = write!(
                out,
                "\n### {name} — {} (P / R / F1, %)\n\n| kind | Corpus Explorer |\n|---|---|\n",
                metric.name()
            );
            for row in &self.rows {
                let (p, r, f) = self.counts(metric, row).prf();
                let _ = writeln!(
                    out,
                    "| {row} | {:.1} / {:.1} / **{:.1}** |",
                    100.0 * p,
                    100.0 * r,
                    100.0 * f
                );
            }
        }
        out
    }
}

/// Scores `predicted` against every gold document (predictions for other documents are
/// not looked at).
pub fn score(gold: &Gold, predicted: &Predictions) -> Scores {
    let has_dates = gold
        .docs
        .values()
        .any(|d| d.spans.iter().any(|s| s.kind == "date"));
    let mut rows = vec!["person", "organisation", "place", "person*", "place*"];
    if has_dates {
        rows.extend(["date", "date*"]);
    }
    let mut counts: BTreeMap<(Metric, &'static str), Counts> = BTreeMap::new();
    let none = BTreeSet::new();
    for (doc, gold_doc) in &gold.docs {
        let predicted = predicted.get(doc).unwrap_or(&none);
        for &row in &rows {
            let row_counts = score_row(row, &gold_doc.spans, predicted);
            let mut micro = Vec::new();
            if KINDS.contains(&row) {
                micro.push("PER+ORG+PLACE");
            }
            if ["person*", "organisation", "place*"].contains(&row) {
                micro.push("PER*+ORG+PLACE*");
            }
            for (metric, c) in Metric::ALL.into_iter().zip(row_counts) {
                for key in std::iter::once(row).chain(micro.iter().copied()) {
                    counts.entry((metric, key)).or_default().add(c);
                }
            }
        }
    }
    let mut gold_spans = BTreeMap::new();
    for span in gold.docs.values().flat_map(|d| &d.spans) {
        *gold_spans.entry(span.kind.clone()).or_insert(0) += 1;
    }
    let shown = ROW_ORDER
        .into_iter()
        .filter(|r| r.contains('+') || rows.contains(r))
        .collect();
    Scores {
        counts,
        rows: shown,
        documents: gold.docs.len(),
        gold_spans,
    }
}

/// One document's exact, lenient and document-level counts for one row.
fn score_row(row: &str, spans: &[GoldSpan], predicted: &BTreeSet<Span>) -> [Counts; 3] {
    let kind = row.trim_end_matches('*');
    let mut gold: Vec<Span> = spans
        .iter()
        .filter(|s| s.kind == kind)
        .map(|s| {
            let (start, text) = if row == "person*" {
                strip_title(s)
            } else {
                (s.start, s.text.as_str())
            };
            Span {
                start,
                end: s.end,
                kind: kind.to_string(),
                text: text.to_string(),
            }
        })
        .collect();
    // Gold spans of the corpus's own conventions, neither rewarded nor punished.
    let ignore: Vec<Span> = match row {
        "place*" => spans
            .iter()
            .filter(|s| s.kind == kind && is_demonym(s))
            .map(|s| Span {
                start: s.start,
                end: s.end,
                kind: kind.to_string(),
                text: s.text.clone(),
            })
            .collect(),
        "date*" => gold
            .iter()
            .filter(|g| !is_calendar(&g.text))
            .cloned()
            .collect(),
        _ => Vec::new(),
    };
    gold.retain(|g| !ignore.contains(g));
    let mut pred: Vec<&Span> = predicted
        .iter()
        .filter(|p| p.kind == kind)
        .filter(|p| !ignore.iter().any(|i| overlaps(p, i)) || gold.iter().any(|g| overlaps(p, g)))
        .collect();
    if row == "date*" {
        pred.retain(|p| is_calendar(&p.text));
    }

    let gold_ends: HashSet<(usize, usize)> = gold.iter().map(|g| (g.start, g.end)).collect();
    let pred_ends: HashSet<(usize, usize)> = pred.iter().map(|p| (p.start, p.end)).collect();
    let tp = gold_ends.intersection(&pred_ends).count();
    let exact = Counts {
        tp_pred: tp,
        n_pred: pred_ends.len(),
        tp_gold: tp,
        n_gold: gold_ends.len(),
    };

    let lenient = Counts {
        tp_pred: pred
            .iter()
            .filter(|p| gold.iter().any(|g| overlaps(p, g)))
            .count(),
        n_pred: pred.len(),
        tp_gold: gold
            .iter()
            .filter(|g| pred.iter().any(|p| overlaps(p, g)))
            .count(),
        n_gold: gold.len(),
    };

    let surfaces = |texts: &mut dyn Iterator<Item = &str>| -> HashSet<String> {
        texts.map(normalise).filter(|t| !t.is_empty()).collect()
    };
    let gold_names = surfaces(&mut gold.iter().map(|g| g.text.as_str()));
    let pred_names = surfaces(&mut pred.iter().map(|p| p.text.as_str()));
    let shared = gold_names.intersection(&pred_names).count();
    let doc = Counts {
        tp_pred: shared,
        n_pred: pred_names.len(),
        tp_gold: shared,
        n_gold: gold_names.len(),
    };
    [exact, lenient, doc]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold_span(start: usize, kind: &str, tag: &str, pos: &[&str], text: &str) -> GoldSpan {
        GoldSpan {
            start,
            end: start + text.chars().count(),
            kind: kind.to_string(),
            tag: Some(tag.to_string()),
            pos: Some(pos.iter().map(|p| p.to_string()).collect()),
            text: text.to_string(),
        }
    }

    fn span(start: usize, kind: &str, text: &str) -> Span {
        Span {
            start,
            end: start + text.chars().count(),
            kind: kind.to_string(),
            text: text.to_string(),
        }
    }

    fn one_doc(spans: Vec<GoldSpan>, predicted: Vec<Span>) -> Scores {
        let gold = Gold {
            docs: BTreeMap::from([("a.txt".to_string(), GoldDoc { spans })]),
        };
        let predictions =
            Predictions::from([("a.txt".to_string(), predicted.into_iter().collect())]);
        score(&gold, &predictions)
    }

    /// A gold person span at `start` after its titles are stripped: (start, text).
    fn stripped(start: usize, text: &str) -> (usize, String) {
        let span = gold_span(start, "person", "per", &[], text);
        let (start, text) = strip_title(&span);
        (start, text.to_string())
    }

    #[test]
    fn titles_are_stripped_in_characters() {
        let expect = |start: usize, text: &str| (start, text.to_string());
        assert_eq!(
            stripped(10, "President Mahmoud Ahmadinejad"),
            expect(20, "Mahmoud Ahmadinejad")
        );
        assert_eq!(
            stripped(0, "Secretary-General Kofi Annan"),
            expect(18, "Kofi Annan")
        );
        assert_eq!(
            stripped(0, "Prime Minister Tony Blair"),
            expect(15, "Tony Blair")
        );
        // A no-break space is two bytes but one character.
        assert_eq!(stripped(5, "Mr.\u{a0}Öcalan"), expect(9, "Öcalan"));
        // A span that is only a title, or has none, is kept whole.
        assert_eq!(stripped(0, "President "), expect(0, "President "));
        assert_eq!(stripped(0, "Presidents Club"), expect(0, "Presidents Club"));
    }

    #[test]
    fn calendar_dates_have_a_digit_or_a_month() {
        for date in ["July 21", "2004", "Sept. 11", "in MARCH", "the 1990s"] {
            assert!(is_calendar(date), "{date}");
        }
        for time in ["Monday", "last year", "Mayor", "recent weeks", "Marching"] {
            assert!(!is_calendar(time), "{time}");
        }
    }

    #[test]
    fn surfaces_are_normalised() {
        assert_eq!(normalise("The  U.S.'s"), "u.s");
        assert_eq!(normalise(" New\nYork "), "new york");
        assert_eq!(normalise("Iran’s"), "iran");
        assert_eq!(normalise("Theodore Roosevelt"), "theodore roosevelt");
        assert_eq!(normalise("(--)"), "");
    }

    #[test]
    fn byte_offsets_become_character_offsets() {
        let at = char_offsets("Café Paris");
        assert_eq!(at[6], Some(5));
        assert_eq!(at[4], None);
        assert_eq!(at[11], Some(10));
    }

    #[test]
    fn exact_lenient_and_document_counts() {
        // "Sudan's Omar al-Bashir met Kofi Annan in Khartoum." (character offsets)
        let gold = vec![
            gold_span(8, "person", "per", &["NNP", "NNP"], "Omar al-Bashir"),
            gold_span(27, "person", "per", &["NNP", "NNP"], "Kofi Annan"),
            gold_span(41, "place", "geo", &["NNP"], "Khartoum"),
        ];
        let predicted = vec![
            span(8, "person", "Omar al-Bashir"),
            span(32, "person", "Annan"),
            span(41, "organisation", "Khartoum"),
            span(0, "person", "Sudan"),
        ];
        let scores = one_doc(gold, predicted);
        let person = |m| scores.counts(m, "person");
        assert_eq!(
            person(Metric::Exact),
            Counts {
                tp_pred: 1,
                n_pred: 3,
                tp_gold: 1,
                n_gold: 2
            }
        );
        assert_eq!(
            person(Metric::Lenient),
            Counts {
                tp_pred: 2,
                n_pred: 3,
                tp_gold: 2,
                n_gold: 2
            }
        );
        assert_eq!(
            person(Metric::Doc),
            Counts {
                tp_pred: 1,
                n_pred: 3,
                tp_gold: 1,
                n_gold: 2
            }
        );
        // The wrong kind is a miss and a false organisation.
        let place = scores.counts(Metric::Lenient, "place");
        assert_eq!(
            place,
            Counts {
                tp_pred: 0,
                n_pred: 0,
                tp_gold: 0,
                n_gold: 1
            }
        );
        let micro = scores.counts(Metric::Lenient, "PER+ORG+PLACE");
        assert_eq!(
            micro,
            Counts {
                tp_pred: 2,
                n_pred: 4,
                tp_gold: 2,
                n_gold: 3
            }
        );
        let (p, r, f) = micro.prf();
        assert_eq!((p, r), (0.5, 2.0 / 3.0));
        assert!((f - 4.0 / 7.0).abs() < 1e-12);
    }

    #[test]
    fn demonyms_and_times_are_set_aside_in_starred_rows() {
        // "British troops left Basra on Monday, 3 May."
        let gold = vec![
            gold_span(0, "place", "gpe", &["JJ"], "British"),
            gold_span(20, "place", "geo", &["NNP"], "Basra"),
            gold_span(29, "date", "tim", &["NNP"], "Monday"),
            gold_span(37, "date", "tim", &["CD", "NNP"], "3 May"),
        ];
        let predicted = vec![
            span(0, "place", "British"),
            span(20, "place", "Basra"),
            span(29, "date", "Monday"),
            span(37, "date", "3 May"),
        ];
        let scores = one_doc(gold, vec![]);
        assert_eq!(scores.counts(Metric::Exact, "place*").n_gold, 1);
        assert_eq!(scores.counts(Metric::Exact, "date*").n_gold, 1);
        let gold = vec![
            gold_span(20, "place", "geo", &["NNP"], "Basra"),
            gold_span(0, "place", "gpe", &["JJ"], "British"),
            gold_span(29, "date", "tim", &["NNP"], "Monday"),
            gold_span(37, "date", "tim", &["CD", "NNP"], "3 May"),
        ];
        let scores = one_doc(gold, predicted);
        let expect = Counts {
            tp_pred: 1,
            n_pred: 1,
            tp_gold: 1,
            n_gold: 1,
        };
        assert_eq!(scores.counts(Metric::Exact, "place*"), expect);
        assert_eq!(scores.counts(Metric::Exact, "date*"), expect);
        assert_eq!(scores.counts(Metric::Exact, "place").n_gold, 2);
        assert_eq!(scores.counts(Metric::Exact, "date").n_pred, 2);
    }

    #[test]
    fn nothing_found_scores_zero_everywhere() {
        let gold = vec![
            gold_span(0, "person", "per", &["NNP"], "Annan"),
            gold_span(10, "date", "tim", &["CD"], "2004"),
        ];
        let scores = one_doc(gold, vec![]);
        for metric in Metric::ALL {
            for row in ROW_ORDER {
                assert_eq!(scores.f1(metric, row), 0.0, "{} {row}", metric.name());
            }
        }
    }

    #[test]
    fn tables_have_the_scorer_shape() {
        let gold = vec![
            gold_span(0, "person", "per", &["NNP"], "Annan"),
            gold_span(10, "date", "tim", &["CD"], "2004"),
        ];
        let scores = one_doc(
            gold,
            vec![span(0, "person", "Annan"), span(20, "person", "Bush")],
        );
        let table = scores.markdown("t");
        assert!(table.starts_with("## t: 1 documents; gold spans date 1, person 1\n"));
        assert!(table.contains("\n### t — lenient (P / R / F1, %)\n\n| kind | Corpus Explorer |\n|---|---|\n| person | 50.0 / 100.0 / **66.7** |\n"));
        assert!(table.contains("| date* | 0.0 / 0.0 / **0.0** |\n"));
    }
}
