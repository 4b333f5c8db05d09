//! Ingest on generated folders: encodings, bad files, layout rules,
//! cancellation, and the promise that the corpus folder is never written.

use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use corpus_explorer::corpus::{
    CorpusError, Document, Format, IngestEvent, IngestOptions, IngestSummary, Problem, ProblemKind,
    ingest_folder,
};

#[path = "support/fingerprint.rs"]
mod fingerprint;
use fingerprint::fingerprint;

struct Outcome {
    docs: Vec<Document>,
    problems: Vec<Problem>,
    summary: IngestSummary,
    events: Vec<IngestEvent>,
}

impl Outcome {
    fn doc(&self, rel_path: &str) -> &Document {
        match self.docs.iter().find(|d| d.rel_path == rel_path) {
            Some(doc) => doc,
            None => panic!("no document {rel_path}; problems: {:?}", self.problems),
        }
    }

    fn problem(&self, rel_path: &str) -> &Problem {
        match self.problems.iter().find(|p| p.rel_path == rel_path) {
            Some(problem) => problem,
            None => panic!("no problem for {rel_path}"),
        }
    }

    fn paths(&self) -> Vec<&str> {
        self.docs.iter().map(|d| d.rel_path.as_str()).collect()
    }
}

fn ingest_with(
    root: &Path,
    options: &IngestOptions,
    mut on_event: impl FnMut(&IngestEvent),
) -> Outcome {
    let cancel = AtomicBool::new(false);
    let mut events = Vec::new();
    let summary = ingest_folder(root, options, &cancel, |event| {
        on_event(&event);
        events.push(event);
    });
    let summary = match summary {
        Ok(summary) => summary,
        Err(err) => panic!("ingest failed: {err}"),
    };
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    for event in &events {
        match event {
            IngestEvent::Document(doc) => docs.push((**doc).clone()),
            IngestEvent::Problem(problem) => problems.push(problem.clone()),
            _ => {}
        }
    }
    Outcome {
        docs,
        problems,
        summary,
        events,
    }
}

fn ingest(root: &Path) -> Outcome {
    ingest_with(root, &IngestOptions::default(), |_| {})
}

fn write(root: &Path, rel_path: &str, bytes: impl AsRef<[u8]>) {
    let path = root.join(rel_path);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap_or_else(|e| panic!("mkdir {parent:?}: {e}"));
    }
    fs::write(&path, bytes).unwrap_or_else(|e| panic!("write {path:?}: {e}"));
}

fn temp_corpus() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"))
}

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        let pair = if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        };
        bytes.extend_from_slice(&pair);
    }
    bytes
}

#[test]
fn encodings_are_detected_and_decoded() {
    let dir = temp_corpus();
    let root = dir.path();
    write(root, "utf8.txt", "Café in São Paulo — “quoted”");
    write(root, "utf8-bom.txt", b"\xEF\xBB\xBFBOM caf\xC3\xA9");
    write(root, "utf16le.txt", utf16("Ünïcode little end", true));
    write(root, "utf16be.txt", utf16("Ünïcode big end", false));
    write(
        root,
        "cp1252.txt",
        b"Le caf\xE9 \x93Chez Andr\xE9\x94 a ferm\xE9 ses portes apr\xE8s trente ann\xE9es de service.",
    );
    write(
        root,
        "latin1.txt",
        b"\xC7a co\xFBte tr\xE8s cher \xE0 S\xE3o Paulo, dit la directrice de l'\xE9cole fran\xE7aise.",
    );
    let out = ingest(root);
    let check = |path: &str, encoding: &str, text: &str| {
        let doc = out.doc(path);
        assert_eq!(doc.encoding, encoding, "{path}");
        assert_eq!(&*doc.text, text, "{path}");
    };
    check("utf8.txt", "UTF-8", "Café in São Paulo — “quoted”");
    check("utf8-bom.txt", "UTF-8", "BOM café");
    check("utf16le.txt", "UTF-16LE", "Ünïcode little end");
    check("utf16be.txt", "UTF-16BE", "Ünïcode big end");
    check(
        "cp1252.txt",
        "windows-1252",
        "Le café “Chez André” a fermé ses portes après trente années de service.",
    );
    check(
        "latin1.txt",
        "windows-1252",
        "Ça coûte très cher à São Paulo, dit la directrice de l'école française.",
    );
    assert!(out.problems.is_empty(), "{:?}", out.problems);
}

