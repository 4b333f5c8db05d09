//! The app never opens a socket while it reads, extracts, indexes, searches and
//! exports: the `export` and `search` commands run on a generated corpus while this
//! test looks at every file descriptor they hold, every couple of milliseconds.
//! (The window itself talks to the display server over a local socket; the core it
//! runs is the code checked here.)
#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used)] // test set-up on temp files: a failure should stop the test loudly

use std::process::{Child, Command, Stdio};
use std::time::Duration;

#[path = "support/reports.rs"]
mod reports;
use reports::write_reports;

/// Watches `child` until it exits; returns the sockets it was seen holding.
fn sockets_held(mut child: Child) -> Vec<String> {
    let fds = format!("/proc/{}/fd", child.id());
    let mut seen = Vec::new();
    let mut looks = 0;
    while child.try_wait().unwrap().is_none() {
        if let Ok(entries) = std::fs::read_dir(&fds) {
            looks += 1;
            for entry in entries.flatten() {
                if let Ok(target) = std::fs::read_link(entry.path()) {
                    let target = target.to_string_lossy().into_owned();
                    if target.starts_with("socket:") {
                        seen.push(target);
                    }
                }
            }
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(child.wait().unwrap().success());
    assert!(looks > 3, "the command ended before it could be watched");
    seen
}

#[test]
fn export_and_search_open_no_socket() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    // Enough documents that each command runs for a while.
    write_reports(&root, 20, 150);
    let bin = env!("CARGO_BIN_EXE_corpus-explorer");
    let export = Command::new(bin)
        .arg("export")
        .arg(&root)
        .args(["--format", "ndjson", "-o"])
        .arg(tmp.path().join("out.ndjson"))
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    assert_eq!(sockets_held(export), Vec::<String>::new());
    let search = Command::new(bin)
        .arg("search")
        .arg(&root)
        .args(["harbour OR okafor", "--kwic"])
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    assert_eq!(sockets_held(search), Vec::<String>::new());
}
