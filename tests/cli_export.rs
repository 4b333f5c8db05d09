//! `corpus-explorer export` run as a user would: the JSON it prints, the
//! file it writes, and its exit codes.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::{Value, json};

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_corpus-explorer"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("could not run the binary: {e}"))
}

fn export(folder: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["export".as_ref(), folder.as_os_str()];
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    run(&args)
}

fn sample_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    fs::create_dir_all(root.join("sub/deeper")).unwrap_or_else(|e| panic!("{e}"));
    fs::write(root.join("intro.md"), "# Welcome\n\nThree words here.")
        .unwrap_or_else(|e| panic!("{e}"));
    fs::write(
        root.join("sub/page.html"),
        "<title>Page</title><p>one two</p>",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    fs::write(
        root.join("sub/deeper/old.txt"),
        b"Caf\xE9 ouvert depuis longtemps",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    fs::write(root.join("sub/empty.txt"), "").unwrap_or_else(|e| panic!("{e}"));
    fs::write(root.join("ignored.jpg"), "not read").unwrap_or_else(|e| panic!("{e}"));
    dir
}

fn json_of(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(bytes)))
}

#[test]
fn export_prints_the_documented_json() {
    let corpus = sample_corpus();
    let output = export(corpus.path(), &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let expected = json!({
        "version": 1,
        "documents": [
            { "path": "intro.md", "title": "Welcome", "bytes": 28, "words": 4,
              "encoding": "UTF-8", "error": null },
            { "path": "sub/deeper/old.txt", "title": "Café ouvert depuis longtemps", "bytes": 28,
              "words": 4, "encoding": "windows-1252", "error": null },
            { "path": "sub/empty.txt", "title": null, "bytes": 0, "words": null,
              "encoding": null, "error": "the file is empty" },
            { "path": "sub/page.html", "title": "Page", "bytes": 33, "words": 2,
              "encoding": "UTF-8", "error": null }
        ],
        "entities": []
    });
    assert_eq!(json_of(&output.stdout), expected);
}

#[test]
fn export_writes_to_a_file_with_o() {
    let corpus = sample_corpus();
    let out_dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out_file = out_dir.path().join("report.json");
    let output = export(
        corpus.path(),
        &["-o", &out_file.display().to_string(), "--format", "json"],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stdout.is_empty());
    let report = json_of(&fs::read(&out_file).unwrap_or_default());
    assert_eq!(report["documents"].as_array().map(Vec::len), Some(4));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("3 documents, 1 skipped"), "{stderr}");
}

#[test]
fn the_size_limit_can_be_set() {
    let corpus = sample_corpus();
    fs::write(corpus.path().join("big.txt"), "word ".repeat(300_000))
        .unwrap_or_else(|e| panic!("{e}"));
    let output = export(corpus.path(), &["--max-file-mb", "1"]);
    assert!(output.status.success());
    let report = json_of(&output.stdout);
    let big = &report["documents"][0];
    assert_eq!(big["path"], "big.txt");
    assert_eq!(
        big["error"],
        "the file is larger than the 1 MB limit set in Preferences (it is 1.4 MB)"
    );
}

#[test]
fn a_missing_folder_fails_clearly() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let missing = dir.path().join("no-such-folder");
    let output = export(&missing, &[]);
    assert!(!output.status.success());
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("does not exist"), "{stderr}");
    assert!(stderr.contains("no-such-folder"), "{stderr}");
}

#[test]
fn a_file_instead_of_a_folder_fails_clearly() {
    let corpus = sample_corpus();
    let output = export(&corpus.path().join("intro.md"), &[]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("is a file, not a folder"), "{stderr}");
}

#[test]
fn help_documents_every_command_with_an_example() {
    let top = run(&["--help".as_ref()]);
    let top = String::from_utf8_lossy(&top.stdout);
    assert!(top.contains("export"), "{top}");
    assert!(top.contains("Examples:"), "{top}");
    let sub = run(&["export".as_ref(), "--help".as_ref()]);
    let sub = String::from_utf8_lossy(&sub.stdout);
    for needle in ["--output", "--format", "--max-file-mb", "Examples:"] {
        assert!(sub.contains(needle), "{needle} missing from:\n{sub}");
    }
}