#[test]
fn bad_files_become_problems_with_plain_reasons() {
    let dir = temp_corpus();
    let root = dir.path();
    write(root, "good.txt", "A good file.");
    write(
        root,
        "binary.txt",
        [0x00u8, 0x01, 0x02, 0xFF, 0x10, 0x00, 0x7F, 0x03].repeat(64),
    );
    write(root, "photo.md", b"\x89PNG\r\n\x1a\n rest of the image");
    write(root, "empty.txt", b"");
    write(
        root,
        "blank.html",
        "<html><head><title></title></head><body>  </body></html>",
    );
    write(root, "big.txt", "word ".repeat(1000));
    let options = IngestOptions {
        max_file_bytes: 1024,
    };
    let out = ingest_with(root, &options, |_| {});
    assert_eq!(out.paths(), ["good.txt"]);
    let expect = |path: &str, kind: ProblemKind, reason: &str| {
        let problem = out.problem(path);
        assert_eq!(problem.kind, kind, "{path}");
        assert!(
            problem.reason.contains(reason),
            "{path}: {}",
            problem.reason
        );
    };
    expect(
        "binary.txt",
        ProblemKind::Binary,
        "looks like a binary file, not text",
    );
    expect(
        "photo.md",
        ProblemKind::Binary,
        "looks like a binary file, not text",
    );
    expect("empty.txt", ProblemKind::Empty, "the file is empty");
    expect("blank.html", ProblemKind::Empty, "no readable text");
    expect(
        "big.txt",
        ProblemKind::TooLarge,
        "larger than the 1 KB limit set in Preferences",
    );
    assert_eq!(out.problem("big.txt").bytes, Some(5000));
    assert_eq!(out.summary.documents, 1);
    assert_eq!(out.summary.problems, 5);
}

#[test]
fn size_limit_is_checked_before_reading() {
    let dir = temp_corpus();
    let root = dir.path();
    // A sparse 1 GB file: reading it would take seconds and a gigabyte.
    let file = fs::File::create(root.join("huge.txt")).unwrap_or_else(|e| panic!("{e}"));
    file.set_len(1 << 30).unwrap_or_else(|e| panic!("{e}"));
    let out = ingest(root);
    let problem = out.problem("huge.txt");
    assert_eq!(problem.kind, ProblemKind::TooLarge);
    assert_eq!(
        problem.reason,
        "the file is larger than the 50 MB limit set in Preferences (it is 1 GB)"
    );
}

#[test]
fn nested_folders_give_relative_slash_paths_in_order() {
    let dir = temp_corpus();
    let root = dir.path();
    write(root, "b/deep/er/note.txt", "deep note");
    write(root, "a.txt", "top");
    write(root, "b/c.md", "# C");
    write(root, "b/Z.htm", "<p>z</p>");
    let out = ingest(root);
    assert_eq!(
        out.paths(),
        ["a.txt", "b/Z.htm", "b/c.md", "b/deep/er/note.txt"]
    );
    let deep = out.doc("b/deep/er/note.txt");
    assert_eq!(deep.folder(), "b/deep/er");
    assert!(deep.modified.is_some());
    assert_eq!(out.doc("a.txt").folder(), "");
    // Same folder, same order: document ids are stable.
    assert_eq!(ingest(root).paths(), out.paths());
}

#[test]
fn html_becomes_readable_text() {
    let dir = temp_corpus();
    let root = dir.path();
    write(
        root,
        "page.html",
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Port &amp; Harbour Report</title>\
         <style>body { font: 12px }</style><script>document.write('hidden')</script>\
         <meta name=\"author\" content=\"Ana Lima\"></head><body><h1>Ignored for title</h1>\
         <p>Fish prices &ndash; up 5&#37; in Valpara&iacute;so &#x2014; &quot;again&quot;.</p>\
         <ul><li>first</li><li>second</li></ul></body></html>",
    );
    write(
        root,
        "untitled.htm",
        "<body><h1>The  Heading</h1><p>Body text.</p></body>",
    );
    let out = ingest(root);
    let page = out.doc("page.html");
    assert_eq!(page.format, Format::Html);
    assert_eq!(page.title, "Port & Harbour Report");
    assert_eq!(page.metadata.author.as_deref(), Some("Ana Lima"));
    assert_eq!(
        &*page.text,
        "Ignored for title\n\nFish prices – up 5% in Valparaíso — \"again\".\n\n• first\n• second"
    );
    assert_eq!(page.words, 12);
    assert_eq!(out.doc("untitled.htm").title, "The Heading");
}

