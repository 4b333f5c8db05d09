//! Atomic file replacement: whoever reads the target sees the old bytes or the new
//! bytes, never a mixture, even if the app is killed or the power fails mid-save.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::WorkspaceError;

/// Distinguishes temp files of two saves running at once in this process
/// (an autosave and a user save, say).
static SAVE_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to a temp file next to `path`, flushes it to disk, renames it over
/// `path` and flushes the folder. On failure `path` is untouched and the temp file removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WorkspaceError> {
    let write_error = |source| WorkspaceError::Write {
        path: path.to_path_buf(),
        source,
    };
    let target = follow_symlink(path);
    let folder = parent_folder(&target);
    let temp = temp_path(&target, folder).ok_or_else(|| {
        write_error(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the path names no file",
        ))
    })?;
    let result = write_and_sync(&temp, &target, bytes).and_then(|()| fs::rename(&temp, &target));
    if let Err(source) = result {
        // Best effort: the temp file may not exist if creating it was what failed.
        let _ = fs::remove_file(&temp);
        return Err(write_error(source));
    }
    sync_folder(folder);
    remove_stale_temps(&target, folder);
    Ok(())
}

/// Saving through a symlink replaces the file it points to, not the link itself.
fn follow_symlink(path: &Path) -> PathBuf {
    let is_link = fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink());
    if is_link && let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    path.to_path_buf()
}

/// The folder holding `path`; "." for a bare file name.
pub(crate) fn parent_folder(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// `.NAME.tmp-PID-N` in the target's folder: same file system, so the rename is atomic;
/// hidden, so file managers do not show a half-written file.
fn temp_path(target: &Path, folder: &Path) -> Option<PathBuf> {
    let count = SAVE_COUNTER.fetch_add(1, Ordering::Relaxed);
    let prefix = temp_prefix(target)?;
    Some(folder.join(format!("{prefix}{}-{count}", std::process::id())))
}

/// `.NAME.tmp-`, with NAME shortened so a target name near the 255-byte limit still
/// gets a valid temp name.
fn temp_prefix(target: &Path) -> Option<String> {
    let name: String = target
        .file_name()?
        .to_string_lossy()
        .chars()
        .take(64)
        .collect();
    Some(format!(".{name}.tmp-"))
}

/// Removes temp files left next to `target` by saves whose process was killed, so
/// crashes do not litter the user's folder. Only where we can tell a process is gone
/// (Linux `/proc`); a temp file of a live process may be a save still under way.
fn remove_stale_temps(target: &Path, folder: &Path) {
    let proc = Path::new("/proc");
    let (Some(prefix), true) = (temp_prefix(target), proc.join("self").exists()) else {
        return;
    };
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let pid = pid.split('-').next().unwrap_or_default();
        let is_pid = !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit());
        if is_pid && !proc.join(pid).exists() {
            // Best effort: another save may have removed it first.
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn write_and_sync(temp: &Path, target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(temp)?;
    file.write_all(bytes)?;
    // Keep the permissions the user gave the old file (e.g. not world-readable).
    if let Ok(old) = fs::metadata(target) {
        file.set_permissions(old.permissions())?;
    }
    file.sync_all()
}

/// Makes the rename itself durable. Failures are ignored: the new file is already in
/// place, and some file systems refuse to sync a directory.
#[cfg(unix)]
fn sync_folder(folder: &Path) {
    if let Ok(dir) = fs::File::open(folder) {
        let _ = dir.sync_all();
    }
}

/// Other systems cannot open a folder as a file; the rename is as durable as they allow.
#[cfg(not(unix))]
fn sync_folder(_folder: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_file_name_lives_in_the_current_folder() {
        assert_eq!(parent_folder(Path::new("w.ron")), Path::new("."));
        assert_eq!(parent_folder(Path::new("/a/w.ron")), Path::new("/a"));
    }

    #[test]
    fn replaces_content_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("w.ron");
        fs::write(&target, "old").expect("write");
        write_atomic(&target, b"new").expect("save");
        assert_eq!(fs::read_to_string(&target).expect("read"), "new");
        let names: Vec<_> = fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_name_near_the_length_limit_can_still_be_saved() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join(format!("{}.ron", "n".repeat(240)));
        write_atomic(&target, b"one").expect("first save");
        write_atomic(&target, b"two").expect("second save");
        assert_eq!(fs::read_to_string(&target).expect("read"), "two");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn temp_files_of_dead_processes_are_removed_and_live_ones_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("w.ron");
        // PIDs on Linux never exceed 2^22, so this process cannot exist.
        let dead = dir.path().join(".w.ron.tmp-999999999-3");
        let live = dir
            .path()
            .join(format!(".w.ron.tmp-{}-999", std::process::id()));
        let other = dir.path().join(".other.ron.tmp-999999999-0");
        for file in [&dead, &live, &other] {
            fs::write(file, "partial").expect("write");
        }
        write_atomic(&target, b"new").expect("save");
        assert!(!dead.exists());
        assert!(live.exists(), "may be a save under way in this process");
        assert!(other.exists(), "belongs to another file");
    }

    #[cfg(unix)]
    #[test]
    fn saving_through_a_symlink_keeps_the_link() {
        let dir = tempfile::tempdir().expect("temp dir");
        let real = dir.path().join("real.ron");
        let link = dir.path().join("link.ron");
        fs::write(&real, "old").expect("write");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        write_atomic(&link, b"new").expect("save");
        assert!(
            fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).expect("read"), "new");
    }
}
