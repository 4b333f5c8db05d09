//! The status bar shown while a corpus is read: progress, current file, Cancel.

use crate::app::command::Command;
use crate::app::format::thousands;
use crate::app::jobs::IngestJob;

/// `documents` is how many documents have been read so far.
pub fn show(ui: &mut egui::Ui, job: &IngestJob, documents: usize, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let (text, fraction) = match job.total {
            None => ("Looking through the folder…".to_owned(), 0.0),
            Some(_) if job.reading_done() => (
                format!(
                    "Finding people, organisations, places and dates: {} of {} documents",
                    thousands(job.extracted),
                    thousands(documents)
                ),
                fraction(job.extracted, documents),
            ),
            Some(total) => (
                format!(
                    "Reading {} of {} files — {}",
                    thousands(job.done),
                    thousands(total),
                    job.current
                ),
                fraction(job.done, total),
            ),
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

fn fraction(done: usize, total: usize) -> f32 {
    if total == 0 {
        0.0
    } else {
        done as f32 / total as f32
    }
}
