//! The central area: its tabs (Reading, Map, Concordance) and the glue between the map panel and the
//! model: which places it shows, and what its clicks and rectangles mean.

use super::command::Command;
use super::model::Model;
use super::panels::map::{MapAction, MapMarker};
use super::session::CorpusSession;
use crate::entities::{Correction, Filter};
use crate::extract::EntityKind;

/// The views of the central area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CentralTab {
    Reading,
    Map,
    Concordance,
}

#[derive(Default)]
pub struct PlacesCache {
    generation: Option<u64>,
    markers: Vec<MapMarker>,
    /// Places without coordinates: entity index, name, documents.
    unlocated: Vec<(u32, String, u32)>,
}

impl PlacesCache {
    /// The places of the documents the filters let through, recomputed when they change.
    fn refresh(&mut self, model: &Model) {
        if self.generation == Some(model.filter_generation) {
            return;
        }
        self.markers.clear();
        self.unlocated.clear();
        for (i, e) in model.entities.live_entities() {
            let docs = model
                .filtered
                .entity_docs
                .get(i as usize)
                .copied()
                .unwrap_or(0);
            if e.kind != EntityKind::Place || docs == 0 {
                continue;
            }
            match (e.lat, e.lon) {
                (Some(lat), Some(lon)) => self.markers.push(MapMarker {
                    id: i,
                    name: e.name.clone(),
                    country: e.country.clone().unwrap_or_default(),
                    lat,
                    lon,
                    docs,
                    mentions: model.filtered.entity_mentions[i as usize],
                }),
                _ => self.unlocated.push((i, e.name.clone(), docs)),
            }
        }
        self.unlocated
            .sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
        self.generation = Some(model.filter_generation);
    }
}

/// The central area's tabs.
pub fn tabs(ui: &mut egui::Ui, central: &mut CentralTab) {
    ui.horizontal(|ui| {
        ui.selectable_value(central, CentralTab::Reading, "Reading");
        ui.selectable_value(central, CentralTab::Map, "Map");
        ui.selectable_value(central, CentralTab::Concordance, "Concordance")
            .on_hover_text("Every hit of the search in its context, one per line");
    });
    ui.separator();
}

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
