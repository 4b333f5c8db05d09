//! The glue between the map panel and the open corpus: which places it shows, and what
//! its clicks and rectangles mean.

use super::command::Command;
use super::panels::map::MapAction;
use super::session::CorpusSession;
use crate::entities::{Correction, Filter};

impl CorpusSession {
    pub(super) fn show_map(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        self.views.places.refresh(&self.model);
        let places = &self.views.places;
        if !places.unlocated.is_empty() {
            let title = format!("Places without coordinates ({})", places.unlocated.len());
            egui::CollapsingHeader::new(title)
                .id_salt("unlocated_places")
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("unlocated_scroll")
                        .max_height(140.0)
                        .show(ui, |ui| {
                            ui.horizontal_wrapped(|ui| {
                                for (i, name, docs) in &places.unlocated {
                                    if ui
                                        .link(format!("{name} ({docs})"))
                                        .on_hover_text(
                                            "Select it; then set its location on the map",
                                        )
                                        .clicked()
                                    {
                                        out.push(Command::SelectEntity(Some(*i)));
                                    }
                                }
                            });
                        });
                });
        }
        let action = self.views.map.show(
            ui,
            &places.markers,
            self.model.filter_generation,
            self.model.selected_entity,
        );
        match action {
            Some(MapAction::Select(i)) => {
                out.push(Command::SelectEntity(Some(i)));
                if let Some(e) = self.model.entities.entity(i) {
                    out.push(Command::FilterByEntity {
                        id: e.id.clone(),
                        add: false,
                    });
                }
            }
            Some(MapAction::FilterRect { ids, label }) => {
                let ids = ids
                    .into_iter()
                    .filter_map(|i| self.model.entities.entity(i).map(|e| e.id.clone()))
                    .collect();
                out.push(Command::AddFilter(Filter::Places { label, ids }));
            }
            Some(MapAction::PickedLocation { lat, lon }) => {
                if let Some(id) = self.model.selected_entity_id() {
                    out.push(Command::Correct(Correction::SetLocation { id, lat, lon }));
                }
            }
            None => {}
        }
    }
}
