//! The saved workspace: which corpus folder is open and how the user left it
//! (selection, sort, filter, theme), stored as versioned RON and saved atomically.
//! Also the app's own small files: the Recent list, preferences and the crash
//! recovery copy, which live in the platform config and data folders.
//!
//! Loading ignores fields it does not know (friendly to hand-edited files) and fills
//! missing ones with defaults (so older files load), but refuses a `format_version`
//! newer than [`FORMAT_VERSION`] before looking at anything else.

mod app_file;
mod atomic;
pub mod dirs;
mod error;
pub mod preferences;
pub mod recent;
pub mod recovery;
mod relative;
mod ron_text;
mod serde_paths;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::entities::{Correction, Filter};

pub use atomic::write_atomic;
pub use dirs::AppDirs;
pub use error::WorkspaceError;
pub use preferences::Preferences;
pub use recent::{RecentEntry, RecentKind, RecentList};
pub use recovery::{Recovery, clear_recovery, read_recovery, write_recovery};

/// The workspace format this version writes, and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// Everything a workspace file stores. Nothing that can be recomputed goes here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    /// [`FORMAT_VERSION`] when saved.
    pub format_version: u32,
    pub corpus: CorpusLocation,
    /// `rel_path` of the selected document.
    pub selected_document: Option<String>,
    /// Id of the entity selected in the sidebar.
    pub selected_entity: Option<String>,
    pub list: ListView,
    pub view: ViewPrefs,
    /// The user's corrections to the extracted entities, replayed in order.
    pub corrections: Vec<Correction>,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            format_version: FORMAT_VERSION,
            corpus: CorpusLocation::default(),
            selected_document: None,
            selected_entity: None,
            list: ListView::default(),
            view: ViewPrefs::default(),
            corrections: Vec::new(),
        }
    }
}

/// Where the corpus folder is: absolute, and relative to the workspace file's folder.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CorpusLocation {
    #[serde(serialize_with = "serde_paths::lossy")]
    pub absolute: PathBuf,
    #[serde(serialize_with = "serde_paths::lossy_option")]
    pub relative: Option<PathBuf>,
}

/// The document list's sort and filters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListView {
    pub sort: SortColumn,
    pub ascending: bool,
    /// The text typed in the list's filter box (title and path).
    pub filter: String,
    /// Entity, map-area and time-range filters, combined with AND.
    pub filters: Vec<Filter>,
    /// The full-text search the list is narrowed to (empty: none).
    pub search: String,
}

