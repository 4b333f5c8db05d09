//! The bundled DejaVu fonts (Bitstream Vera licence, DejaVu changes in the public domain;
//! see assets/fonts/LICENSE-DejaVu.txt). DejaVu Sans backs up egui's default fonts for the
//! symbols and scripts they lack; DejaVu Serif is the reading pane's face.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

const SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const SERIF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSerif.ttf");
pub const FONT_LICENCE: &str = include_str!("../../assets/fonts/LICENSE-DejaVu.txt");

/// The family the reading pane sets document text in.
pub fn reading_family() -> FontFamily {
    FontFamily::Name("reading".into())
}

/// egui's fonts plus DejaVu, installed once on the context.
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts
        .font_data
        .insert("dejavu-sans".into(), Arc::new(FontData::from_static(SANS)));
    fonts.font_data.insert(
        "dejavu-serif".into(),
        Arc::new(FontData::from_static(SERIF)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("dejavu-sans".into());
    }
    fonts.families.insert(
        reading_family(),
        vec!["dejavu-serif".into(), "dejavu-sans".into()],
    );
    ctx.set_fonts(fonts);
}
