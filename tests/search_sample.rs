//! Search on `sample_corpus/`: query forms, ranking, what matches point at, and
//! the `search` command as a user runs it.

use std::path::{Path, PathBuf};
use std::process::Command;

use corpus_explorer::corpus::IngestOptions;
use corpus_explorer::search::{FolderSearch, search_folder};
use serde_json::Value;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_corpus")
}

fn search(query: &str) -> FolderSearch {
    search_folder(&sample(), &IngestOptions::default(), query, 1000, false)
        .unwrap_or_else(|e| panic!("{query}: {e}"))
}

fn paths(found: &FolderSearch) -> Vec<&str> {
    found
        .hits
        .iter()
        .flatten()
        .map(|h| h.path.as_str())
        .collect()
}

fn text_of(path: &str) -> String {
    // Markdown samples are read as they are on disk (UTF-8).
    std::fs::read_to_string(sample().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn fuzzy_finds_transliteration_variants_that_exact_words_miss() {
    let exact = search("qadhafi");
    let fuzzy = search("qadhafi~2");
    assert!(
        fuzzy.total > exact.total,
        "{} vs {}",
        fuzzy.total,
        exact.total
    );
    assert!(paths(&fuzzy).contains(&"archive/libya-1980s-clippings.txt"));
}

#[test]
fn phrase_matches_point_at_the_phrase() {
    let found = search("\"lagos courier\"");
    assert!(found.total >= 3, "{}", found.total);
    for hit in found.hits.iter().flatten() {
        assert!(!hit.matches.is_empty(), "{} has no match offsets", hit.path);
        assert!(
            hit.snippet.to_lowercase().contains("lagos courier"),
            "{}",
            hit.snippet
        );
    }
    let md = "news/lagos-courier-follow-up.md";
    let hit = found
        .hits
        .iter()
        .flatten()
        .find(|h| h.path == md)
        .unwrap_or_else(|| panic!("{md} is a hit"));
    let text = text_of(md);
    for [start, end] in &hit.matches {
        assert_eq!(text[*start..*end].to_lowercase(), "lagos courier");
    }
}

#[test]
fn not_excludes_and_or_widens() {
    let archive = search("archive");
    let without = search("archive -kyiv");
    assert!(without.total < archive.total);
    assert!(!paths(&without).contains(&"news/kyiv-archive-evacuation.md"));
    let either = search("mombasa OR zaatari");
    let one = search("mombasa");
    assert!(either.total > one.total);
}

#[test]
fn fields_and_prefixes() {
    let titled = search("title:kyiv");
    assert!(paths(&titled).contains(&"news/kyiv-archive-evacuation.md"));
    assert!(titled.total < search("kyiv").total);
    let in_folder = search("path:interviews okafor");
    assert!(
        paths(&in_folder)
            .iter()
            .all(|p| p.starts_with("interviews/"))
    );
    assert!(search("whitf*").total >= search("whitfield").total);
}

#[test]
fn a_document_about_the_query_ranks_first() {
    let found = search("kyiv archive");
    assert_eq!(
        paths(&found).first().copied(),
        Some("news/kyiv-archive-evacuation.md")
    );
}

#[test]
fn the_search_command_prints_hits_and_kwic_lines() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_corpus-explorer"))
            .arg("search")
            .arg(sample())
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let out = run(&["okafor", "--limit", "2"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json["hits"].as_array().map(Vec::len), Some(2));
    assert!(json["total"].as_u64().unwrap_or(0) > 2);
    assert!(json["hits"][0]["score"].as_f64().unwrap_or(0.0) > 0.0);

    let out = run(&["\"lagos courier\"", "--kwic", "--limit", "3"]);
    assert!(out.status.success());
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let lines = json["kwic"].as_array().cloned().unwrap_or_default();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines[0]["keyword"]
            .as_str()
            .map(str::to_lowercase)
            .as_deref(),
        Some("lagos courier")
    );

    let out = run(&["(open"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("a bracket is not closed"), "{err}");
}
