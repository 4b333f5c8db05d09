//! TEMPORARY local copy of the workspace API (WORKSPACE_API.md) to compile against until
//! `crate::workspace` lands on main. Deleted before the final commit.
#![allow(dead_code, clippy::all)]

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    pub format_version: u32,
    pub corpus: CorpusLocation,
    pub selected_document: Option<String>,
    pub list: ListView,
    pub view: ViewPrefs,
}
impl Default for Workspace {
    fn default() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            corpus: CorpusLocation::default(),
            selected_document: None,
            list: ListView::default(),
            view: ViewPrefs::default(),
        }
    }
}
impl Workspace {
    pub fn for_folder(folder: &Path) -> Workspace {
        let mut w = Workspace::default();
        w.corpus.absolute = std::path::absolute(folder).unwrap_or_else(|_| folder.into());
        w
    }
    pub fn resolve_corpus(&self, workspace_file: &Path) -> Option<PathBuf> {
        if self.corpus.absolute.is_dir() {
            return Some(self.corpus.absolute.clone());
        }
        let rel = self.corpus.relative.as_ref()?;
        let p = workspace_file.parent()?.join(rel);
        p.is_dir().then_some(p)
    }
}
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CorpusLocation {
    pub absolute: PathBuf,
    pub relative: Option<PathBuf>,
}
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListView {
    pub sort: SortColumn,
    pub ascending: bool,
    pub filter: String,
}
impl Default for ListView {
    fn default() -> Self {
        Self { sort: SortColumn::Title, ascending: true, filter: String::new() }
    }
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SortColumn {
    #[default]
    Title,
    Folder,
    Words,
    Modified,
}
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewPrefs {
    pub theme: Theme,
    pub font_size: f32,
}
impl Default for ViewPrefs {
    fn default() -> Self {
        Self { theme: Theme::Light, font_size: 16.0 }
    }
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error("Could not read '{path}': {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("Could not save '{path}': {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("'{path}' is not a valid workspace: line {line}, column {column}: {message}")]
    Parse { path: PathBuf, line: usize, column: usize, message: String },
    #[error("'{path}' was saved by a newer version (format {found}; supported {supported}).")]
    TooNew { path: PathBuf, found: u32, supported: u32 },
}
pub fn load(path: &Path) -> Result<Workspace, WorkspaceError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| WorkspaceError::Read { path: path.into(), source })?;
    parse(&text, path)
}
pub fn parse(text: &str, path: &Path) -> Result<Workspace, WorkspaceError> {
    let w: Workspace = ron::from_str(text).map_err(|e| WorkspaceError::Parse {
        path: path.into(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })?;
    if w.format_version > FORMAT_VERSION {
        return Err(WorkspaceError::TooNew {
            path: path.into(),
            found: w.format_version,
            supported: FORMAT_VERSION,
        });
    }
    Ok(w)
}
fn write_atomic(path: &Path, text: &str) -> Result<(), WorkspaceError> {
    let tmp = path.with_extension("ron.tmp");
    let werr = |source| WorkspaceError::Write { path: path.into(), source };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(werr)?;
    }
    std::fs::write(&tmp, text).map_err(werr)?;
    std::fs::rename(&tmp, path).map_err(werr)
}
pub fn save(path: &Path, workspace: &Workspace) -> Result<(), WorkspaceError> {
    let mut w = workspace.clone();
    w.format_version = FORMAT_VERSION;
    write_atomic(path, &to_ron(&w))
}
pub fn to_ron(workspace: &Workspace) -> String {
    ron::ser::to_string_pretty(workspace, ron::ser::PrettyConfig::default()).unwrap_or_default()
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RecentKind {
    Folder,
    Workspace,
}
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecentEntry {
    pub path: PathBuf,
    pub kind: RecentKind,
}
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecentList {
    pub entries: Vec<RecentEntry>,
}
impl RecentList {
    pub const MAX: usize = 12;
    pub fn load(file: &Path) -> RecentList {
        std::fs::read_to_string(file).ok().and_then(|t| ron::from_str(&t).ok()).unwrap_or_default()
    }
    pub fn save(&self, file: &Path) -> Result<(), WorkspaceError> {
        write_atomic(file, &ron::to_string(self).unwrap_or_default())
    }
    pub fn add(&mut self, path: &Path, kind: RecentKind) {
        self.remove(path);
        self.entries.insert(0, RecentEntry { path: path.into(), kind });
        self.entries.truncate(Self::MAX);
    }
    pub fn remove(&mut self, path: &Path) {
        self.entries.retain(|e| e.path != path);
    }
}
pub struct AppDirs {
    pub config: PathBuf,
    pub data: PathBuf,
}
impl AppDirs {
    pub fn new() -> Option<AppDirs> {
        if let Some(x) = std::env::var_os("CORPUS_EXPLORER_HOME") {
            return Some(Self::at(Path::new(&x)));
        }
        let d = directories::ProjectDirs::from("org", "CorpusExplorer", "corpus-explorer")?;
        Some(AppDirs { config: d.config_dir().into(), data: d.data_dir().into() })
    }
    pub fn at(root: &Path) -> AppDirs {
        AppDirs { config: root.join("config"), data: root.join("data") }
    }
    pub fn recent_file(&self) -> PathBuf {
        self.config.join("recent.ron")
    }
    pub fn preferences_file(&self) -> PathBuf {
        self.config.join("preferences.ron")
    }
    pub fn recovery_file(&self) -> PathBuf {
        self.data.join("recovery.ron")
    }
}
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub max_file_mb: u64,
}
impl Default for Preferences {
    fn default() -> Self {
        Self { max_file_mb: 50 }
    }
}
impl Preferences {
    pub fn load(file: &Path) -> Preferences {
        std::fs::read_to_string(file).ok().and_then(|t| ron::from_str(&t).ok()).unwrap_or_default()
    }
}
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    pub workspace: Workspace,
    pub workspace_file: Option<PathBuf>,
    pub saved_at_unix: u64,
}
pub fn write_recovery(file: &Path, recovery: &Recovery) -> Result<(), WorkspaceError> {
    write_atomic(file, &ron::to_string(recovery).unwrap_or_default())
}
pub fn read_recovery(file: &Path) -> Result<Option<Recovery>, WorkspaceError> {
    match std::fs::read_to_string(file) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(WorkspaceError::Read { path: file.into(), source }),
        Ok(t) => ron::from_str(&t).map(Some).map_err(|e| WorkspaceError::Parse {
            path: file.into(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        }),
    }
}
pub fn clear_recovery(file: &Path) -> Result<(), WorkspaceError> {
    match std::fs::remove_file(file) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(WorkspaceError::Write { path: file.into(), source: e })
        }
        _ => Ok(()),
    }
}
