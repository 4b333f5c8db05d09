//! What the reading pane says about a document above its text: its format, size and
//! date, and what the file says of itself (author, its own date, subject; e-mail
//! headers and other fields under "More about this file").

use egui::RichText;

use crate::app::format::{format_name, local_date, thousands};
use crate::corpus::Document;

pub fn show(ui: &mut egui::Ui, doc: &Document) {
    ui.label(RichText::new(file_line(doc)).weak());
    let meta = &doc.metadata;
    let mut own = Vec::new();
    if let Some(author) = &meta.author {
        own.push(format!("By {author}"));
    }
    if let Some(date) = &meta.date {
        own.push(format!("Dated {date}"));
    }
    if let Some(subject) = meta.subject.as_ref().filter(|s| **s != doc.title) {
        own.push(format!("Subject: {subject}"));
    }
    if !own.is_empty() {
        ui.add(egui::Label::new(own.join(" · ")).wrap());
    }
    if !meta.other.is_empty() {
        egui::CollapsingHeader::new(format!("More about this file ({})", meta.other.len()))
            .id_salt(("document_fields", &doc.rel_path))
            .show(ui, |ui| {
                egui::Grid::new(("document_fields_grid", &doc.rel_path))
                    .num_columns(2)
                    .spacing([12.0, 4.0])
                    .show(ui, |ui| {
                        for (label, value) in &meta.other {
                            ui.label(RichText::new(label).weak());
                            ui.add(egui::Label::new(value).wrap());
                            ui.end_row();
                        }
                    });
            });
    }
}

/// "Plain text · UTF-8 · 1,234 words · modified 2024-03-01".
fn file_line(doc: &Document) -> String {
    let mut parts = vec![
        format_name(doc.format).to_owned(),
        doc.encoding.clone(),
        format!("{} words", thousands(doc.words)),
    ];
    if doc.modified.is_some() {
        parts.push(format!("file modified {}", local_date(doc.modified)));
    }
    parts.join(" · ")
}