#[test]
fn titles_come_from_headings_lines_or_names() {
    let dir = temp_corpus();
    let root = dir.path();
    write(
        root,
        "notes.md",
        "Some intro.\n\n## Meeting in Lagos\n\nText.",
    );
    write(
        root,
        "letter.txt",
        "\n\n   Dear editor,   \nI write about...",
    );
    write(root, "long.txt", "x".repeat(300));
    write(root, "plain.markdown", "no heading at all\nsecond line");
    let out = ingest(root);
    assert_eq!(out.doc("notes.md").title, "Meeting in Lagos");
    assert_eq!(
        &*out.doc("notes.md").text,
        "Some intro.\n\n## Meeting in Lagos\n\nText."
    );
    assert_eq!(out.doc("letter.txt").title, "Dear editor,");
    assert_eq!(out.doc("long.txt").title.chars().count(), 120);
    assert_eq!(out.doc("plain.markdown").title, "no heading at all");
}

#[test]
fn unsupported_and_hidden_files_are_left_alone() {
    let dir = temp_corpus();
    let root = dir.path();
    write(root, "kept.txt", "kept");
    write(root, "image.jpg", "\u{FF}");
    write(root, "drawing.svg", "<svg/>");
    write(root, "README", "no extension");
    write(root, ".git/notes.txt", "inside git");
    write(root, ".hidden.txt", "hidden file");
    write(root, "sub/._kept.txt", [0u8, 1, 2, 3]);
    let out = ingest(root);
    assert_eq!(out.paths(), ["kept.txt"]);
    assert!(out.problems.is_empty(), "{:?}", out.problems);
}

#[test]
fn office_formats_are_read_and_broken_ones_listed() {
    let dir = temp_corpus();
    let root = dir.path();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_corpus/formats");
    for name in [
        "moreau-phone-note-2020.rtf",
        "apapa-follow-up-memo-2016.docx",
    ] {
        std::fs::copy(samples.join(name), root.join(name)).expect("copy sample");
    }
    write(root, "broken.pdf", "%PDF-1.4 truncated");
    let out = ingest(root);
    assert_eq!(
        out.paths(),
        [
            "apapa-follow-up-memo-2016.docx",
            "moreau-phone-note-2020.rtf"
        ]
    );
    assert_eq!(
        out.doc("moreau-phone-note-2020.rtf").title,
        "Call with Maître Moreau"
    );
    assert_eq!(out.problems.len(), 1, "{:?}", out.problems);
    assert_eq!(out.problems[0].rel_path, "broken.pdf");
    assert_eq!(out.problems[0].kind, ProblemKind::Document);
}

#[test]
fn cancel_stops_early() {
    let dir = temp_corpus();
    let root = dir.path();
    for i in 0..200 {
        write(
            root,
            &format!("doc{i:03}.txt"),
            format!("document number {i}"),
        );
    }
    let cancel = AtomicBool::new(false);
    let mut documents = 0;
    let summary = ingest_folder(root, &IngestOptions::default(), &cancel, |event| {
        if let IngestEvent::Document(_) = event {
            documents += 1;
            cancel.store(true, Ordering::Relaxed);
        }
    });
    let summary = summary.unwrap_or_else(|e| panic!("{e}"));
    assert!(summary.cancelled);
    assert!(
        documents < 200,
        "read {documents} documents after cancelling"
    );
    assert_eq!(summary.documents, documents);

    let cancelled_before = AtomicBool::new(true);
    let summary = ingest_folder(root, &IngestOptions::default(), &cancelled_before, |_| {});
    let summary = summary.unwrap_or_else(|e| panic!("{e}"));
    assert!(summary.cancelled);
    assert_eq!(summary.documents, 0);
}

