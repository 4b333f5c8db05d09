//! The corpus cache, as the window uses it: a second reading of an unchanged folder
//! opens no file and extracts nothing yet gives the same documents and entities;
//! changed, added and deleted files are picked up; a damaged or outdated cache is
//! reported and rebuilt. One test, because it counts the files the process reads.
#![allow(clippy::unwrap_used)] // test set-up on temp files: a failure should stop the test loudly

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

use corpus_explorer::cache::CacheDir;
use corpus_explorer::corpus::{IngestEvent, IngestOptions, files_read};
use corpus_explorer::reading::{CorpusRead, ExtractionEvent, read_corpus, reopen_corpus};

struct Opened {
    read: CorpusRead,
    /// Path and text of each document, in list order.
    documents: Vec<(String, String)>,
    /// Entity ids of the last snapshot, sorted.
    entities: Vec<String>,
    files_read: usize,
}

/// Reads the folder file by file, through the cache.
fn open(root: &Path, cache: &CacheDir) -> Opened {
    read(root, cache, false)
}

/// Opens the folder as the window does when the user opens it: from its last reading.
fn reopen(root: &Path, cache: &CacheDir) -> Opened {
    read(root, cache, true)
}

fn read(root: &Path, cache: &CacheDir, reopening: bool) -> Opened {
    let before = files_read();
    let mut documents = Vec::new();
    let entities = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&entities);
    let on_ingest = |event| {
        if let IngestEvent::Document(doc) = event {
            documents.push((doc.rel_path.clone(), doc.text.to_string()));
        }
    };
    let options = IngestOptions::default();
    let cancel = Arc::new(AtomicBool::new(false));
    let on_extraction = move |event| {
        if let ExtractionEvent::Snapshot(snapshot) = event {
            let mut ids: Vec<String> = snapshot
                .extraction
                .entities
                .iter()
                .map(|e| e.id.clone())
                .collect();
            ids.sort();
            *sink.lock().unwrap() = ids;
        }
    };
    let read = if reopening {
        reopen_corpus(root, &options, cache, &cancel, on_ingest, on_extraction)
    } else {
        read_corpus(
            root,
            &options,
            Some(cache),
            &cancel,
            on_ingest,
            on_extraction,
        )
    }
    .unwrap();
    let entities = entities.lock().unwrap().clone();
    Opened {
        read,
        documents,
        entities,
        files_read: files_read() - before,
    }
}

const MAIL: &str = "From: Amina Okafor <amina@example.org>\r\n\
Subject: Questions\r\n\
Date: Tue, 18 Oct 2016 09:30:00 +0100\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"b1\"\r\n\
\r\n\
--b1\r\n\
Content-Type: text/plain\r\n\
\r\n\
See the attached list.\r\n\
--b1\r\n\
Content-Type: text/plain\r\n\
Content-Disposition: attachment; filename=\"list.txt\"\r\n\
\r\n\
List\r\n\r\nAsk Tom\u{e1}s Herrera about Mombasa.\r\n\
--b1--\r\n";

const FILES: [(&str, &str); 4] = [
    ("mail.eml", MAIL),
    (
        "lagos.txt",
        "Port report\n\nAmina Okafor inspected the harbour in Lagos on 3 March 1999.",
    ),
    (
        "geneva.md",
        "# Archive\n\nThe Red Cross met Leila Mansour in Geneva in 2004.",
    ),
    (
        "notes/bogota.txt",
        "Notes\n\nCarlos Mendoza left Bogotá in the 1980s.",
    ),
];

