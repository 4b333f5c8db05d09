//! The views of one open corpus: the panels and the caches of rows they derive from its
//! model. They are made fresh when another folder opens and dropped when it closes, so no
//! row, marker, bar or cache key of the last folder can show in the next one.

use super::list_order::ListOrder;
use super::panels::documents::DocumentsPanel;
use super::panels::entities::EntitiesPanel;
use super::panels::map::MapPanel;
use super::panels::reader::ReaderPanel;
use super::panels::timeline::TimelinePanel;
use super::places::PlacesCache;
use super::timeline_data::TimelineCache;

#[derive(Default)]
pub struct CorpusViews {
    /// The document list's rows in the chosen order.
    pub order: ListOrder,
    pub documents: DocumentsPanel,
    pub entities: EntitiesPanel,
    pub reader: ReaderPanel,
    pub map: MapPanel,
    pub timeline: TimelinePanel,
    /// The timeline's dates of the filtered documents.
    pub timeline_data: TimelineCache,
    /// The map's markers and the places without coordinates.
    pub places: PlacesCache,
}

impl CorpusViews {
    /// Views for a corpus opened with the document filter text `filter`.
    pub fn new(filter: &str) -> Self {
        let mut views = Self::default();
        views.documents.sync_filter(filter);
        views
    }
}
