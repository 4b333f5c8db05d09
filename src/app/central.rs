//! The central area's tabs: Reading, Map and Concordance.

/// The views of the central area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CentralTab {
    Reading,
    Map,
    Concordance,
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