#[test]
fn the_cache_spares_reading_and_extraction_and_follows_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    std::fs::create_dir_all(root.join("notes")).unwrap();
    for (name, text) in FILES {
        std::fs::write(root.join(name), text).unwrap();
    }
    let cache = CacheDir::for_corpus(&tmp.path().join("data"), &root);
    assert!(
        !cache.path().starts_with(&root),
        "the cache lives outside the corpus"
    );

    let first = open(&root, &cache);
    // Four files, five documents: the mail's attachment is one of its own.
    assert_eq!(first.read.summary.documents, 5);
    assert_eq!(first.read.summary.reused, 0);
    assert_eq!(first.files_read, 4);
    assert!(first.entities.iter().any(|id| id == "place:lagos"));
    assert!(first.read.notice.is_none());

    // Unchanged: no file opened, nothing extracted, the same documents and entities.
    let second = open(&root, &cache);
    assert_eq!(second.files_read, 0);
    assert_eq!(second.read.summary.reused, 4);
    assert_eq!(second.read.entities_reused, 5);
    assert_eq!(second.documents, first.documents);
    assert_eq!(second.entities, first.entities);

    // A changed file is read again; the others still come from the cache.
    std::fs::write(
        root.join("geneva.md"),
        "# Archive\n\nThe Red Cross met Leila Mansour in Nairobi in 2004, not Geneva.",
    )
    .unwrap();
    let changed = open(&root, &cache);
    assert_eq!(changed.files_read, 1);
    assert_eq!(changed.read.summary.reused, 3);
    assert!(changed.entities.iter().any(|id| id == "place:nairobi"));

    // An added file is read; a deleted one disappears.
    std::fs::write(
        root.join("new.txt"),
        "New\n\nPriya Natarajan wrote from Mumbai.",
    )
    .unwrap();
    std::fs::remove_file(root.join("lagos.txt")).unwrap();
    let moved = open(&root, &cache);
    assert_eq!(moved.files_read, 1);
    let paths: Vec<&str> = moved.documents.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "geneva.md",
            "mail.eml",
            "mail.eml/list.txt",
            "new.txt",
            "notes/bogota.txt"
        ]
    );
    assert!(!moved.entities.iter().any(|id| id == "place:lagos"));
    let settled = open(&root, &cache);
    assert_eq!(settled.files_read, 0);

    // Reopened: the last reading is shown whole, without a look at any file.
    let reopened = reopen(&root, &cache);
    assert!(reopened.read.reopened);
    assert_eq!(reopened.files_read, 0);
    assert_eq!(reopened.documents, settled.documents);
    assert_eq!(reopened.entities, settled.entities);
    let cancel = AtomicBool::new(false);
    let manifest = &reopened.read.summary.manifest;
    assert!(manifest.changes(&root, &cancel).unwrap().is_empty());

    // Changed while the folder was closed: the check after reopening finds it, and
    // the update that follows reads that file alone and keeps a new last reading.
    std::fs::write(
        root.join("notes/bogota.txt"),
        "Notes\n\nCarlos Mendoza left Quito in the 1990s.",
    )
    .unwrap();
    let stale = reopen(&root, &cache);
    assert!(stale.read.reopened);
    assert_eq!(stale.documents, settled.documents, "shown as last read");
    let changes = stale.read.summary.manifest.changes(&root, &cancel).unwrap();
    assert_eq!(changes, [root.join("notes/bogota.txt")]);
    let updated = open(&root, &cache);
    assert_eq!(updated.files_read, 1);
    assert!(updated.entities.iter().any(|id| id == "place:quito"));
    let current = reopen(&root, &cache);
    assert!(current.read.reopened);
    assert_eq!(current.documents, updated.documents);
    assert_eq!(current.entities, updated.entities);

    // A damaged last reading is not shown: the folder is read through the cache.
    let last_reading = cache.path().join("last-reading.bin");
    let bytes = std::fs::read(&last_reading).unwrap();
    std::fs::write(&last_reading, &bytes[..bytes.len() - 3]).unwrap();
    let careful = reopen(&root, &cache);
    assert!(!careful.read.reopened);
    assert_eq!(careful.files_read, 0);
    assert_eq!(careful.documents, updated.documents);
    assert!(reopen(&root, &cache).read.reopened, "and kept again");
    let settled = updated;

    // A damaged cache is reported, rebuilt, and the folder still opens in full.
    let documents_file = cache.path().join("documents.bin");
    let bytes = std::fs::read(&documents_file).unwrap();
    std::fs::write(&documents_file, &bytes[..bytes.len() / 2]).unwrap();
    let repaired = open(&root, &cache);
    let notice = repaired.read.notice.clone().unwrap_or_default();
    assert!(notice.contains("damaged"), "{notice}");
    assert_eq!(repaired.files_read, 4);
    assert_eq!(repaired.documents, settled.documents);
    assert_eq!(
        open(&root, &cache).files_read,
        0,
        "the rebuilt cache is used"
    );

    // A cache from another format version is rebuilt too.
    let mut bytes = std::fs::read(&documents_file).unwrap();
    bytes[8] = bytes[8].wrapping_add(1);
    std::fs::write(&documents_file, &bytes).unwrap();
    let outdated = open(&root, &cache);
    let notice = outdated.read.notice.unwrap_or_default();
    assert!(notice.contains("another version"), "{notice}");
    assert_eq!(outdated.files_read, 4);
}
