//! The status bar shown while a corpus is read: progress, current file, Cancel.

use crate::app::command::Command;
use crate::app::format::thousands;
use crate::app::jobs::IngestJob;
use crate::corpus::human_size;

/// `documents` is how many documents have been read so far.
pub fn show(ui: &mut egui::Ui, job: &IngestJob, documents: usize, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let (text, fraction) = match job.total {
            None => ("Looking through the folder…".to_owned(), 0.0),
            Some(_) if job.reading_done() => extracting(job, documents),
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

/// "Finding …: 3 of 20 documents — big.txt, 12 of 48 MB", counting the part of a
/// long document already done.
fn extracting(job: &IngestJob, documents: usize) -> (String, f32) {
    let mut text = format!(
        "Finding people, organisations, places and dates: {} of {} documents",
        thousands(job.extracted),
        thousands(documents)
    );
    let mut done = fraction(job.extracted, documents);
    if let Some(within) = &job.in_document {
        text.push_str(&format!(
            " — {}, {} of {}",
            within.path,
            human_size(within.done as u64),
            human_size(within.total as u64)
        ));
        done += fraction(within.done, within.total) / documents.max(1) as f32;
    }
    (text, done.min(1.0))
}

fn fraction(done: usize, total: usize) -> f32 {
    if total == 0 {
        0.0
    } else {
        done as f32 / total as f32
    }
}