#[test]
fn the_workspace_corrections_apply_to_the_export() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let corpus = dir.path().join("corpus");
    fs::create_dir_all(&corpus).unwrap_or_else(|e| panic!("{e}"));
    fs::write(corpus.join("a.txt"), "Amina Okafor flew to Lagos in 1999.")
        .unwrap_or_else(|e| panic!("{e}"));
    fs::write(corpus.join("b.txt"), "Chidi Okafor stayed in Lagos.")
        .unwrap_or_else(|e| panic!("{e}"));
    let workspace = dir.path().join("fixes.ron");
    fs::write(
        &workspace,
        r#"(format_version: 1, corrections: [
            Merge(into: "person:amina-okafor", others: ["person:chidi-okafor"]),
            Hide(id: "place:lagos"),
            Rename(id: "person:nobody", name: "Nobody"),
        ])"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let before = json_of(&export(&corpus, &[]).stdout);
    let ids = |report: &Value| -> Vec<String> {
        report["entities"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e["id"].as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert!(ids(&before).contains(&"person:chidi-okafor".to_string()));
    assert!(ids(&before).contains(&"place:lagos".to_string()));

    let workspace_arg = workspace.display().to_string();
    let output = export(&corpus, &["--workspace", &workspace_arg]);
    assert!(output.status.success());
    let after = json_of(&output.stdout);
    let after_ids = ids(&after);
    assert!(!after_ids.contains(&"person:chidi-okafor".to_string()));
    assert!(!after_ids.contains(&"place:lagos".to_string()));
    let amina = after["entities"]
        .as_array()
        .and_then(|a| a.iter().find(|e| e["id"] == "person:amina-okafor"))
        .unwrap_or_else(|| panic!("Amina Okafor is exported: {after}"));
    assert!(
        amina["aliases"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x == "Chidi Okafor")),
        "{amina}"
    );
    assert_eq!(amina["mentions"].as_array().map(Vec::len), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("person:nobody"),
        "the stale rename is reported: {stderr}"
    );
}

#[test]
fn a_broken_workspace_stops_the_export_with_its_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let workspace = dir.path().join("broken.ron");
    fs::write(&workspace, "(format_version: 1, corrections: [Merge(")
        .unwrap_or_else(|e| panic!("{e}"));
    let output = export(
        dir.path(),
        &["--workspace", &workspace.display().to_string()],
    );
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("broken.ron"), "{stderr}");
    assert!(stderr.contains("line 1"), "{stderr}");
}

#[test]
fn ndjson_pairs_an_index_action_with_each_readable_document() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    fs::write(
        dir.path().join("lagos.txt"),
        "Port report\n\nAmina Okafor inspected the harbour in Lagos on 3 March 1999.",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    fs::write(dir.path().join("empty.txt"), "").unwrap_or_else(|e| panic!("{e}"));
    let output = export(dir.path(), &["--format", "ndjson"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let lines: Vec<Value> = output
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(json_of)
        .collect();
    // The empty file has nothing to index: one action and one document.
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0], json!({ "index": { "_id": "lagos.txt" } }));
    let doc = &lines[1];
    assert_eq!(doc["path"], "lagos.txt");
    assert_eq!(doc["title"], "Port report");
    assert!(
        doc["text"]
            .as_str()
            .is_some_and(|t| t.contains("inspected the harbour"))
    );
    assert_eq!(doc["people"], json!(["Amina Okafor"]));
    assert_eq!(doc["places"], json!(["Lagos"]));
    assert_eq!(doc["dates"], json!(["1999-03-03"]));
    let lat = doc["locations"][0]["lat"].as_f64().unwrap_or_default();
    assert!((lat - 6.45).abs() < 0.5, "Lagos, Nigeria: {lat}");
}
