//! The format readers on the committed samples in `sample_corpus/formats/` and on
//! damaged, encrypted and hostile inputs made here.

use std::io::{Cursor, Write};
use std::path::PathBuf;

use corpus_explorer::corpus::formats::{
    Extracted, FormatError, read_by_extension, read_docx, read_pdf, read_rtf,
};

fn sample(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample_corpus/formats")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()))
}

fn read_sample(name: &str) -> Extracted {
    let ext = name.rsplit('.').next().unwrap_or_default();
    match read_by_extension(ext, &sample(name)) {
        Some(Ok(doc)) => doc,
        other => panic!("{name} did not read: {other:?}"),
    }
}

fn assert_contains(doc: &Extracted, snippets: &[&str]) {
    for snippet in snippets {
        assert!(
            doc.text.contains(snippet),
            "missing {snippet:?} in:\n{}",
            doc.text
        );
    }
}

fn assert_lacks(doc: &Extracted, snippets: &[&str]) {
    for snippet in snippets {
        assert!(
            !doc.text.contains(snippet),
            "unexpected {snippet:?} in:\n{}",
            doc.text
        );
    }
}

// ------------------------------------------------------------------ DOCX

#[test]
fn docx_memo_reads_paragraphs_tabs_and_core_properties() {
    let doc = read_sample("apapa-follow-up-memo-2016.docx");
    assert_eq!(
        doc.title.as_deref(),
        Some("Meridian containers at Apapa: follow-up memo")
    );
    assert_eq!(doc.meta("Author"), Some("Chidi Okafor"));
    assert_eq!(
        doc.meta("Subject"),
        Some("Meridian Freight Ltd consignments")
    );
    assert_eq!(doc.meta("Created"), Some("2016-07-04"));
    assert_eq!(doc.date.as_deref(), Some("2016-07-04"));
    assert_contains(
        &doc,
        &[
            "MEMORANDUM\n\nTo:\tComptroller, Apapa Area Command\nFrom:\tChidi Okafor",
            "26,400 kg against a declared 14,800 kg",
            "Daniel Achterberg reported from\u{20}Rotterdam",
            "She is my sister",
        ],
    );
    let paragraphs = doc.text.split("\n\n").count();
    assert_eq!(paragraphs, 8, "one block per w:p:\n{}", doc.text);
}

#[test]
fn docx_without_title_property_takes_the_first_heading() {
    let doc = read_sample("harbour-light-board-minutes-2015.docx");
    assert_eq!(
        doc.title.as_deref(),
        Some("Harbour Light Relief — minutes of the board meeting, 9 November 2015")
    );
    assert_eq!(doc.meta("Author"), Some("Grace Mensah"));
    assert_eq!(doc.date.as_deref(), Some("2015-11-10"));
    assert_contains(
        &doc,
        &[
            "commission of 9% was \"the price",
            "Present:\tSamuel Adeyemi",
        ],
    );
}

// ------------------------------------------------------------------ ODT

#[test]
fn odt_report_keeps_headings_spaces_and_leaves_out_footnotes() {
    let doc = read_sample("coa-deposit-report-2021.odt");
    assert_eq!(doc.title.as_deref(), Some("The Okafor deposit"));
    assert_eq!(doc.meta("Author"), Some("Leila Mansour"));
    assert_eq!(doc.meta("Created"), Some("2021-05-12"));
    assert_eq!(doc.meta("Modified"), Some("2021-05-14"));
    assert_eq!(doc.date.as_deref(), Some("2021-05-12"));
    assert_contains(
        &doc,
        &[
            "The Okafor deposit: a report to the COA board\n\nPrepared by Leila Mansour",
            "Reference:\tCOA/2021/017",
            "with her brother, Chidi Okafor.\n\nThe deposit is closed",
            "\"Rahimi, Muhammad\"",
        ],
    );
    assert_lacks(&doc, &["reused tape"]);
}

