//! Relative paths between two absolute locations, so a workspace saved next to its
//! corpus still finds it after both are moved or copied to another machine.

use std::path::{Component, Path, PathBuf};

/// The path that leads from the folder `from` to `to`, using `..` where needed.
/// None when the two have no common root (different drives on Windows) or when
/// either is not absolute or still contains `..` (we cannot reason about it lexically).
pub(crate) fn relative_path(from: &Path, to: &Path) -> Option<PathBuf> {
    if !from.is_absolute() || !to.is_absolute() || has_parent_dir(from) || has_parent_dir(to) {
        return None;
    }
    let from: Vec<Component> = from
        .components()
        .filter(|c| *c != Component::CurDir)
        .collect();
    let to: Vec<Component> = to
        .components()
        .filter(|c| *c != Component::CurDir)
        .collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let shares_root = !from.is_empty() && from.first() == to.first();
    if !shares_root {
        return None;
    }
    let mut relative = PathBuf::new();
    for _ in common..from.len() {
        relative.push("..");
    }
    for component in &to[common..] {
        relative.push(component.as_os_str());
    }
    if relative.as_os_str().is_empty() {
        relative.push(".");
    }
    Some(relative)
}

fn has_parent_dir(path: &Path) -> bool {
    path.components().any(|c| c == Component::ParentDir)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn rel(from: &str, to: &str) -> Option<PathBuf> {
        relative_path(Path::new(from), Path::new(to))
    }

    #[test]
    fn child_folder() {
        assert_eq!(rel("/a/b", "/a/b/corpus"), Some("corpus".into()));
    }

    #[test]
    fn sibling_and_cousin_folders_use_dot_dot() {
        assert_eq!(rel("/a/b", "/a/corpus"), Some("../corpus".into()));
        assert_eq!(rel("/a/b/c", "/a/x/y"), Some("../../x/y".into()));
        assert_eq!(rel("/a/b", "/"), Some("../..".into()));
    }

    #[test]
    fn same_folder_is_dot() {
        assert_eq!(rel("/a/b/", "/a/b"), Some(".".into()));
    }

    #[test]
    fn relative_or_dot_dot_inputs_give_none() {
        assert_eq!(rel("a/b", "/a"), None);
        assert_eq!(rel("/a/../b", "/a"), None);
    }

    #[test]
    fn joining_the_result_leads_back() {
        let from = Path::new("/home/r/projects/ws");
        let to = Path::new("/home/r/data/corpus");
        let joined = from.join(relative_path(from, to).expect("relative"));
        assert_eq!(joined, Path::new("/home/r/projects/ws/../../data/corpus"));
    }
}
