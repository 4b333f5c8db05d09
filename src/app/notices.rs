//! Messages that need no answer, shown over the central area: a queue in which each has
//! its own Dismiss, so a second message never replaces the first. Errors stay until the
//! user dismisses them; when another folder opens, what was said about the last one goes.

use super::error::AppError;

/// How much a notice matters; it picks the colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Something done or under way ("Exported …", "the documents are being updated").
    Info,
    /// Something the user may want to act on.
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub level: Level,
    pub text: String,
}

/// At most this many notices are kept; the oldest that is not an error goes first.
const MAX_NOTICES: usize = 6;

#[derive(Debug, Default)]
pub struct Notices {
    queue: Vec<Notice>,
}

impl Notices {
    pub fn info(&mut self, text: impl Into<String>) {
        self.push(Level::Info, text.into());
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.push(Level::Warning, text.into());
    }

    pub fn error(&mut self, err: &AppError) {
        self.push(Level::Error, err.to_string());
    }

    /// Adds a notice; the same words said again move to the end instead of showing twice.
    pub fn push(&mut self, level: Level, text: String) {
        self.queue.retain(|n| n.text != text);
        self.queue.push(Notice { level, text });
        while self.queue.len() > MAX_NOTICES {
            let oldest = self.queue.iter().position(|n| n.level != Level::Error);
            self.queue.remove(oldest.unwrap_or(0));
        }
    }

    /// Another folder opens: the notices about the last one go, errors stay until read.
    pub fn folder_opened(&mut self) {
        self.queue.retain(|n| n.level == Level::Error);
    }

    pub fn all(&self) -> &[Notice] {
        &self.queue
    }

    /// Draws the notices, newest last, each with a Dismiss button.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let mut dismissed = None;
        for (i, notice) in self.queue.iter().enumerate() {
            let visuals = ui.visuals();
            let colour = match notice.level {
                Level::Info => visuals.text_color(),
                Level::Warning => visuals.warn_fg_color,
                Level::Error => visuals.error_fg_color,
            };
            egui::Frame::group(ui.style())
                .fill(visuals.faint_bg_color)
                .show(ui, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        ui.colored_label(colour, &notice.text);
                        if ui.button("Dismiss").clicked() {
                            dismissed = Some(i);
                        }
                    });
                });
        }
        if let Some(i) = dismissed {
            self.queue.remove(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(notices: &Notices) -> Vec<&str> {
        notices.all().iter().map(|n| n.text.as_str()).collect()
    }

    #[test]
    fn a_second_message_joins_the_first_and_a_repeat_moves_to_the_end() {
        let mut notices = Notices::default();
        notices.warn("first");
        notices.info("second");
        notices.warn("first");
        assert_eq!(texts(&notices), ["second", "first"]);
    }

    #[test]
    fn errors_outlive_another_folder_and_a_full_queue() {
        let mut notices = Notices::default();
        notices.error(&AppError::Extraction("no model".into()));
        for i in 0..MAX_NOTICES {
            notices.info(format!("note {i}"));
        }
        assert_eq!(notices.all().len(), MAX_NOTICES);
        assert_eq!(notices.all()[0].level, Level::Error);
        notices.folder_opened();
        assert_eq!(
            texts(&notices),
            ["People, places and dates could not be found in these documents: no model"]
        );
    }
}
