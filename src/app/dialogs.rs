//! Modal dialogs: errors that need an answer, unsaved changes, recovery, typed paths, About.
//! Shown one at a time, first come first served; each answers by pushing commands.

use std::path::PathBuf;

use egui::{Id, RichText};

use super::command::Command;
use super::fonts::FONT_LICENCE;
use super::format::local_date_time;
use super::picker::DialogRequest;
use crate::workspace::Recovery;

pub enum Dialog {
    /// A file could not be opened; `lines` say why, in plain words.
    Error {
        heading: String,
        file: PathBuf,
        lines: Vec<String>,
    },
    /// A workspace's corpus folder is not where it was.
    LocateFolder {
        missing: PathBuf,
        typed: String,
        no_dialog: bool,
    },
    /// Unsaved changes before `then` (close the window, open something else…).
    UnsavedChanges {
        then: Box<Command>,
    },
    Restore(Box<Recovery>),
    /// No file dialog is available: type the path instead.
    TypedPath {
        request: DialogRequest,
        typed: String,
    },
    About,
}

#[derive(Default)]
pub struct Dialogs {
    queue: Vec<Dialog>,
}

impl Dialogs {
    pub fn push(&mut self, dialog: Dialog) {
        self.queue.push(dialog);
    }

    pub fn is_open(&self) -> bool {
        !self.queue.is_empty()
    }

    /// The unsaved-changes question is already on screen.
    pub fn is_asking_to_save(&self) -> bool {
        self.queue
            .iter()
            .any(|d| matches!(d, Dialog::UnsavedChanges { .. }))
    }

    /// The folder was found through Browse…: the Locate dialog has done its job.
    pub fn close_locate(&mut self) {
        self.queue
            .retain(|d| !matches!(d, Dialog::LocateFolder { .. }));
    }

    /// The Locate dialog's Browse found no file dialog: say so there.
    pub fn locate_has_no_dialog(&mut self) -> bool {
        let found = self.queue.iter_mut().find_map(|d| match d {
            Dialog::LocateFolder { no_dialog, .. } => Some(no_dialog),
            _ => None,
        });
        found.map(|flag| *flag = true).is_some()
    }

    pub fn show(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        let Some(dialog) = self.queue.first_mut() else {
            return;
        };
        let id = Id::unique("modal_dialog");
        let mut done = false;
        egui::Modal::new(id).show(ctx, |ui| {
            ui.set_max_width(520.0);
            done = match dialog {
                Dialog::Error {
                    heading,
                    file,
                    lines,
                } => error(ui, heading, file, lines),
                Dialog::LocateFolder {
                    missing,
                    typed,
                    no_dialog,
                } => locate(ui, missing, typed, *no_dialog, out),
                Dialog::UnsavedChanges { then } => unsaved(ui, then, out),
                Dialog::Restore(recovery) => restore(ui, recovery, out),
                Dialog::TypedPath { request, typed } => typed_path(ui, request, typed, out),
                Dialog::About => about(ui),
            };
        });
        if done {
            self.queue.remove(0);
        }
    }
}

fn heading(ui: &mut egui::Ui, text: &str) {
    ui.label(RichText::new(text).size(19.0).strong());
    ui.add_space(6.0);
}

fn error(ui: &mut egui::Ui, title: &str, file: &std::path::Path, lines: &[String]) -> bool {
    heading(ui, title);
    ui.label(RichText::new(file.display().to_string()).monospace());
    ui.add_space(4.0);
    for line in lines {
        ui.label(line);
    }
    ui.add_space(8.0);
    ui.button("OK").clicked()
}

fn locate(
    ui: &mut egui::Ui,
    missing: &std::path::Path,
    typed: &mut String,
    no_dialog: bool,
    out: &mut Vec<Command>,
) -> bool {
    heading(ui, "Corpus folder not found");
    ui.label(format!(
        "The folder for this workspace was not found at {}. Locate it…",
        missing.display()
    ));
    if no_dialog {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "No file dialog is available on this system — type or paste the folder path below.",
        );
    }
    let field = ui.add(
        egui::TextEdit::singleline(typed)
            .hint_text("Type or paste the folder path")
            .desired_width(f32::INFINITY),
    );
    let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let mut done = false;
    ui.horizontal(|ui| {
        if (ui.button("Use this folder").clicked() || entered) && !typed.trim().is_empty() {
            out.push(Command::LocateCorpus(PathBuf::from(typed.trim())));
            done = true;
        }
        if ui.button("Browse…").clicked() {
            out.push(Command::ShowDialog(DialogRequest::LocateFolder));
        }
        if ui.button("Cancel").clicked() {
            done = true;
        }
    });
    done
}

