//! OpenDocument text (.odt): the body from `content.xml`, the title, author and
//! dates from `meta.xml`.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::xml::{field, leaf_texts, reference_text, xml_error};
use super::zip_part::ZipDocument;
use super::{Extracted, FormatError, date, guarded};

const KIND: &str = "OpenDocument text (.odt)";
const BODY_PART: &str = "content.xml";

/// Reads an OpenDocument text (.odt) document.
pub fn read_odt(bytes: &[u8]) -> Result<Extracted, FormatError> {
    guarded(bytes, |bytes| {
        let mut zip = ZipDocument::open(bytes, KIND)?;
        // An encrypted package still has a readable manifest that says so.
        if let Some(manifest) = zip.part("META-INF/manifest.xml")?
            && manifest.contains("encryption-data")
        {
            return Err(FormatError::Encrypted);
        }
        let body = zip.required_part(BODY_PART)?;
        let (text, first_heading) = body_text(&body)?;
        let mut extracted = Extracted {
            text,
            ..Extracted::default()
        };
        if let Some(meta) = zip.part("meta.xml")? {
            add_meta(&mut extracted, &meta)?;
        }
        extracted.title = extracted.title.or(first_heading);
        Ok(extracted)
    })
}

/// Paragraph text of the body, and the text of its first heading if any.
fn body_text(xml: &str) -> Result<(String, Option<String>), FormatError> {
    let mut reader = Reader::from_str(xml);
    let mut text = String::new();
    // Paragraphs nest (a text box inside a paragraph), so keep a stack.
    let mut open: Vec<(String, bool)> = Vec::new();
    let mut first_heading = None;
    // Notes and comments would splice their text into the middle of a sentence.
    let mut skip_depth = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|err| xml_error(BODY_PART, err))?;
        if skip_depth > 0 {
            match event {
                Event::Start(_) => skip_depth += 1,
                Event::End(_) => skip_depth -= 1,
                Event::Eof => break,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(start) => match start.local_name().as_ref() {
                "p" => open.push((String::new(), false)),
                "h" => open.push((String::new(), true)),
                "note" | "annotation" => skip_depth = 1,
                _ => {}
            },
            Event::Empty(empty) => {
                if let Some((current, _)) = open.last_mut() {
                    push_inline_mark(current, &empty);
                } else if matches!(empty.local_name().as_ref(), "p" | "h") {
                    text.push_str("\n\n");
                }
            }
            Event::Text(chunk) => {
                if let Some((current, _)) = open.last_mut() {
                    current.push_str(&chunk.xml10_content());
                }
            }
            Event::GeneralRef(reference) => {
                if let (Some((current, _)), Some(resolved)) =
                    (open.last_mut(), reference_text(&reference))
                {
                    current.push_str(&resolved);
                }
            }
            Event::End(end) if matches!(end.local_name().as_ref(), "p" | "h") => {
                if let Some((paragraph, is_heading)) = open.pop() {
                    if is_heading && first_heading.is_none() && !paragraph.trim().is_empty() {
                        first_heading = Some(paragraph.trim().to_owned());
                    }
                    text.push_str(&paragraph);
                    text.push_str("\n\n");
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok((text, first_heading))
}

/// Spaces, tabs and line breaks that ODF writes as empty elements.
fn push_inline_mark(paragraph: &mut String, mark: &BytesStart<'_>) {
    match mark.local_name().as_ref() {
        "s" => {
            let count = mark
                .attributes()
                .flatten()
                .find(|attr| attr.key.local_name().as_ref() == "c")
                .and_then(|attr| attr.value.parse::<usize>().ok())
                .unwrap_or(1);
            // A hostile count must not allocate gigabytes of spaces.
            paragraph.extend(std::iter::repeat_n(' ', count.min(64)));
        }
        "tab" => paragraph.push('\t'),
        "line-break" => paragraph.push('\n'),
        _ => {}
    }
}

/// Title, author, subject and dates from `meta.xml`.
fn add_meta(extracted: &mut Extracted, xml: &str) -> Result<(), FormatError> {
    let fields = leaf_texts(xml, "meta.xml")?;
    extracted.title = field(&fields, "title").map(str::to_owned);
    let author = field(&fields, "initial-creator").or_else(|| field(&fields, "creator"));
    if let Some(author) = author {
        extracted.push_meta("Author", author);
    }
    for (name, label) in [
        ("subject", "Subject"),
        ("description", "Description"),
        ("keyword", "Keywords"),
    ] {
        if let Some(value) = field(&fields, name) {
            extracted.push_meta(label, value);
        }
    }
    let created = field(&fields, "creation-date").and_then(date::iso_from_timestamp);
    let modified = field(&fields, "date").and_then(date::iso_from_timestamp);
    if let Some(created) = &created {
        extracted.push_meta("Created", created.as_str());
    }
    if let Some(modified) = &modified {
        extracted.push_meta("Modified", modified.as_str());
    }
    extracted.date = created.or(modified);
    Ok(())
}
