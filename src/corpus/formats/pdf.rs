//! PDF documents: the text layer of every page (via `lopdf`) and the document
//! information dictionary (title, author, subject, creation date).

use lopdf::Document;

use super::{Extracted, FormatError, date, guarded, pdf_text};

const KIND: &str = "PDF";

/// Reads a PDF document's text layer and metadata.
pub fn read_pdf(bytes: &[u8]) -> Result<Extracted, FormatError> {
    guarded(bytes, |bytes| {
        // The header may follow some junk, but only a little (PDF 32000-1, annex H).
        let head = &bytes[..bytes.len().min(1024)];
        if !head.windows(5).any(|window| window == b"%PDF-") {
            return Err(FormatError::NotThisFormat(KIND));
        }
        let document = Document::load_mem(bytes).map_err(|err| load_error(bytes, err))?;
        let pages = document.get_pages();
        if pages.is_empty() {
            return Err(FormatError::damaged("the PDF has no pages"));
        }
        let text = pdf_text::document_text(&document, &pages)?;
        if text.trim().is_empty() {
            return Err(FormatError::NoTextLayer);
        }
        let mut extracted = Extracted {
            text,
            ..Extracted::default()
        };
        add_info(&mut extracted, &document);
        Ok(extracted)
    })
}

/// A load failure, told apart: a password we do not have, or damage.
fn load_error(bytes: &[u8], err: lopdf::Error) -> FormatError {
    let declares_encryption = bytes.windows(8).any(|window| window == b"/Encrypt");
    match err {
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => {
            FormatError::PasswordProtected
        }
        _ if declares_encryption => FormatError::PasswordProtected,
        other => FormatError::damaged(other),
    }
}

/// Title, author, subject, keywords and dates from the trailer's `/Info` dictionary.
fn add_info(extracted: &mut Extracted, document: &Document) {
    let Some(info) = document
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|info| document.dereference(info).ok())
        .and_then(|(_, info)| info.as_dict().ok())
    else {
        return;
    };
    let text = |key: &[u8]| -> Option<String> {
        let value = info.get(key).ok()?;
        let (_, value) = document.dereference(value).ok()?;
        lopdf::decode_text_string(value)
            .ok()
            .filter(|text| !text.trim().is_empty())
    };
    extracted.title = text(b"Title");
    for (key, label) in [
        (&b"Author"[..], "Author"),
        (b"Subject", "Subject"),
        (b"Keywords", "Keywords"),
    ] {
        if let Some(value) = text(key) {
            extracted.push_meta(label, value);
        }
    }
    let created = text(b"CreationDate").and_then(|raw| date::iso_from_pdf_date(&raw));
    let modified = text(b"ModDate").and_then(|raw| date::iso_from_pdf_date(&raw));
    if let Some(created) = &created {
        extracted.push_meta("Created", created.as_str());
    }
    if let Some(modified) = &modified {
        extracted.push_meta("Modified", modified.as_str());
    }
    extracted.date = created.or(modified);
}
