//! Word documents (.docx): the body from `word/document.xml`, the title, author and
//! dates from `docProps/core.xml`.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::xml::{field, leaf_texts, reference_text, xml_error};
use super::zip_part::ZipDocument;
use super::{Extracted, FormatError, date, guarded};

const KIND: &str = "Word (.docx)";
const BODY_PART: &str = "word/document.xml";

/// Reads a Word (.docx) document.
pub fn read_docx(bytes: &[u8]) -> Result<Extracted, FormatError> {
    guarded(bytes, |bytes| {
        let mut zip = ZipDocument::open(bytes, KIND)?;
        let body = zip.required_part(BODY_PART)?;
        let (text, first_heading) = body_text(&body)?;
        let mut extracted = Extracted {
            text,
            ..Extracted::default()
        };
        if let Some(core) = zip.part("docProps/core.xml")? {
            add_core_properties(&mut extracted, &core)?;
        }
        extracted.title = extracted.title.or(first_heading);
        Ok(extracted)
    })
}

/// Paragraph text of the body, and the text of its first heading if any.
fn body_text(xml: &str) -> Result<(String, Option<String>), FormatError> {
    let mut reader = Reader::from_str(xml);
    let mut text = String::new();
    let mut paragraph = Paragraph::default();
    let mut first_heading = None;
    // Tabs and breaks count only inside a run: `w:tab` also defines tab stops.
    let mut run_depth = 0usize;
    let mut in_text = false;
    loop {
        match reader
            .read_event()
            .map_err(|err| xml_error(BODY_PART, err))?
        {
            Event::Start(start) => match start.local_name().as_ref() {
                "p" => paragraph = Paragraph::default(),
                "r" => run_depth += 1,
                "t" => in_text = run_depth > 0,
                _ => {}
            },
            Event::Empty(empty) => match empty.local_name().as_ref() {
                "tab" if run_depth > 0 => paragraph.text.push('\t'),
                "br" | "cr" if run_depth > 0 => paragraph.text.push('\n'),
                "pStyle" => paragraph.is_heading = is_heading_style(&empty),
                "p" => text.push_str("\n\n"),
                _ => {}
            },
            Event::Text(chunk) if in_text => paragraph.text.push_str(&chunk.xml10_content()),
            Event::GeneralRef(reference) if in_text => {
                if let Some(resolved) = reference_text(&reference) {
                    paragraph.text.push_str(&resolved);
                }
            }
            Event::End(end) => match end.local_name().as_ref() {
                "p" => {
                    if paragraph.is_heading && first_heading.is_none() {
                        first_heading = Some(paragraph.text.trim().to_owned());
                    }
                    text.push_str(&paragraph.text);
                    text.push_str("\n\n");
                    paragraph = Paragraph::default();
                }
                "r" => run_depth = run_depth.saturating_sub(1),
                "t" => in_text = false,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok((text, first_heading.filter(|heading| !heading.is_empty())))
}

#[derive(Default)]
struct Paragraph {
    text: String,
    is_heading: bool,
}

/// Word's built-in "Title" and "Heading N" styles (style ids have no spaces).
fn is_heading_style(style: &BytesStart<'_>) -> bool {
    style.attributes().flatten().any(|attr| {
        attr.key.local_name().as_ref() == "val"
            && (attr.value.starts_with("Heading") || attr.value.as_ref() == "Title")
    })
}

/// Title, author, subject and dates from `docProps/core.xml`.
fn add_core_properties(extracted: &mut Extracted, xml: &str) -> Result<(), FormatError> {
    let fields = leaf_texts(xml, "docProps/core.xml")?;
    extracted.title = field(&fields, "title").map(str::to_owned);
    for (name, label) in [
        ("creator", "Author"),
        ("subject", "Subject"),
        ("description", "Description"),
        ("keywords", "Keywords"),
    ] {
        if let Some(value) = field(&fields, name) {
            extracted.push_meta(label, value);
        }
    }
    let created = field(&fields, "created").and_then(date::iso_from_timestamp);
    let modified = field(&fields, "modified").and_then(date::iso_from_timestamp);
    if let Some(created) = &created {
        extracted.push_meta("Created", created.as_str());
    }
    if let Some(modified) = &modified {
        extracted.push_meta("Modified", modified.as_str());
    }
    extracted.date = created.or(modified);
    Ok(())
}