#[test]
fn progress_is_paced_and_ends_at_total() {
    let dir = temp_corpus();
    let root = dir.path();
    for i in 0..1000 {
        write(root, &format!("d{}/f{i}.txt", i % 7), format!("file {i}"));
    }
    let started = Instant::now();
    let out = ingest(root);
    let elapsed_ms = started.elapsed().as_millis() as usize;
    let progress: Vec<(usize, usize)> = out
        .events
        .iter()
        .filter_map(|e| match e {
            IngestEvent::Progress { done, total, .. } => Some((*done, *total)),
            _ => None,
        })
        .collect();
    assert!(matches!(
        out.events.first(),
        Some(IngestEvent::Started { total: 1000 })
    ));
    assert_eq!(progress.last(), Some(&(1000, 1000)));
    assert!(progress.windows(2).all(|w| w[0].0 < w[1].0));
    // One event per 1% of the files, plus at most one per 50 ms.
    let allowed = 100 + elapsed_ms / 50 + 2;
    assert!(
        progress.len() <= allowed,
        "{} progress events",
        progress.len()
    );
}

#[test]
fn a_file_that_vanishes_is_reported() {
    let dir = temp_corpus();
    let root = dir.path().to_path_buf();
    write(&root, "stays.txt", "stays");
    write(&root, "goes.txt", "goes");
    let out = ingest_with(&root, &IngestOptions::default(), |event| {
        if let IngestEvent::Started { .. } = event {
            let _ = fs::remove_file(root.join("goes.txt"));
        }
    });
    assert_eq!(out.paths(), ["stays.txt"]);
    assert_eq!(out.problem("goes.txt").kind, ProblemKind::Vanished);
}

#[test]
fn missing_root_or_file_root_is_an_error() {
    let dir = temp_corpus();
    let cancel = AtomicBool::new(false);
    let missing = ingest_folder(
        &dir.path().join("nope"),
        &IngestOptions::default(),
        &cancel,
        |_| {},
    );
    assert!(matches!(missing, Err(CorpusError::FolderMissing(_))));
    write(dir.path(), "file.txt", "x");
    let file = ingest_folder(
        &dir.path().join("file.txt"),
        &IngestOptions::default(),
        &cancel,
        |_| {},
    );
    assert!(matches!(file, Err(CorpusError::NotAFolder(_))));
}

#[test]
fn the_corpus_folder_is_never_written() {
    let dir = temp_corpus();
    let root = dir.path();
    write(root, "a.txt", "alpha");
    write(root, "sub/b.html", "<p>beta</p>");
    write(root, "sub/c.md", "# gamma");
    write(root, "sub/empty.txt", "");
    write(root, "bad.txt", [0u8; 64]);
    let before = fingerprint(root);
    let out = ingest(root);
    assert_eq!(out.docs.len(), 3);
    let report = corpus_explorer::export::export_folder(root, &IngestOptions::default());
    assert!(report.is_ok());
    assert_eq!(fingerprint(root), before);
}

