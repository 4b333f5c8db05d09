//! Where the window is in its life, and which opening or save is waiting for the user or a
//! task between frames: one value each, instead of a handful of flags.

use std::path::PathBuf;

use super::command::Command;
use crate::workspace::Workspace;

/// The window's life.
#[derive(Debug)]
pub enum Phase {
    /// Before the first frame: fonts, the recovery check and the path to open at start-up.
    Starting {
        open: Option<PathBuf>,
    },
    Running,
    /// The user chose to quit (any unsaved changes were saved or dropped): close for real.
    Quitting,
}

/// An opening or a save under way that waits for the user or a task.
#[derive(Debug, Default)]
pub enum Step {
    #[default]
    Idle,
    /// A file dialog is on screen (on its own thread); no other may open meanwhile. The
    /// step it interrupted (a save that needs a file name, a folder being located) goes on
    /// once it is answered.
    Picking { resume: Box<Step> },
    /// A workspace was read whose corpus folder is not where it was: the user is asked
    /// where it is now.
    Locating {
        file: Option<PathBuf>,
        workspace: Box<Workspace>,
    },
    /// The workspace is being saved (perhaps once the user chose where); `then` runs
    /// once it is on disk, and is dropped if the save fails or is cancelled.
    Saving { then: Box<Command> },
}

impl Step {
    /// A file dialog opens on top of the current step, unless one is open already.
    pub fn start_picking(&mut self) -> bool {
        if matches!(self, Step::Picking { .. }) {
            return false;
        }
        let resume = Box::new(std::mem::take(self));
        *self = Step::Picking { resume };
        true
    }

    /// The file dialog was answered (or could not open): back to the step it interrupted.
    pub fn end_picking(&mut self) {
        if let Step::Picking { resume, .. } = self {
            *self = std::mem::take(resume.as_mut());
        }
    }

    /// The command waiting for the save that just ended, if one is.
    pub fn take_after_save(&mut self) -> Option<Command> {
        match std::mem::take(self) {
            Step::Saving { then } => Some(*then),
            other => {
                *self = other;
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_dialog_resumes_the_save_it_interrupted() {
        let mut step = Step::Saving {
            then: Box::new(Command::Quit),
        };
        assert!(step.start_picking());
        assert!(!step.start_picking());
        assert_eq!(step.take_after_save(), None);
        step.end_picking();
        assert_eq!(step.take_after_save(), Some(Command::Quit));
        assert!(matches!(step, Step::Idle));
    }
}