impl Default for ListView {
    fn default() -> Self {
        ListView {
            sort: SortColumn::Title,
            ascending: true,
            filter: String::new(),
            filters: Vec::new(),
            search: String::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SortColumn {
    #[default]
    Title,
    Folder,
    Words,
    /// The document's own date when it has one, else its file's (shown as "Date").
    Modified,
    Author,
    /// Best search match first (title order when no search is active).
    Relevance,
}

/// How the reading pane looks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewPrefs {
    pub theme: Theme,
    /// Points; [`parse`] brings hand-edited values into [`ViewPrefs::FONT_SIZE_RANGE`].
    pub font_size: f32,
}

impl ViewPrefs {
    pub const DEFAULT_FONT_SIZE: f32 = 16.0;
    /// Font sizes a loaded workspace may hold; anything else is clamped into it.
    pub const FONT_SIZE_RANGE: std::ops::RangeInclusive<f32> = 6.0..=72.0;
}

impl Default for ViewPrefs {
    fn default() -> Self {
        ViewPrefs {
            theme: Theme::Light,
            font_size: Self::DEFAULT_FONT_SIZE,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Workspace {
    /// A fresh workspace for a corpus folder, remembered by its absolute path.
    pub fn for_folder(folder: &Path) -> Workspace {
        let absolute = fs::canonicalize(folder)
            .or_else(|_| std::path::absolute(folder))
            .unwrap_or_else(|_| folder.to_path_buf());
        Workspace {
            corpus: CorpusLocation {
                absolute,
                relative: None,
            },
            ..Workspace::default()
        }
    }

    /// Where the corpus folder is now: the absolute path if it exists, else the path
    /// relative to the workspace file's folder if that exists, else None (ask the user).
    pub fn resolve_corpus(&self, workspace_file: &Path) -> Option<PathBuf> {
        let absolute = &self.corpus.absolute;
        if !absolute.as_os_str().is_empty() && absolute.is_dir() {
            return Some(absolute.clone());
        }
        let relative = self.corpus.relative.as_ref()?;
        let joined = atomic::parent_folder(workspace_file).join(relative);
        joined
            .is_dir()
            .then(|| fs::canonicalize(&joined).unwrap_or(joined))
    }
}

/// Reads a workspace file. Never modifies it.
pub fn load(path: &Path) -> Result<Workspace, WorkspaceError> {
    let bytes = fs::read(path).map_err(|source| WorkspaceError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&ron_text::text_from_bytes(bytes, path)?, path)
}

/// Parses workspace text (for tests and recovery); `path` is only used in messages.
pub fn parse(text: &str, path: &Path) -> Result<Workspace, WorkspaceError> {
    let found = ron_text::probe_version(text, path)?;
    ron_text::check_version(found, FORMAT_VERSION, path)?;
    let mut workspace: Workspace = ron_text::parse_ron(text, path)?;
    workspace.view.font_size = sane_font_size(workspace.view.font_size);
    Ok(workspace)
}

fn sane_font_size(size: f32) -> f32 {
    if size.is_finite() {
        size.clamp(
            *ViewPrefs::FONT_SIZE_RANGE.start(),
            *ViewPrefs::FONT_SIZE_RANGE.end(),
        )
    } else {
        ViewPrefs::DEFAULT_FONT_SIZE
    }
}

/// Saves atomically: temp file in the same folder, write, fsync, rename over `path`
/// (then fsync the folder). Sets `corpus.relative` from `path`'s folder and `format_version`.
/// On any failure the previous file at `path` is untouched and the temp file removed.
pub fn save(path: &Path, workspace: &Workspace) -> Result<(), WorkspaceError> {
    let write_error = |source| WorkspaceError::Write {
        path: path.to_path_buf(),
        source,
    };
    if workspace.corpus.absolute.to_str().is_none() {
        return Err(write_error(io::Error::new(
            io::ErrorKind::InvalidData,
            "the corpus folder's name contains characters a workspace file cannot store",
        )));
    }
    let mut to_write = workspace.clone();
    to_write.format_version = FORMAT_VERSION;
    to_write.corpus.relative = corpus_relative_to(path, &workspace.corpus.absolute);
    let text = to_ron_checked(&to_write).map_err(|e| write_error(io::Error::other(e)))?;
    atomic::write_atomic(path, text.as_bytes())
}

/// The corpus folder seen from the workspace file's folder, through real paths
/// (symlinks resolved) when both exist, so `..` steps match the file system.
fn corpus_relative_to(workspace_file: &Path, corpus: &Path) -> Option<PathBuf> {
    let real = |p: &Path| fs::canonicalize(p).or_else(|_| std::path::absolute(p)).ok();
    let folder = real(atomic::parent_folder(workspace_file))?;
    relative::relative_path(&folder, &real(corpus)?)
}

/// Pretty RON, what [`save`] writes.
pub fn to_ron(workspace: &Workspace) -> String {
    // Paths are written lossily and every other field is plain data, so this cannot
    // fail in practice; the fallback keeps the signature honest without a panic.
    to_ron_checked(workspace).unwrap_or_else(|error| format!("// not representable: {error}\n"))
}

pub(crate) fn to_ron_checked<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_minimal_file_gets_defaults() {
        let text = r#"(format_version: 1, corpus: (absolute: "/x"))"#;
        let workspace = parse(text, Path::new("w.ron")).expect("parses");
        assert_eq!(workspace.corpus.absolute, Path::new("/x"));
        assert_eq!(workspace.list, ListView::default());
        assert_eq!(workspace.view.font_size, 16.0);
        assert_eq!(workspace.selected_document, None);
    }

    #[test]
    fn unknown_fields_of_a_known_version_are_ignored() {
        let text = "(format_version: 1, colour: \"blue\", view: (theme: Dark, zoom: 3))";
        let workspace = parse(text, Path::new("w.ron")).expect("parses");
        assert_eq!(workspace.view.theme, Theme::Dark);
    }

    #[test]
    fn optional_values_may_omit_some() {
        let bare = parse("(selected_document: \"a.txt\")", Path::new("w")).expect("parses");
        let wrapped =
            parse("(selected_document: Some(\"a.txt\"))", Path::new("w")).expect("parses");
        assert_eq!(bare.selected_document.as_deref(), Some("a.txt"));
        assert_eq!(bare, wrapped);
    }

    #[test]
    fn hand_edited_font_size_is_kept_in_range() {
        let big = parse("(view: (font_size: 900.0))", Path::new("w")).expect("parses");
        assert_eq!(big.view.font_size, 72.0);
        let nan = parse("(view: (font_size: NaN))", Path::new("w")).expect("parses");
        assert_eq!(nan.view.font_size, 16.0);
    }

    #[test]
    fn to_ron_parses_back_to_the_same_workspace() {
        let mut workspace = Workspace::for_folder(Path::new("/nowhere/corpus"));
        workspace.selected_document = Some("a/b \"quoted\".txt".to_owned());
        workspace.list.sort = SortColumn::Modified;
        workspace.list.filter = "café\nline".to_owned();
        let text = to_ron(&workspace);
        assert_eq!(parse(&text, Path::new("w")).expect("parses"), workspace);
    }
}
