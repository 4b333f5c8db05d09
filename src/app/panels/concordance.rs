//! The concordance tab: every hit of the active search on its own line, the words
//! before it right-aligned against the keyword and the words after it, sortable
//! by either side (as AntConc does). A click opens the document at the hit.

use egui::{Align, Layout, RichText};
use egui_extras::{Column, TableBuilder};

use crate::app::command::Command;
use crate::app::export_kind::ExportKind;
use crate::app::format::count;
use crate::app::model::Model;
use crate::app::panels::menu::export_request;
use crate::search::{KwicLine, KwicOrder};

const ORDERS: [(KwicOrder, &str, &str); 3] = [
    (
        KwicOrder::Document,
        "Document",
        "Document by document, in reading order",
    ),
    (
        KwicOrder::Left,
        "Left context",
        "By the words just before the hit (nearest first)",
    ),
    (
        KwicOrder::Right,
        "Right context",
        "By the words just after the hit",
    ),
];

pub fn show(ui: &mut egui::Ui, model: &Model, out: &mut Vec<Command>) {
    let search = &model.search;
    let Some(active) = &search.active else {
        empty(
            ui,
            "Search above the document list (Ctrl+K) to see every hit in its context here.",
        );
        return;
    };
    let concordance = search
        .concordance
        .as_ref()
        .filter(|c| c.filter_generation == model.filter_generation);
    let Some(concordance) = concordance else {
        out.push(Command::BuildConcordance);
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Finding every hit…");
        });
        return;
    };
    ui.horizontal_wrapped(|ui| {
        let hits = count(concordance.lines.len(), "hit", "hits");
        let more = if concordance.truncated {
            " (the first ones)"
        } else {
            ""
        };
        ui.label(
            RichText::new(format!("{hits}{more} of \u{201c}{}\u{201d}", active.text)).strong(),
        );
        ui.separator();
        ui.label("Sort by:");
        for (order, name, help) in ORDERS {
            if ui
                .selectable_label(search.concordance_order == order, name)
                .on_hover_text(help)
                .clicked()
            {
                out.push(Command::SortConcordance(order));
            }
        }
        ui.separator();
        if ui
            .add_enabled(
                !concordance.lines.is_empty(),
                egui::Button::new("Export CSV…"),
            )
            .on_hover_text("Save these lines, in this order, for a spreadsheet")
            .clicked()
        {
            out.push(Command::ShowDialog(export_request(
                model,
                ExportKind::ConcordanceCsv,
            )));
        }
    });
    ui.separator();
    if concordance.lines.is_empty() {
        empty(
            ui,
            "The documents shown match by title or folder name only: no hit in their text.",
        );
        return;
    }
    table(ui, model, &concordance.lines, out);
}

fn empty(ui: &mut egui::Ui, text: &str) {
    ui.centered_and_justified(|ui| {
        ui.label(RichText::new(text).size(16.0).weak());
    });
}

fn table(ui: &mut egui::Ui, model: &Model, lines: &[KwicLine], out: &mut Vec<Command>) {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let width = ui.available_width();
    // The document column gives way first, so the contexts keep room on a narrow pane.
    let document = (width * 0.2).clamp(90.0, 220.0);
    let keyword = 90.0;
    let side = ((width - document - keyword) / 2.0).max(100.0);
    TableBuilder::new(ui)
        .id_salt("concordance")
        .striped(true)
        .sense(egui::Sense::click())
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(Column::exact(document).clip(true))
        .column(Column::exact(side).clip(true))
        .column(Column::auto().at_least(40.0))
        .column(Column::remainder().at_least(100.0).clip(true))
        .min_scrolled_height(0.0)
        .auto_shrink([false, false])
        .header(row_height, |mut header| {
            for name in ["Document", "Before", "Hit", "After"] {
                header.col(|ui| {
                    ui.label(RichText::new(name).strong());
                });
            }
        })
        .body(|body| {
            body.rows(row_height, lines.len(), |mut row| {
                let line = &lines[row.index()];
                let doc = model.documents.get(line.doc as usize);
                let path = doc.map_or("", |d| d.rel_path.as_str());
                row.col(|ui| {
                    ui.add(egui::Label::new(path).selectable(false).truncate())
                        .on_hover_text(doc.map_or("", |d| d.title.as_str()));
                });
                row.col(|ui| {
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        let shown = tail_fitting(ui, &line.left, side - 8.0);
                        ui.add(egui::Label::new(shown).selectable(false));
                    });
                });
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(RichText::new(&line.keyword).strong()).selectable(false),
                    );
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&line.right).selectable(false).truncate());
                });
                if row.response().clicked() {
                    out.push(Command::OpenMention {
                        doc: line.doc as usize,
                        start: line.start,
                    });
                }
            });
        });
}

/// The end of `text` that fits in `width`: the left context must stay next to the
/// keyword, so it is cut at its start, not its end.
fn tail_fitting(ui: &egui::Ui, text: &str, width: f32) -> String {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let measure = |s: &str| {
        ui.painter()
            .layout_no_wrap(s.to_owned(), font.clone(), egui::Color32::WHITE)
            .size()
            .x
    };
    let full = measure(text);
    if full <= width {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    // Start from the proportion that fits, then drop characters until it does.
    let mut keep = ((chars.len() as f32) * width / full) as usize;
    loop {
        let candidate: String = std::iter::once('\u{2026}')
            .chain(chars[chars.len() - keep.min(chars.len())..].iter().copied())
            .collect();
        if keep == 0 || measure(&candidate) <= width {
            return candidate;
        }
        keep -= 1;
    }
}