#[cfg(unix)]
#[test]
fn symlink_loops_end_and_links_to_files_are_read() {
    use std::os::unix::fs::symlink;
    let dir = temp_corpus();
    let root = dir.path();
    write(root, "a/note.txt", "note");
    symlink(root, root.join("a/back-to-root")).unwrap_or_else(|e| panic!("{e}"));
    symlink(root.join("a"), root.join("a/self")).unwrap_or_else(|e| panic!("{e}"));
    symlink(root.join("a/note.txt"), root.join("alias.txt")).unwrap_or_else(|e| panic!("{e}"));
    symlink(root.join("missing.txt"), root.join("dangling.txt")).unwrap_or_else(|e| panic!("{e}"));
    let out = ingest(root);
    assert_eq!(out.paths(), ["a/note.txt", "alias.txt"]);
    assert_eq!(out.problem("dangling.txt").kind, ProblemKind::BrokenLink);
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_are_still_read() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = temp_corpus();
    let name = OsStr::from_bytes(b"caf\xE9.txt");
    if fs::write(dir.path().join(name), "menu").is_err() {
        eprintln!("this file system refuses non-UTF-8 names; nothing to test");
        return;
    }
    let out = ingest(dir.path());
    assert_eq!(out.paths(), ["caf\u{FFFD}.txt"]);
    assert_eq!(&*out.docs[0].text, "menu");
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_folders_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_corpus();
    let root = dir.path();
    write(root, "locked.txt", "secret");
    write(root, "closed/inner.txt", "inner");
    fs::set_permissions(root.join("locked.txt"), fs::Permissions::from_mode(0o000))
        .unwrap_or_else(|e| panic!("{e}"));
    fs::set_permissions(root.join("closed"), fs::Permissions::from_mode(0o000))
        .unwrap_or_else(|e| panic!("{e}"));
    let readable_anyway = fs::read(root.join("locked.txt")).is_ok();
    let out = ingest(root);
    // Restore so the temp dir can be removed.
    let _ = fs::set_permissions(root.join("closed"), fs::Permissions::from_mode(0o755));
    if readable_anyway {
        eprintln!("running with permission to read everything (root); nothing to test");
        return;
    }
    let locked = out.problem("locked.txt");
    assert_eq!(locked.kind, ProblemKind::PermissionDenied);
    assert_eq!(
        locked.reason,
        "you do not have permission to read this file"
    );
    let closed = out.problem("closed");
    assert_eq!(closed.kind, ProblemKind::FolderUnreadable);
    assert_eq!(
        closed.reason,
        "could not open the folder: permission denied"
    );
}

#[test]
fn an_emails_readable_attachments_become_documents_after_it() {
    let dir = temp_corpus();
    let root = dir.path();
    let mail = "From: Amina Okafor <amina@example.org>\r\n\
To: Chidi Okafor <chidi@example.org>\r\n\
Subject: Notes from Lagos\r\n\
Date: Tue, 18 Oct 2016 09:30:00 +0100\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"b1\"\r\n\
\r\n\
--b1\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
\r\n\
The questions are attached.\r\n\
--b1\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
Content-Disposition: attachment; filename=\"questions.txt\"\r\n\
\r\n\
Questions for Meridian\r\n\r\nWho signed the Apapa release in 2016?\r\n\
--b1\r\n\
Content-Type: application/pdf\r\n\
Content-Disposition: attachment; filename=\"../broken.pdf\"\r\n\
\r\n\
%PDF-1.4 cut short\r\n\
--b1\r\n\
Content-Type: image/png\r\n\
Content-Disposition: attachment; filename=\"photo.png\"\r\n\
\r\n\
not read\r\n\
--b1--\r\n";
    write(root, "mail.eml", mail);
    write(root, "z.txt", "After the mail.");
    let out = ingest(root);
    assert_eq!(out.paths(), ["mail.eml", "mail.eml/questions.txt", "z.txt"]);
    let child = out.doc("mail.eml/questions.txt");
    assert_eq!(child.title, "Questions for Meridian");
    assert!(child.text.contains("Apapa release"));
    assert_eq!(child.modified, out.doc("mail.eml").modified);
    assert_eq!(
        child.metadata.date.as_deref(),
        Some("2016-10-18"),
        "dated by its mail"
    );
    // The broken attachment is listed under its mail, its name made safe; the photo
    // is not a format the app reads and is left alone.
    assert_eq!(out.problems.len(), 1, "{:?}", out.problems);
    assert_eq!(out.problems[0].rel_path, "mail.eml/broken.pdf");
    assert_eq!(out.summary.files, 2);
    assert_eq!(out.summary.documents, 3);
}

#[test]
fn a_very_deep_tree_and_a_very_long_line_are_read() {
    let dir = temp_corpus();
    let root = dir.path();
    let deep: Vec<String> = (0..300).map(|i| format!("d{i}")).collect();
    let deep_file = format!("{}/deep.txt", deep.join("/"));
    write(root, &deep_file, "Deep\n\nAt the bottom of the tree.");
    // 10 MB on one line, no line break anywhere.
    write(root, "long.txt", "word ".repeat(2_000_000));
    let out = ingest(root);
    assert!(out.problems.is_empty(), "{:?}", out.problems);
    assert_eq!(out.paths(), [deep_file.as_str(), "long.txt"]);
    let long = out.doc("long.txt");
    assert_eq!(long.words, 2_000_000);
    assert!(
        long.title.chars().count() <= 200,
        "a title, not the whole line"
    );
}
