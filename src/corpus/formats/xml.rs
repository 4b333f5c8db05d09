//! XML helpers shared by the DOCX and ODT readers.

use quick_xml::Reader;
use quick_xml::events::{BytesRef, Event};

use super::FormatError;

/// The text an entity or character reference stands for (`&amp;`, `&#233;`).
pub fn reference_text(reference: &BytesRef<'_>) -> Option<String> {
    if let Ok(Some(ch)) = reference.resolve_char_ref() {
        return Some(ch.to_string());
    }
    let text = match &**reference {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => return None,
    };
    Some(text.to_owned())
}

/// A broken XML part, described for the reporter.
pub fn xml_error(part: &str, err: impl std::fmt::Display) -> FormatError {
    FormatError::damaged(format!("{part} is not valid XML: {err}"))
}

/// Every leaf element's local name and text, in document order: enough for the
/// flat metadata parts (`docProps/core.xml`, `meta.xml`).
pub fn leaf_texts(xml: &str, part: &str) -> Result<Vec<(String, String)>, FormatError> {
    let mut reader = Reader::from_str(xml);
    let mut fields = Vec::new();
    let mut current: Option<(String, String)> = None;
    loop {
        match reader.read_event().map_err(|err| xml_error(part, err))? {
            Event::Start(start) => {
                let name = start.local_name().as_ref().to_owned();
                current = Some((name, String::new()));
            }
            Event::Text(text) => {
                if let Some((_, value)) = current.as_mut() {
                    value.push_str(&text.xml10_content());
                }
            }
            Event::GeneralRef(reference) => {
                if let (Some((_, value)), Some(text)) =
                    (current.as_mut(), reference_text(&reference))
                {
                    value.push_str(&text);
                }
            }
            Event::End(_) => {
                if let Some(field) = current.take() {
                    fields.push(field);
                }
            }
            Event::Eof => return Ok(fields),
            _ => {}
        }
    }
}

/// The value of the first field called `name` that has text.
pub fn field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(key, value)| key == name && !value.trim().is_empty())
        .map(|(_, value)| value.trim())
}
