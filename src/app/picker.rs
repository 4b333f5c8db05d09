//! Native file dialogs behind a trait, so tests can stand in for them and the app can fall
//! back to a typed path where no dialog can be shown (no desktop portal, no zenity).

use super::export_kind::ExportKind;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Which dialog the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogRequest {
    OpenFolder,
    OpenWorkspace,
    /// Save the workspace; `suggested` is a file name, `folder` where to start.
    SaveWorkspace {
        suggested: String,
        folder: Option<PathBuf>,
    },
    /// Find the corpus folder of a workspace whose folder has moved.
    LocateFolder,
    /// Where to write an export.
    Export {
        kind: ExportKind,
        suggested: String,
        folder: Option<PathBuf>,
    },
}

impl DialogRequest {
    /// True when the dialog picks a folder rather than a `.ron` file.
    pub fn wants_folder(&self) -> bool {
        matches!(
            self,
            DialogRequest::OpenFolder | DialogRequest::LocateFolder
        )
    }
}

/// What a dialog gave back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickOutcome {
    Chosen(PathBuf),
    Cancelled,
    /// No dialog could be shown on this system.
    Unavailable,
}

/// Shows a file dialog and waits for the answer. Runs on a dialog thread, never the UI thread.
pub trait FilePicker: Send + Sync + 'static {
    fn pick(&self, request: &DialogRequest) -> PickOutcome;
}

/// The real dialogs, through `rfd` (desktop portal, with zenity as its fallback).
pub struct NativePicker;

/// A dialog that answers "nothing chosen" faster than this was never shown: a person
/// cannot cancel a dialog in under 50 ms, so rfd found no portal and no zenity.
const NO_DIALOG_THRESHOLD: Duration = Duration::from_millis(50);

impl FilePicker for NativePicker {
    fn pick(&self, request: &DialogRequest) -> PickOutcome {
        let started = Instant::now();
        let chosen = match request {
            DialogRequest::OpenFolder => rfd::FileDialog::new()
                .set_title("Open a folder of documents")
                .pick_folder(),
            DialogRequest::LocateFolder => rfd::FileDialog::new()
                .set_title("Locate the corpus folder")
                .pick_folder(),
            DialogRequest::OpenWorkspace => rfd::FileDialog::new()
                .set_title("Open a workspace")
                .add_filter("Corpus Explorer workspace", &["ron"])
                .pick_file(),
            DialogRequest::SaveWorkspace { suggested, folder } => {
                let mut dialog = rfd::FileDialog::new()
                    .set_title("Save the workspace")
                    .add_filter("Corpus Explorer workspace", &["ron"])
                    .set_file_name(suggested.clone());
                if let Some(folder) = folder {
                    dialog = dialog.set_directory(folder);
                }
                dialog.save_file().map(|path| with_ron_extension(&path))
            }
            DialogRequest::Export {
                kind,
                suggested,
                folder,
            } => {
                let mut dialog = rfd::FileDialog::new()
                    .set_title(format!("Export {}", kind.describe()))
                    .add_filter(kind.file_type(), &[kind.extension()])
                    .set_file_name(suggested.clone());
                if let Some(folder) = folder {
                    dialog = dialog.set_directory(folder);
                }
                dialog
                    .save_file()
                    .map(|path| with_extension(&path, kind.extension()))
            }
        };
        match chosen {
            Some(path) => PickOutcome::Chosen(path),
            None if started.elapsed() < NO_DIALOG_THRESHOLD => PickOutcome::Unavailable,
            None => PickOutcome::Cancelled,
        }
    }
}

/// A picker for systems (and tests) with no dialog at all.
pub struct NoDialogPicker;

impl FilePicker for NoDialogPicker {
    fn pick(&self, _request: &DialogRequest) -> PickOutcome {
        PickOutcome::Unavailable
    }
}

/// Adds `.ron` when the user typed a workspace name without it.
pub fn with_ron_extension(path: &Path) -> PathBuf {
    with_extension(path, "ron")
}

/// Adds `.extension` when the typed name does not end with it.
pub fn with_extension(path: &Path, extension: &str) -> PathBuf {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension))
    {
        path.to_path_buf()
    } else {
        let mut name = path.as_os_str().to_os_string();
        name.push(".");
        name.push(extension);
        PathBuf::from(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_ron_extension_only_when_missing() {
        assert_eq!(
            with_ron_extension(Path::new("/a/b")),
            PathBuf::from("/a/b.ron")
        );
        assert_eq!(
            with_ron_extension(Path::new("/a/b.RON")),
            PathBuf::from("/a/b.RON")
        );
        assert_eq!(
            with_ron_extension(Path::new("/a/b.c")),
            PathBuf::from("/a/b.c.ron")
        );
    }
}