fn unsaved(ui: &mut egui::Ui, then: &Command, out: &mut Vec<Command>) -> bool {
    heading(ui, "Save your changes?");
    ui.label("The workspace has changes that are not saved: the selection, sort, filter or view.");
    ui.add_space(8.0);
    let mut done = false;
    ui.horizontal(|ui| {
        if ui.button("Save").clicked() {
            out.push(Command::SaveAndThen(Box::new(then.clone())));
            done = true;
        }
        if ui.button("Discard").clicked() {
            out.push(Command::DiscardChangesAndThen(Box::new(then.clone())));
            done = true;
        }
        if ui.button("Cancel").clicked() {
            done = true;
        }
    });
    done
}

fn restore(ui: &mut egui::Ui, recovery: &Recovery, out: &mut Vec<Command>) -> bool {
    heading(ui, "Unsaved work was found");
    ui.label(format!(
        "Restore unsaved work from {}?",
        local_date_time(recovery.saved_at_unix)
    ));
    if let Some(file) = &recovery.workspace_file {
        ui.weak(format!("Workspace: {}", file.display()));
    }
    ui.add_space(8.0);
    let mut done = false;
    ui.horizontal(|ui| {
        if ui.button("Restore").clicked() {
            out.push(Command::RestoreRecovery(Box::new(recovery.clone())));
            done = true;
        }
        if ui.button("Discard").clicked() {
            out.push(Command::DiscardRecovery);
            done = true;
        }
    });
    done
}

fn typed_path(
    ui: &mut egui::Ui,
    request: &DialogRequest,
    typed: &mut String,
    out: &mut Vec<Command>,
) -> bool {
    let (title, hint) = match request {
        DialogRequest::SaveWorkspace { .. } => {
            ("Save workspace as", "Path of the .ron file to write")
        }
        DialogRequest::OpenWorkspace => ("Open workspace", "Path of the .ron workspace file"),
        DialogRequest::Export { .. } => ("Export", "Path of the file to write"),
        _ => ("Open folder", "Path of the folder"),
    };
    heading(ui, title);
    ui.colored_label(
        ui.visuals().warn_fg_color,
        "No file dialog is available on this system — type or paste the path below, \
         or drop the folder on this window.",
    );
    let field = ui.add(
        egui::TextEdit::singleline(typed)
            .hint_text(hint)
            .desired_width(f32::INFINITY),
    );
    if !field.has_focus() && typed.is_empty() {
        field.request_focus();
    }
    let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let mut done = false;
    ui.horizontal(|ui| {
        let path = PathBuf::from(typed.trim());
        if (ui.button("OK").clicked() || entered) && !typed.trim().is_empty() {
            out.push(match request {
                DialogRequest::SaveWorkspace { .. } => {
                    Command::SaveWorkspaceAs(super::picker::with_ron_extension(&path))
                }
                DialogRequest::LocateFolder => Command::LocateCorpus(path),
                DialogRequest::Export { kind, .. } => Command::Export {
                    kind: *kind,
                    path: super::picker::with_extension(&path, kind.extension()),
                },
                _ => Command::OpenPath(path),
            });
            done = true;
        }
        if ui.button("Cancel").clicked() {
            done = true;
        }
    });
    done
}

fn about(ui: &mut egui::Ui) -> bool {
    heading(
        ui,
        &format!("Corpus Explorer {}", env!("CARGO_PKG_VERSION")),
    );
    ui.label(
        "An offline desktop app for reporters and researchers: open a folder of documents, \
         read them, and find the people, organisations, places and dates they mention. \
         Nothing is sent over the network, and the folder you open is never changed.",
    );
    ui.add_space(6.0);
    ui.label("Licence: MIT or Apache-2.0, at your choice.");
    ui.label(
        "Built with Rust and egui/eframe (MIT or Apache-2.0), rfd (MIT), encoding_rs \
         (MIT or Apache-2.0, with WHATWG data under BSD-3-Clause), chardetng (MIT or \
         Apache-2.0), chrono, serde, ron, clap and rayon (MIT or Apache-2.0).",
    );
    ui.label(
        "Fonts: DejaVu Sans and DejaVu Serif — Bitstream Vera licence; DejaVu changes are in \
         the public domain.",
    );
    ui.collapsing("Font licence", |ui| {
        egui::ScrollArea::vertical()
            .max_height(200.0)
            .show(ui, |ui| {
                ui.label(RichText::new(FONT_LICENCE).monospace().size(11.0));
            });
    });
    ui.add_space(8.0);
    ui.button("Close").clicked()
}
