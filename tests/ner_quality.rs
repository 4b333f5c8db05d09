//! Entity quality on text nobody here wrote: 300 hand-annotated Voice of America news
//! documents of the Groningen Meaning Bank (`tests/ner/`, see its README). The folder is
//! read and extracted as `corpus-explorer export` does, scored as `score.py` scores an
//! export, and the three tables are printed
//! (`cargo test --release --test ner_quality -- --nocapture`). Fails below [`FLOORS`].

#[path = "support/ner_score.rs"]
mod ner_score;

use std::path::{Path, PathBuf};

use corpus_explorer::corpus::IngestOptions;
use corpus_explorer::export::export_folder_with_entities;
use corpus_explorer::extract::Extractor;
use ner_score::{Gold, Metric, Predictions, Scores, predictions_from_entities, score};

/// A lowest acceptable F1 (0–1) for one row of one table.
struct Floor {
    metric: Metric,
    row: &'static str,
    f1: f64,
}

const fn floor(metric: Metric, row: &'static str, f1: f64) -> Floor {
    Floor { metric, row, f1 }
}

/// What the engine must keep: [`TARGETS`], reached on 2026-12-03 by the learned name
/// tagger and the date rules that read context. Raise them as the engine improves.
const FLOORS: &[Floor] = &[
    floor(Metric::Exact, "PER*+ORG+PLACE*", 0.70),
    floor(Metric::Lenient, "person*", 0.777),
    floor(Metric::Lenient, "organisation", 0.647),
    floor(Metric::Lenient, "place*", 0.863),
    floor(Metric::Lenient, "date*", 0.904),
    floor(Metric::Lenient, "PER*+ORG+PLACE*", 0.85),
    floor(Metric::Doc, "person*", 0.741),
    floor(Metric::Doc, "organisation", 0.538),
    floor(Metric::Doc, "place*", 0.811),
    floor(Metric::Doc, "date*", 0.670),
];

/// Where issue 16 wants the engine: above spaCy 3.8 `en_core_web_sm` (NER only) on every
/// lenient and document row of person*, organisation, place* and date* (its F1 on this
/// set, tests/ner/README.md, plus 0.1 point, so "beat" holds as printed), lenient micro
/// ≥ 0.85 and exact micro ≥ 0.70. The floors become these when the engine gets there.
const TARGETS: &[Floor] = &[
    floor(Metric::Exact, "PER*+ORG+PLACE*", 0.70),
    floor(Metric::Lenient, "person*", 0.777),
    floor(Metric::Lenient, "organisation", 0.647),
    floor(Metric::Lenient, "place*", 0.863),
    floor(Metric::Lenient, "date*", 0.904),
    floor(Metric::Lenient, "PER*+ORG+PLACE*", 0.85),
    floor(Metric::Doc, "person*", 0.741),
    floor(Metric::Doc, "organisation", 0.538),
    floor(Metric::Doc, "place*", 0.811),
    floor(Metric::Doc, "date*", 0.670),
];

fn ner_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ner")
}

/// The floors `scores` falls below, one line each.
fn shortfalls(scores: &Scores, floors: &[Floor]) -> Vec<String> {
    floors
        .iter()
        .filter_map(|f| {
            let got = scores.f1(f.metric, f.row);
            (got < f.f1).then(|| {
                format!(
                    "{} {}: F1 {:.3} < floor {:.3}",
                    f.metric.name(),
                    f.row,
                    got,
                    f.f1
                )
            })
        })
        .collect()
}

/// Each floor with today's figure and the target, for the test output.
fn progress(scores: &Scores) -> String {
    let mut out = String::from("\n| table | row | F1 | floor | target |\n|---|---|---|---|---|\n");
    for f in FLOORS {
        let target = TARGETS
            .iter()
            .find(|t| t.metric == f.metric && t.row == f.row)
            .map_or("-".to_string(), |t| format!("{:.3}", t.f1));
        out += &format!(
            "| {} | {} | {:.3} | {:.3} | {target} |\n",
            f.metric.name(),
            f.row,
            scores.f1(f.metric, f.row),
            f.f1
        );
    }
    out
}

/// Runs the engine on the dev documents as the export command does.
fn extract_dev_set(texts: &Path) -> Predictions {
    let extractor = Extractor::load_embedded().expect("the embedded extractor loads");
    let report = export_folder_with_entities(texts, &IngestOptions::default(), &extractor)
        .expect("the dev documents can be read");
    let skipped: Vec<_> = report
        .documents
        .iter()
        .filter(|d| d.error.is_some())
        .collect();
    assert!(skipped.is_empty(), "documents skipped: {skipped:?}");
    let (predicted, mismatched) = predictions_from_entities(&report.entities, texts);
    assert_eq!(
        mismatched, 0,
        "mentions whose text differs from the file at their offsets"
    );
    predicted
}

#[test]
fn entities_on_annotated_news_stay_above_the_floors() {
    let dir = ner_dir();
    let gold = Gold::load(&dir.join("gmb-dev.gold.json"));
    assert_eq!(gold.docs.len(), 300, "the dev set has 300 documents");
    let predicted = extract_dev_set(&dir.join("gmb-dev"));
    let scores = score(&gold, &predicted);
    println!("{}", scores.markdown("GMB dev"));
    println!("{}", progress(&scores));
    let missing = shortfalls(&scores, FLOORS);
    assert!(
        missing.is_empty(),
        "below the floors:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_floor_fails_when_nothing_is_found() {
    let gold = Gold::load(&ner_dir().join("gmb-dev.gold.json"));
    let scores = score(&gold, &Predictions::new());
    assert_eq!(shortfalls(&scores, FLOORS).len(), FLOORS.len());
    assert_eq!(shortfalls(&scores, TARGETS).len(), TARGETS.len());
}

#[test]
fn targets_are_not_below_the_floors() {
    for f in FLOORS {
        let target = TARGETS
            .iter()
            .find(|t| t.metric == f.metric && t.row == f.row)
            .unwrap_or_else(|| panic!("no target for {} {}", f.metric.name(), f.row));
        assert!(target.f1 >= f.f1, "{} {}", f.metric.name(), f.row);
    }
}
