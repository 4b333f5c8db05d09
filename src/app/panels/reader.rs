//! The reading pane (centre): the selected document at a comfortable width and size, with
//! Ctrl+F to find words inside it.

use std::ops::Range;

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Align, Color32, FontId, Key, RichText};

use crate::app::find::find_matches;
use crate::app::fonts::reading_family;
use crate::app::format::{format_name, local_date, thousands};
use crate::app::model::Model;
use crate::app::panels::menu::FIND;
use crate::corpus::Document;

/// About 70 characters of body text per line: wide enough to read, narrow enough to follow.
const LINE_LENGTH_EMS: f32 = 36.0;

#[derive(Default)]
pub struct ReaderPanel {
    find: FindBar,
    /// The document shown last frame, to notice a new selection.
    shown: Option<usize>,
}

#[derive(Default)]
struct FindBar {
    open: bool,
    query: String,
    matches: Vec<Range<usize>>,
    current: usize,
    /// The document and query `matches` belong to.
    computed_for: Option<(usize, String)>,
    focus_field: bool,
    scroll_to_current: bool,
}

impl FindBar {
    fn refresh(&mut self, index: usize, text: &str) {
        let key = (index, self.query.clone());
        if self.computed_for.as_ref() != Some(&key) {
            self.matches = if self.open {
                find_matches(text, &self.query)
            } else {
                Vec::new()
            };
            self.current = 0;
            self.scroll_to_current = !self.matches.is_empty();
            self.computed_for = Some(key);
        }
    }

    fn step(&mut self, forward: bool) {
        let n = self.matches.len();
        if n > 0 {
            self.current = if forward {
                (self.current + 1) % n
            } else {
                (self.current + n - 1) % n
            };
            self.scroll_to_current = true;
        }
    }

    fn close(&mut self) {
        self.open = false;
        self.computed_for = None;
        self.matches.clear();
    }

    fn show(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text("Find in document…")
                    .desired_width(260.0),
            );
            if std::mem::take(&mut self.focus_field) {
                field.request_focus();
            }
            let (enter, shift, escape) = ui.input(|i| {
                (
                    i.key_pressed(Key::Enter),
                    i.modifiers.shift,
                    i.key_pressed(Key::Escape),
                )
            });
            if field.lost_focus() && enter {
                self.step(!shift);
                field.request_focus();
            }
            let count = match self.matches.len() {
                0 if self.query.is_empty() => String::new(),
                0 => "No matches".to_owned(),
                n => format!("{} of {}", self.current + 1, thousands(n)),
            };
            ui.label(count);
            if ui
                .button("Previous")
                .on_hover_text("Previous match (Shift+Enter)")
                .clicked()
            {
                self.step(false);
            }
            if ui
                .button("Next")
                .on_hover_text("Next match (Enter)")
                .clicked()
            {
                self.step(true);
            }
            if ui
                .button("Close")
                .on_hover_text("Close the find bar (Esc)")
                .clicked()
                || (escape && field.has_focus())
            {
                self.close();
            }
        });
    }
}

impl ReaderPanel {
    pub fn show(&mut self, ui: &mut egui::Ui, model: &Model) {
        if ui.input_mut(|i| i.consume_shortcut(&FIND)) {
            self.find.open = true;
            self.find.focus_field = true;
            self.find.computed_for = None;
        }
        let Some(index) = model.selected.filter(|&i| i < model.documents.len()) else {
            self.shown = None;
            ui.centered_and_justified(|ui| {
                ui.label(
                    RichText::new("Select a document on the left to read it.")
                        .size(17.0)
                        .weak(),
                );
            });
            return;
        };
        let doc = &model.documents[index];
        let new_document = self.shown != Some(index);
        self.shown = Some(index);
        if self.find.open {
            egui::Panel::top("find_bar").show(ui, |ui| self.find.show(ui));
            self.find.refresh(index, &doc.text);
        }
        let font_size = model.workspace.view.font_size;
        let mut scroll = egui::ScrollArea::vertical().auto_shrink([false, false]);
        if new_document {
            scroll = scroll.vertical_scroll_offset(0.0);
        }
        scroll.show(ui, |ui| {
            let available = ui.available_width();
            let width = (font_size * LINE_LENGTH_EMS)
                .min(available - 24.0)
                .max(200.0);
            ui.horizontal(|ui| {
                ui.add_space(((available - width) / 2.0).max(0.0));
                ui.vertical(|ui| {
                    ui.set_width(width);
                    self.document(ui, doc, font_size, width);
                });
            });
        });
    }

    fn document(&mut self, ui: &mut egui::Ui, doc: &Document, font_size: f32, width: f32) {
        ui.add_space(16.0);
        ui.add(egui::Label::new(RichText::new(&doc.title).size(font_size * 1.6).strong()).wrap());
        ui.add_space(4.0);
        ui.label(RichText::new(&doc.rel_path).monospace().weak());
        ui.label(RichText::new(metadata_line(doc)).weak());
        ui.add_space(8.0);
        ui.separator();
        ui.add_space(8.0);
        let job = self.body_job(ui, &doc.text, font_size, width);
        let galley = ui.painter().layout_job(job);
        let response = ui.add(egui::Label::new(galley.clone()).selectable(true));
        if std::mem::take(&mut self.find.scroll_to_current)
            && let Some(range) = self.find.matches.get(self.find.current)
        {
            let chars = doc.text[..range.start].chars().count();
            let at = galley.pos_from_cursor(CCursor::new(chars));
            ui.scroll_to_rect(
                at.translate(response.rect.min.to_vec2()),
                Some(Align::Center),
            );
        }
        ui.add_space(32.0);
    }

    /// The body text with find matches highlighted (the current one more strongly).
    fn body_job(&self, ui: &egui::Ui, text: &str, font_size: f32, width: f32) -> LayoutJob {
        let visuals = ui.visuals();
        let plain = TextFormat {
            font_id: FontId::new(font_size, reading_family()),
            color: visuals.text_color(),
            line_height: Some(font_size * 1.5),
            ..Default::default()
        };
        let (hit, current) = if visuals.dark_mode {
            (
                Color32::from_rgb(90, 80, 20),
                Color32::from_rgb(170, 100, 0),
            )
        } else {
            (
                Color32::from_rgb(255, 240, 150),
                Color32::from_rgb(255, 170, 60),
            )
        };
        let mut job = LayoutJob::default();
        job.wrap.max_width = width;
        let mut at = 0;
        for (i, range) in self.find.matches.iter().enumerate() {
            job.append(&text[at..range.start], 0.0, plain.clone());
            let background = if i == self.find.current { current } else { hit };
            let format = TextFormat {
                background,
                ..plain.clone()
            };
            job.append(&text[range.clone()], 0.0, format);
            at = range.end;
        }
        job.append(&text[at..], 0.0, plain);
        job
    }
}

/// "Plain text · UTF-8 · 1,234 words · modified 2024-03-01".
fn metadata_line(doc: &Document) -> String {
    let mut parts = vec![
        format_name(doc.format).to_owned(),
        doc.encoding.clone(),
        format!("{} words", thousands(doc.words)),
    ];
    if doc.modified.is_some() {
        parts.push(format!("modified {}", local_date(doc.modified)));
    }
    parts.join(" · ")
}
