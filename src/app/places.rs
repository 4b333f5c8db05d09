//! What the map shows of the model: the places of the documents the filters let through,
//! with coordinates as markers and without them as a list; kept until the filters change.

use super::model::Model;
use super::panels::map::MapMarker;
use crate::extract::EntityKind;

#[derive(Default)]
pub struct PlacesCache {
    generation: Option<u64>,
    pub markers: Vec<MapMarker>,
    /// Places without coordinates: entity index, name, documents.
    pub unlocated: Vec<(u32, String, u32)>,
}

impl PlacesCache {
    /// The places of the documents the filters let through, recomputed when they change.
    pub fn refresh(&mut self, model: &Model) {
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