#[test]
fn odt_briefing_keeps_line_breaks_inside_a_paragraph() {
    let doc = read_sample("whitfield-hearing-briefing-2018.odt");
    assert_eq!(
        doc.title.as_deref(),
        Some("Briefing for Senator Whitfield — Meridian hearing")
    );
    assert_eq!(doc.date.as_deref(), Some("2018-02-27"));
    assert_contains(
        &doc,
        &[
            "Suggested questions:\n1. Who chose Meridian, and when?\n2. Why",
            "Pemberton & Castle",
        ],
    );
}

// ------------------------------------------------------------------ PDF

#[test]
fn pdf_letter_reads_the_text_layer_and_info() {
    let doc = read_sample("moreau-second-letter-2020.pdf");
    assert_eq!(
        doc.title.as_deref(),
        Some("Letter to The Lagos Courier, 14 April 2020")
    );
    assert_eq!(doc.meta("Author"), Some("Jean-Luc Moreau"));
    assert_eq!(doc.date.as_deref(), Some("2020-04-14"));
    assert_contains(
        &doc,
        &[
            "CABINET MOREAU & ASSOCIÉS\n\nAvocats à la Cour\n14, rue de Miromesnil",
            "Mr Muhammad Rahimi, as the man",
            "Yours faithfully,\nJean-Luc Moreau",
        ],
    );
}

#[test]
fn pdf_pages_follow_each_other() {
    let doc = read_sample("rotterdam-seal-log-2015.pdf");
    assert_eq!(doc.date.as_deref(), Some("2015-09-14"));
    let seal = doc
        .text
        .find("Seal on doors reads 0071836")
        .expect("page 1 text");
    let release = doc
        .text
        .find("Container released 07:35")
        .expect("page 2 text");
    assert!(seal < release);
}

#[test]
fn scanned_pdf_without_text_is_reported_as_such() {
    let err = read_pdf(&sample("scanned-customs-declaration.pdf")).expect_err("image only");
    assert_eq!(err, FormatError::NoTextLayer);
    assert_eq!(
        err.to_string(),
        "the PDF has no text layer — OCR is not supported yet"
    );
}

#[test]
fn empty_page_pdf_has_no_text_layer() {
    let mut document = lopdf::Document::load_mem(&sample("scanned-customs-declaration.pdf"))
        .expect("sample loads");
    for (_, page_id) in document.get_pages() {
        let page = document
            .get_object_mut(page_id)
            .and_then(lopdf::Object::as_dict_mut)
            .expect("page");
        page.remove(b"Contents");
    }
    let mut bytes = Vec::new();
    document.save_to(&mut bytes).expect("save");
    assert_eq!(read_pdf(&bytes), Err(FormatError::NoTextLayer));
}

#[test]
fn password_protected_pdf_is_refused_with_that_reason() {
    let mut document =
        lopdf::Document::load_mem(&sample("moreau-second-letter-2020.pdf")).expect("sample loads");
    let id = lopdf::Object::string_literal("0123456789abcdef");
    document
        .trailer
        .set("ID", lopdf::Object::Array(vec![id.clone(), id]));
    let state = lopdf::EncryptionState::try_from(lopdf::EncryptionVersion::V2 {
        document: &document,
        owner_password: "owner secret",
        user_password: "reader secret",
        key_length: 128,
        permissions: lopdf::Permissions::all(),
    })
    .expect("encryption set-up");
    document.encrypt(&state).expect("encrypt");
    let mut bytes = Vec::new();
    document.save_to(&mut bytes).expect("save");
    let err = read_pdf(&bytes).expect_err("needs a password");
    assert_eq!(err, FormatError::PasswordProtected);
    assert_eq!(err.to_string(), "the PDF is password-protected");
}

#[test]
fn truncated_pdf_is_an_error_not_a_panic() {
    let bytes = sample("rotterdam-seal-log-2015.pdf");
    for cut in [9, 40, bytes.len() / 3, bytes.len() / 2] {
        if let Ok(doc) = read_pdf(&bytes[..cut]) {
            // Repair may recover the first objects; it must not invent text.
            assert!(
                bytes.len() > cut && !doc.text.contains("Container released"),
                "cut {cut}"
            );
        }
    }
}

// ------------------------------------------------------------------ EML

