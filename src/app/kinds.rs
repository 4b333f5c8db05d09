//! How each kind of entity looks: its name for people, and a highlight colour that reads in
//! light and dark themes. The colours come from the Okabe–Ito palette, chosen to stay
//! distinct for the common forms of colour blindness; the kind is also named on hover.

use egui::Color32;

use crate::extract::EntityKind;

pub fn plural(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Organization => "Organisations",
        EntityKind::Place => "Places",
        EntityKind::Date => "Dates",
    }
}

pub fn singular(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organisation",
        EntityKind::Place => "place",
        EntityKind::Date => "date",
    }
}

/// The strong colour of a kind: swatches, and the underline of the selected entity.
pub fn strong(kind: EntityKind) -> Color32 {
    match kind {
        EntityKind::Person => Color32::from_rgb(0, 114, 178),
        EntityKind::Organization => Color32::from_rgb(230, 159, 0),
        EntityKind::Place => Color32::from_rgb(0, 158, 115),
        EntityKind::Date => Color32::from_rgb(204, 121, 167),
    }
}

/// The background of a highlighted mention: a tint light enough (or dark enough) to keep
/// the text readable.
pub fn tint(kind: EntityKind, dark_mode: bool) -> Color32 {
    let base = strong(kind);
    let backdrop = if dark_mode {
        Color32::from_gray(27)
    } else {
        Color32::WHITE
    };
    let amount = if dark_mode { 0.45 } else { 0.28 };
    mix(backdrop, base, amount)
}

fn mix(a: Color32, b: Color32, t: f32) -> Color32 {
    let channel = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
    Color32::from_rgb(
        channel(a.r(), b.r()),
        channel(a.g(), b.g()),
        channel(a.b(), b.b()),
    )
}

/// A small square of the kind's colour, followed by its label: the legend and list keys.
pub fn swatch(ui: &mut egui::Ui, kind: EntityKind) {
    let size = egui::vec2(10.0, 10.0);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    ui.painter()
        .rect_filled(rect, 2.0, tint(kind, ui.visuals().dark_mode));
    ui.painter().rect_stroke(
        rect,
        2.0,
        egui::Stroke::new(1.0, strong(kind)),
        egui::StrokeKind::Inside,
    );
}
