//! The reading pane's find bar (Ctrl+F): matches in the document with next/previous, and
//! marking what was found as a person, organisation, place or date the engine missed.

use std::ops::Range;

use egui::Key;
use egui::containers::menu::{MenuButton, MenuConfig};

use crate::app::find::find_matches;
use crate::app::format::thousands;
use crate::app::panels::mark_menu::{MarkMenu, MarkRequest};
use crate::entities::EntityIndex;

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
    mark_menu: MarkMenu,
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

    /// Draws the bar; returns a request to mark matches, if the user made one. `entities`
    /// and `doc` say which matches are already part of an entity.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        entities: &EntityIndex,
        doc: usize,
    ) -> Option<MarkRequest> {
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
                let menu = &mut self.mark_menu;
                let (matches, current) = (&self.matches, self.current);
                // Choosing which matches is several clicks: only marking closes the menu.
                let config = MenuConfig::new()
                    .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
                MenuButton::new("Mark as…")
                    .config(config)
                    .ui(ui, |ui| {
                        mark = menu.show(ui, matches, current, entities, doc);
                        if mark.is_some() {
                            ui.close();
                        }
                    })
                    .0
                    .on_hover_text("The engine missed it? Mark what you found as a person, organisation, place or date");
            }
        });
        mark
    }
}
