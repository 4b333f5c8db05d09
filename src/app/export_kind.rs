//! What File → Export can write: its name in the menu, its file type and extension.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    EntitiesJson,
    EntitiesCsv,
    FilteredDocumentsCsv,
    PlacesGeoJson,
    TimelineCsv,
    ConcordanceCsv,
}

impl ExportKind {
    pub fn describe(self) -> &'static str {
        match self {
            ExportKind::EntitiesJson => "entities as JSON",
            ExportKind::EntitiesCsv => "entities as CSV",
            ExportKind::FilteredDocumentsCsv => "the filtered documents list",
            ExportKind::PlacesGeoJson => "places as GeoJSON",
            ExportKind::TimelineCsv => "the timeline as CSV",
            ExportKind::ConcordanceCsv => "the search concordance as CSV",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportKind::EntitiesJson => "json",
            ExportKind::PlacesGeoJson => "geojson",
            ExportKind::EntitiesCsv
            | ExportKind::FilteredDocumentsCsv
            | ExportKind::TimelineCsv
            | ExportKind::ConcordanceCsv => "csv",
        }
    }

    pub fn file_type(self) -> &'static str {
        match self {
            ExportKind::EntitiesJson => "JSON",
            ExportKind::PlacesGeoJson => "GeoJSON (maps)",
            ExportKind::EntitiesCsv
            | ExportKind::FilteredDocumentsCsv
            | ExportKind::TimelineCsv
            | ExportKind::ConcordanceCsv => "CSV (spreadsheet)",
        }
    }

    pub fn file_stem(self) -> &'static str {
        match self {
            ExportKind::EntitiesJson | ExportKind::EntitiesCsv => "entities",
            ExportKind::FilteredDocumentsCsv => "documents",
            ExportKind::PlacesGeoJson => "places",
            ExportKind::TimelineCsv => "timeline",
            ExportKind::ConcordanceCsv => "concordance",
        }
    }
}
