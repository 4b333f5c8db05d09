//! E-mail messages (.eml): headers as metadata, the plain-text body (or the HTML
//! body turned into text) and attachments that the app can read.

use mail_parser::{Address, Message, MessageParser, MimeHeaders, PartType};

use super::{Attachment, Extracted, FormatError, date, guarded};
use crate::corpus::html_to_text;

const KIND: &str = "e-mail (.eml)";

/// Attachment types handed back as child documents (by file extension).
const READABLE_ATTACHMENTS: [&str; 9] = [
    "txt", "md", "html", "htm", "pdf", "docx", "odt", "eml", "rtf",
];

/// Reads an e-mail message saved as a .eml file.
pub fn read_eml(bytes: &[u8]) -> Result<Extracted, FormatError> {
    guarded(bytes, |bytes| {
        // Raw e-mail is 7- or 8-bit text; NUL bytes mean this is some binary file.
        let head = &bytes[..bytes.len().min(64 * 1024)];
        if head.contains(&0) {
            return Err(FormatError::NotThisFormat(KIND));
        }
        let message = MessageParser::default()
            .parse(bytes)
            .ok_or(FormatError::NotThisFormat(KIND))?;
        let has_mail_headers = message.from().is_some()
            || message.to().is_some()
            || message.subject().is_some()
            || message.date().is_some();
        if !has_mail_headers {
            return Err(FormatError::NotThisFormat(KIND));
        }
        let mut extracted = Extracted {
            text: body_text(&message),
            title: message.subject().map(str::to_owned),
            attachments: readable_attachments(&message),
            ..Extracted::default()
        };
        add_headers(&mut extracted, &message);
        Ok(extracted)
    })
}

fn add_headers(extracted: &mut Extracted, message: &Message<'_>) {
    if let Some(from) = message.from() {
        extracted.push_meta("From", addresses(from));
    }
    if let Some(to) = message.to() {
        extracted.push_meta("To", addresses(to));
    }
    if let Some(cc) = message.cc() {
        extracted.push_meta("Cc", addresses(cc));
    }
    if let Some(subject) = message.subject() {
        extracted.push_meta("Subject", subject);
    }
    if let Some(sent) = message.date() {
        extracted.push_meta("Date", sent.to_rfc3339());
        // The day as the sender wrote it, in the sender's own time zone.
        extracted.date = date::iso_from_ymd(sent.year.into(), sent.month.into(), sent.day.into());
    }
}

/// "Name <address>" for each recipient, comma-separated.
fn addresses(list: &Address<'_>) -> String {
    list.iter()
        .map(|addr| match (addr.name(), addr.address()) {
            (Some(name), Some(address)) => format!("{name} <{address}>"),
            (Some(name), None) => name.to_owned(),
            (None, Some(address)) => address.to_owned(),
            (None, None) => String::new(),
        })
        .filter(|entry| !entry.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The text bodies in order; an HTML body is turned into text.
fn body_text(message: &Message<'_>) -> String {
    let mut parts: Vec<String> = message.text_bodies().filter_map(part_text).collect();
    if parts.iter().all(|part| part.trim().is_empty()) {
        parts = message.html_bodies().filter_map(part_text).collect();
    }
    parts.join("\n\n")
}

fn part_text(part: &mail_parser::MessagePart<'_>) -> Option<String> {
    match &part.body {
        PartType::Text(text) => Some(text.replace("\r\n", "\n")),
        PartType::Html(markup) => Some(html_to_text(markup).text),
        _ => None,
    }
}

/// Attachments whose file name has an extension the app reads.
fn readable_attachments(message: &Message<'_>) -> Vec<Attachment> {
    message
        .attachments()
        .filter_map(|part| {
            let file_name = safe_file_name(part.attachment_name()?)?;
            let ext = file_name.rsplit_once('.')?.1.to_ascii_lowercase();
            READABLE_ATTACHMENTS
                .contains(&ext.as_str())
                .then(|| Attachment {
                    file_name,
                    bytes: part.contents().to_vec(),
                })
        })
        .collect()
}

/// The last path component of an attachment name, so "../../x.txt" stays "x.txt".
fn safe_file_name(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next()?.trim();
    (!base.is_empty() && base != "." && base != "..").then(|| base.to_owned())
}
