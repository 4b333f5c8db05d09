//! The status bar shown while a corpus is read: progress, current file, Cancel.

use crate::app::command::Command;
use crate::app::format::thousands;
use crate::app::jobs::IngestJob;

pub fn show(ui: &mut egui::Ui, job: &IngestJob, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let text = match job.total {
            None => "Looking through the folder…".to_owned(),
            Some(total) => format!(
                "Reading {} of {} files — {}",
                thousands(job.done),
                thousands(total),
                job.current
            ),
        };
        let fraction = match job.total {
            Some(total) if total > 0 => job.done as f32 / total as f32,
            _ => 0.0,
        };
        if ui
            .button("Cancel")
            .on_hover_text("Stop reading; keep what was read so far")
            .clicked()
        {
            out.push(Command::CancelIngest);
        }
        ui.add(egui::ProgressBar::new(fraction).text(text).animate(true));
    });
}
