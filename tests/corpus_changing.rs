//! A file rewritten again and again while the folder is read: every reading finishes,
//! the other files are all there, the busy file is either read whole (one of the texts
//! it held) or listed with a reason, and once it stops changing the next reading
//! through the cache shows what it finally holds, never a text from the churn.
#![allow(clippy::unwrap_used)] // test set-up on temp files: a failure should stop the test loudly

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use corpus_explorer::cache::CacheDir;
use corpus_explorer::corpus::{Document, IngestEvent, IngestOptions, Problem};
use corpus_explorer::reading::read_corpus;

const OTHERS: usize = 300;

fn texts() -> [String; 2] {
    [
        "Short note\n\nAmina Okafor called from Lagos.".to_owned(),
        format!(
            "Long report\n\n{}",
            "The harbour board met in Mombasa to discuss the cranes. ".repeat(8_000)
        ),
    ]
}

fn read(root: &Path, cache: &CacheDir) -> (Vec<Document>, Vec<Problem>) {
    let mut documents = Vec::new();
    let mut problems = Vec::new();
    read_corpus(
        root,
        &IngestOptions::default(),
        Some(cache),
        &Arc::new(AtomicBool::new(false)),
        |event| match event {
            IngestEvent::Document(doc) => documents.push(*doc),
            IngestEvent::Problem(problem) => problems.push(problem),
            _ => {}
        },
        |_| {},
    )
    .unwrap();
    (documents, problems)
}

#[test]
fn a_file_that_changes_while_it_is_read_is_never_half_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    std::fs::create_dir_all(&root).unwrap();
    for i in 0..OTHERS {
        let text = format!("Note {i}\n\nCarlos Mendoza wrote note {i} in Bogota.");
        std::fs::write(root.join(format!("note-{i:03}.txt")), text).unwrap();
    }
    let live = root.join("live.txt");
    let [short, long] = texts();
    std::fs::write(&live, &short).unwrap();
    let cache = CacheDir::for_corpus(&tmp.path().join("data"), &root);

    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (stop, live, short, long) =
            (Arc::clone(&stop), live.clone(), short.clone(), long.clone());
        std::thread::spawn(move || {
            let mut rewrites = 0usize;
            while !stop.load(Ordering::Relaxed) {
                let text = if rewrites.is_multiple_of(2) {
                    &long
                } else {
                    &short
                };
                std::fs::write(&live, text).unwrap();
                rewrites += 1;
            }
            rewrites
        })
    };
    let mut seen_whole = 0;
    let mut seen_listed = 0;
    for _ in 0..25 {
        let (documents, problems) = read(&root, &cache);
        let notes = documents
            .iter()
            .filter(|d| d.rel_path.starts_with("note-"))
            .count();
        assert_eq!(notes, OTHERS, "every other file is read");
        match documents.iter().find(|d| d.rel_path == "live.txt") {
            Some(doc) => {
                // Read between two rewrites: whole, or cut where a rewrite was under
                // way (the reader cannot tell a slow writer from a short file).
                let text = doc.text.as_ref();
                assert!(
                    text == short || long.starts_with(text),
                    "live.txt read as {} bytes of something else",
                    text.len()
                );
                seen_whole += 1;
            }
            None => {
                let problem = problems.iter().find(|p| p.rel_path == "live.txt");
                assert!(problem.is_some(), "live.txt is listed when not read");
                seen_listed += 1;
            }
        }
    }
    stop.store(true, Ordering::Relaxed);
    let rewrites = writer.join().unwrap();
    assert!(
        rewrites > 25,
        "the file changed during the readings ({rewrites} times)"
    );
    assert_eq!(seen_whole + seen_listed, 25);
    println!("{rewrites} rewrites; live.txt read {seen_whole} times, listed {seen_listed} times");

    // It holds still now: the next reading shows what it holds, not a cached churn.
    std::fs::write(&live, "Final words\n\nLeila Mansour signed in Geneva.").unwrap();
    let (documents, problems) = read(&root, &cache);
    let doc = documents.iter().find(|d| d.rel_path == "live.txt");
    assert_eq!(
        doc.map(|d| d.text.as_ref()),
        Some("Final words\n\nLeila Mansour signed in Geneva."),
        "problems: {problems:?}"
    );
    assert_eq!(documents.len(), OTHERS + 1);
}
