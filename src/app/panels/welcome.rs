//! The welcome screen shown when no corpus is open.

use std::collections::HashSet;
use std::path::PathBuf;

use egui::{Align, Layout, RichText};

use crate::app::command::Command;
use crate::app::picker::DialogRequest;
use crate::workspace::{RecentKind, RecentList};

pub const NO_DIALOG_MESSAGE: &str = "No file dialog is available on this system — type or paste \
    the folder path below, or drop the folder on this window.";

/// What the welcome screen shows besides its own state.
pub struct WelcomeContext<'a> {
    pub recent: &'a RecentList,
    /// Recent entries that were not found on disk when the list was read.
    pub missing: &'a HashSet<PathBuf>,
    pub sample_available: bool,
}

#[derive(Default)]
pub struct WelcomePanel {
    typed_path: String,
    /// Shown under the buttons, e.g. when no file dialog could be opened.
    message: Option<String>,
    focus_path_field: bool,
}

impl WelcomePanel {
    /// The native dialog could not be shown: explain, and put the cursor in the path field.
    pub fn no_dialog(&mut self) {
        self.message = Some(NO_DIALOG_MESSAGE.into());
        self.focus_path_field = true;
    }

    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        context: &WelcomeContext<'_>,
        out: &mut Vec<Command>,
    ) {
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.set_max_width(640.0);
                ui.add_space(48.0);
                ui.label(RichText::new("Corpus Explorer").size(34.0).strong());
                ui.add_space(8.0);
                ui.label(
                    RichText::new(
                        "Open a folder of documents — reports, notes, web pages — \
                         to read them, sort them and find your way around.",
                    )
                    .size(16.0),
                );
                ui.add_space(24.0);
                self.buttons(ui, context, out);
                ui.add_space(16.0);
                if let Some(message) = &self.message {
                    ui.colored_label(ui.visuals().warn_fg_color, message);
                    ui.add_space(8.0);
                }
                self.typed_path(ui, out);
                ui.add_space(6.0);
                ui.weak("You can also drop a folder or a .ron workspace file on this window.");
                ui.add_space(28.0);
                recent_list(ui, context, out);
            });
        });
    }

    fn buttons(&self, ui: &mut egui::Ui, context: &WelcomeContext<'_>, out: &mut Vec<Command>) {
        let big = |text: &str| {
            egui::Button::new(RichText::new(text).size(17.0)).min_size([170.0, 40.0].into())
        };
        ui.horizontal(|ui| {
            // Centre the row of buttons: egui lays out left to right from the given offset.
            let width = 3.0 * 170.0 + 2.0 * ui.spacing().item_spacing.x;
            ui.add_space(((ui.available_width() - width) / 2.0).max(0.0));
            if ui.add(big("Open folder…")).clicked() {
                out.push(Command::ShowDialog(DialogRequest::OpenFolder));
            }
            if ui.add(big("Open workspace…")).clicked() {
                out.push(Command::ShowDialog(DialogRequest::OpenWorkspace));
            }
            let sample = ui
                .add_enabled(context.sample_available, big("Open sample corpus"))
                .on_disabled_hover_text("The sample corpus is not installed with this copy.");
            if sample.clicked() {
                out.push(Command::OpenSampleCorpus);
            }
        });
    }

    fn typed_path(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            let field_width = (ui.available_width() - 90.0).max(120.0);
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.typed_path)
                    .hint_text("…or type or paste a folder path")
                    .desired_width(field_width),
            );
            if std::mem::take(&mut self.focus_path_field) {
                field.request_focus();
            }
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let clicked = ui.button("Open").clicked();
            let typed = self.typed_path.trim();
            if (entered || clicked) && !typed.is_empty() {
                out.push(Command::OpenPath(PathBuf::from(typed)));
            }
        });
    }
}

fn recent_list(ui: &mut egui::Ui, context: &WelcomeContext<'_>, out: &mut Vec<Command>) {
    if context.recent.entries.is_empty() {
        return;
    }
    ui.with_layout(Layout::top_down(Align::Min), |ui| {
        ui.label(RichText::new("Recent").size(18.0).strong());
        ui.add_space(4.0);
        for entry in &context.recent.entries {
            let missing = context.missing.contains(&entry.path);
            let kind = match entry.kind {
                RecentKind::Folder => "Folder",
                RecentKind::Workspace => "Workspace",
            };
            let name = entry.path.file_name().map_or_else(
                || entry.path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            ui.horizontal(|ui| {
                if missing {
                    ui.add_enabled(false, egui::Button::new(&name))
                        .on_disabled_hover_text("Not found — it may have been moved or deleted.");
                    ui.weak(format!("{kind} · not found: {}", entry.path.display()));
                    if ui.small_button("Remove").clicked() {
                        out.push(Command::RemoveRecent(entry.path.clone()));
                    }
                } else {
                    let open = ui
                        .button(&name)
                        .on_hover_text(entry.path.display().to_string());
                    if open.clicked() {
                        out.push(Command::OpenPath(entry.path.clone()));
                    }
                    ui.weak(format!("{kind} · {}", entry.path.display()));
                }
            });
        }
    });
}
