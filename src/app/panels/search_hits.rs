//! The document-list search, seen from the reading pane: where the active query
//! matches in the shown document, highlighted, with Previous/Next.

use std::ops::Range;

use crate::app::format::thousands;
use crate::app::search_state::ActiveSearch;
use crate::search::find_hits;

#[derive(Default)]
pub struct SearchHits {
    /// The document and search revision `ranges` belong to.
    computed_for: Option<(usize, u64)>,
    pub ranges: Vec<Range<usize>>,
    pub current: usize,
}

impl SearchHits {
    /// Finds the hits again when the document or the search changed; returns the
    /// first hit's offset then, so the pane can bring it into view.
    pub fn refresh(
        &mut self,
        doc: usize,
        revision: u64,
        text: &str,
        active: &ActiveSearch,
    ) -> Option<usize> {
        let key = (doc, revision);
        if self.computed_for == Some(key) {
            return None;
        }
        self.computed_for = Some(key);
        self.ranges = find_hits(&active.query, text)
            .into_iter()
            .map(|hit| hit.start..hit.end)
            .collect();
        self.current = 0;
        self.ranges.first().map(|r| r.start)
    }

    pub fn clear(&mut self) {
        self.computed_for = None;
        self.ranges.clear();
        self.current = 0;
    }

    /// A bar above the text: "Search "x": hit 2 of 7 here" with Previous/Next.
    /// Returns the offset to scroll to when the user stepped.
    pub fn bar(&mut self, ui: &mut egui::Ui, query: &str) -> Option<usize> {
        let mut go = None;
        egui::Panel::top("search_hits_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                let n = self.ranges.len();
                if n == 0 {
                    ui.label(format!(
                        "Search \u{201c}{query}\u{201d}: matched by title or path, not in the text"
                    ));
                    return;
                }
                ui.label(format!(
                    "Search \u{201c}{query}\u{201d}: hit {} of {} here",
                    self.current + 1,
                    thousands(n)
                ));
                if ui
                    .button("Previous")
                    .on_hover_text("Previous hit")
                    .clicked()
                {
                    self.current = (self.current + n - 1) % n;
                    go = Some(self.ranges[self.current].start);
                }
                if ui.button("Next").on_hover_text("Next hit").clicked() {
                    self.current = (self.current + 1) % n;
                    go = Some(self.ranges[self.current].start);
                }
            });
        });
        go
    }
}
