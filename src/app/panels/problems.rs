//! The Problems window: files that were skipped, with the reason, copyable.

use crate::app::command::Command;
use crate::app::model::Model;

/// Shows the window while `open`; closing it pushes `ShowProblems(false)`.
pub fn show(ctx: &egui::Context, open: bool, model: &Model, out: &mut Vec<Command>) {
    let mut still_open = open;
    egui::Window::new("Problems")
        .open(&mut still_open)
        .default_size([620.0, 360.0])
        .resizable(true)
        .show(ctx, |ui| {
            if model.problems.is_empty() {
                ui.label("Every file in this folder could be read.");
                return;
            }
            ui.horizontal(|ui| {
                ui.label("These files were skipped. The folder itself was not changed.");
                if ui
                    .button("Copy list")
                    .on_hover_text("Copy paths and reasons as text")
                    .clicked()
                {
                    ui.ctx().copy_text(as_text(model));
                }
            });
            ui.separator();
            let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.6;
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show_rows(ui, row_height, model.problems.len(), |ui, range| {
                    for problem in &model.problems[range] {
                        ui.vertical(|ui| {
                            ui.label(egui::RichText::new(&problem.rel_path).monospace());
                            ui.label(egui::RichText::new(&problem.reason).weak());
                        });
                        ui.add_space(2.0);
                    }
                });
        });
    if open && !still_open {
        out.push(Command::ShowProblems(false));
    }
}

fn as_text(model: &Model) -> String {
    model
        .problems
        .iter()
        .map(|p| format!("{}\t{}\n", p.rel_path, p.reason))
        .collect()
}
