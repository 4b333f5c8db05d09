//! The reading pane's find bar (Ctrl+F): matches in the document with next/previous, and
//! marking what was found as a person, organisation, place or date the engine missed.

use std::ops::Range;

use egui::Key;

use crate::app::find::find_matches;
use crate::app::format::thousands;
use crate::app::kinds;
use crate::extract::EntityKind;

/// The user asked to mark the matches as an entity of `kind`, here or in every document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkRequest {
    pub kind: EntityKind,
    pub everywhere: bool,
}

#[derive(Default)]
pub struct FindBar {
    pub open: bool,
    pub query: String,
    pub matches: Vec<Range<usize>>,
    pub current: usize,
    /// The document and query `matches` belong to.
    pub computed_for: Option<(usize, String)>,
    pub focus_field: bool,
    pub scroll_to_current: bool,
    mark_everywhere: bool,
}

impl FindBar {
    pub fn refresh(&mut self, index: usize, text: &str) {
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

    /// Draws the bar; returns a request to mark the matches, if the user made one.
    pub fn show(&mut self, ui: &mut egui::Ui) -> Option<MarkRequest> {
        let mut mark = None;
        // Wraps, so the buttons stay reachable when the reading pane is narrow.
        ui.horizontal_wrapped(|ui| {
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text("Find in document…")
                    .desired_width(220.0),
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
            if !self.matches.is_empty() {
                ui.menu_button("Mark as…", |ui| {
                    ui.checkbox(&mut self.mark_everywhere, "In every document");
                    ui.separator();
                    for kind in EntityKind::ALL {
                        if ui.button(format!("Mark as {}", kinds::singular(kind))).clicked() {
                            mark = Some(MarkRequest {
                                kind,
                                everywhere: self.mark_everywhere,
                            });
                            ui.close();
                        }
                    }
                })
                .response
                .on_hover_text("The engine missed it? Mark what you found as a person, organisation, place or date");
            }
        });
        mark
    }
}