#[test]
fn eml_with_attachments_keeps_only_readable_ones() {
    let doc = read_sample("amina-to-chidi-2016-10-18.eml");
    assert_eq!(doc.title.as_deref(), Some("Before we publish on Friday"));
    assert_eq!(
        doc.meta("From"),
        Some("Amina Okafor <amina.okafor@lagoscourier.example>")
    );
    assert_eq!(doc.meta("To"), Some("Chidi Okafor <c.okafor@mail.example>"));
    assert_eq!(doc.meta("Subject"), Some("Before we publish on Friday"));
    assert_eq!(doc.date.as_deref(), Some("2016-10-18"));
    assert_contains(
        &doc,
        &["Chidi,\n\nI know you cannot talk", "Mohammad Rahimi"],
    );
    assert_lacks(&doc, &["Questions for Meridian"]);
    assert_eq!(
        doc.attachments.len(),
        1,
        "the PNG is not a readable attachment"
    );
    let attachment = &doc.attachments[0];
    assert_eq!(attachment.file_name, "questions-for-meridian.txt");
    let text = String::from_utf8(attachment.bytes.clone()).expect("utf-8 attachment");
    assert!(text.starts_with("Questions for Meridian Freight Ltd and Gulfstar Brokerage"));
}

#[test]
fn html_only_eml_is_turned_into_text() {
    let doc = read_sample("coa-newsletter-2019-11.eml");
    assert_eq!(
        doc.title.as_deref(),
        Some("Reading room news — November 2019")
    );
    assert_eq!(doc.date.as_deref(), Some("2019-11-28"));
    assert_eq!(
        doc.meta("From"),
        Some("Coalition for Open Archives <reading-room@coa.example>")
    );
    assert_contains(
        &doc,
        &[
            "Reading room news – November 2019\n\nDear friends,",
            "named “Muhammad Rahimi”",
            "urgent requests & deposits.",
            "With our thanks,\nThe COA team",
        ],
    );
    assert_lacks(
        &doc,
        &["<p>", "font-family", "COA news", "unsubscribe", "&nbsp;"],
    );
    assert!(doc.attachments.is_empty());
}

// ------------------------------------------------------------------ RTF

#[test]
fn rtf_note_decodes_hex_bytes_unicode_and_info() {
    let doc = read_sample("moreau-phone-note-2020.rtf");
    assert_eq!(doc.title.as_deref(), Some("Call with Maître Moreau"));
    assert_eq!(doc.meta("Author"), Some("Amina Okafor"));
    assert_eq!(doc.meta("Subject"), Some("Phone note"));
    assert_eq!(doc.date.as_deref(), Some("2020-03-05"));
    assert_contains(
        &doc,
        &[
            "Call with Maître Moreau, 5 March 2020\n\nHe rang from Paris",
            "the café noise",
            "“never set foot in Limassol”",
            "“normal for difficult destinations” — the same",
            "To do:\tcheck the Gulfstar",
            "Dubai;\n\task Chidi",
        ],
    );
    assert_lacks(
        &doc,
        &["Times New Roman", "Hand-written", "todo", "Heading 1"],
    );
}

#[test]
fn rtf_e_acute_from_hex_and_unicode_agree() {
    let doc = read_rtf(br"{\rtf1\ansi\ansicpg1252 R\'e9sum\u233?}").expect("valid RTF");
    assert_eq!(&*doc.text, "Résumé");
}

#[test]
fn rtf_headers_are_left_out() {
    let doc = read_sample("whitfield-town-hall-notes-2018.rtf");
    assert_eq!(doc.title.as_deref(), Some("Town hall notes, Paris, Texas"));
    assert_eq!(doc.date.as_deref(), Some("2018-08-14"));
    assert!(
        doc.text.starts_with("Aug. 14, 2018 – Lamar County"),
        "{}",
        doc.text
    );
    assert_contains(&doc, &["Naïve point", "Can’t we just track"]);
    assert_lacks(&doc, &["internal"]);
}

// ------------------------------------------------------------------ damaged and hostile input

#[test]
fn truncated_docx_is_damaged() {
    let bytes = sample("apapa-follow-up-memo-2016.docx");
    let err = read_docx(&bytes[..bytes.len() / 2]).expect_err("half a zip");
    assert!(matches!(err, FormatError::Damaged(_)), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("the file is damaged or truncated"),
        "{err}"
    );
}

