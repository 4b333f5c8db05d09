//! Every way the app uses a corpus leaves it as it was, byte for byte and date for
//! date, with no file added: reading it through the cache (first and second time),
//! the search index, `search`, every export (JSON, CSV, GeoJSON, bulk NDJSON) and
//! saving a workspace about it. Run on a copy of the sample corpus, which has every
//! format the app reads.
#![allow(clippy::unwrap_used)] // test set-up on temp files: a failure should stop the test loudly

use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use corpus_explorer::cache::CacheDir;
use corpus_explorer::corpus::{IngestEvent, IngestOptions};
use corpus_explorer::reading::read_corpus;
use corpus_explorer::search::{SearchSource, search_folder};
use corpus_explorer::workspace::{self, Workspace};

#[path = "support/fingerprint.rs"]
mod fingerprint;
use fingerprint::fingerprint;

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn run(args: &[&std::ffi::OsStr]) {
    let output = Command::new(env!("CARGO_BIN_EXE_corpus-explorer"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn reading_searching_exporting_and_saving_never_touch_the_corpus() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_corpus"),
        &root,
    );
    let before = fingerprint(&root);
    assert!(before.len() > 40, "the sample corpus was copied");

    let cache = CacheDir::for_corpus(&tmp.path().join("data"), &root);
    let options = IngestOptions::default();
    let mut documents = Vec::new();
    for _ in 0..2 {
        documents.clear();
        read_corpus(
            &root,
            &options,
            Some(&cache),
            &Arc::new(AtomicBool::new(false)),
            |event| {
                if let IngestEvent::Document(doc) = event {
                    documents.push(doc);
                }
            },
            |_| {},
        )
        .unwrap();
    }
    let sources: Vec<SearchSource<'_>> = documents
        .iter()
        .map(|d| (d.rel_path.as_str(), d.title.as_str(), &*d.text))
        .collect();
    cache
        .search_index(&sources, &AtomicBool::new(false))
        .unwrap();
    search_folder(&root, &options, "Okafor OR \"Lagos\"", 20, true).unwrap();

    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    for format in ["json", "csv", "geojson", "ndjson"] {
        let file = out.join(format!("export.{format}"));
        run(&[
            "export".as_ref(),
            root.as_os_str(),
            "--format".as_ref(),
            format.as_ref(),
            "-o".as_ref(),
            file.as_os_str(),
        ]);
    }
    run(&[
        "search".as_ref(),
        root.as_os_str(),
        "gadafi~2".as_ref(),
        "--kwic".as_ref(),
    ]);
    let mut workspace = Workspace::for_folder(&root);
    workspace.list.search = "Okafor".into();
    workspace::save(&out.join("work.ron"), &workspace).unwrap();

    assert_eq!(fingerprint(&root), before);
}