#[test]
fn docx_without_document_xml_is_damaged() {
    let mut bytes = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(Cursor::new(&mut bytes));
        zip.start_file(
            "docProps/core.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .expect("entry");
        zip.write_all(b"<cp:coreProperties/>").expect("write");
        zip.finish().expect("finish");
    }
    let err = read_docx(&bytes).expect_err("no body");
    assert_eq!(
        err,
        FormatError::Damaged("the part word/document.xml is missing".into())
    );
}

#[test]
fn password_protected_docx_is_encrypted() {
    // Office stores an encrypted .docx as an OLE compound file.
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(4096, 0);
    assert_eq!(read_docx(&bytes), Err(FormatError::Encrypted));
}

#[test]
fn zip_bomb_stops_at_the_unpacked_limit() {
    let mut bytes = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(Cursor::new(&mut bytes));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        zip.start_file("word/document.xml", options).expect("entry");
        let block = vec![b' '; 1024 * 1024];
        for _ in 0..210 {
            zip.write_all(&block).expect("write");
        }
        zip.finish().expect("finish");
    }
    assert!(
        bytes.len() < 2 * 1024 * 1024,
        "the bomb is small: {} bytes",
        bytes.len()
    );
    let err = read_docx(&bytes).expect_err("over the limit");
    assert!(matches!(err, FormatError::TooLarge { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "the file is too large to read (over 200 MB when unpacked)"
    );
}

#[test]
fn garbage_and_empty_input_give_plain_errors() {
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    for ext in ["pdf", "docx", "odt", "eml", "rtf"] {
        let result = read_by_extension(ext, &garbage).expect("supported extension");
        assert!(
            matches!(result, Err(FormatError::NotThisFormat(_))),
            "{ext}: {result:?}"
        );
        let empty = read_by_extension(ext, &[]).expect("supported extension");
        assert_eq!(empty, Err(FormatError::Empty), "{ext}");
    }
    assert!(read_by_extension("txt", b"plain").is_none());
}

/// Panics raised inside our own reader code, recorded by a panic hook. A panic in a
/// parsing crate is contained by the reader and turned into "damaged"; one in our
/// code is a bug even though it is contained too.
static OWN_PANICS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

#[test]
fn mangled_samples_never_panic() {
    std::panic::set_hook(Box::new(|info| {
        if let Some(location) = info
            .location()
            .filter(|loc| loc.file().contains("corpus/formats"))
            && let Ok(mut panics) = OWN_PANICS.lock()
        {
            panics.push(format!("{location}: {info}"));
        }
    }));
    let samples = [
        "apapa-follow-up-memo-2016.docx",
        "coa-deposit-report-2021.odt",
        "moreau-second-letter-2020.pdf",
        "rotterdam-seal-log-2015.pdf",
        "amina-to-chidi-2016-10-18.eml",
        "coa-newsletter-2019-11.eml",
        "moreau-phone-note-2020.rtf",
    ];
    for name in samples {
        let bytes = sample(name);
        let ext = name.rsplit('.').next().unwrap_or_default();
        let mut seed = 0x9E37_79B9_u32;
        for round in 0..300 {
            let mut mangled = bytes.clone();
            // Flip a few bytes and sometimes cut the tail: deterministic, no RNG crate.
            for _ in 0..1 + round % 4 {
                seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                let at = seed as usize % mangled.len();
                mangled[at] ^= (seed >> 24) as u8 | 1;
            }
            if round % 3 == 0 {
                mangled.truncate(seed as usize % bytes.len() + 1);
            }
            let result = std::panic::catch_unwind(|| read_by_extension(ext, &mangled));
            assert!(
                result.is_ok(),
                "{name} round {round} panicked through the reader"
            );
        }
    }
    let _ = std::panic::take_hook();
    let own = OWN_PANICS
        .lock()
        .map(|panics| panics.clone())
        .unwrap_or_default();
    assert!(own.is_empty(), "panics in reader code: {own:#?}");
}
