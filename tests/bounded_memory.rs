//! Memory stays bounded on a hostile folder: `export` runs on a folder of ordinary
//! documents, then on the same folder with a 1 GB sparse file, a 10 MB file of one
//! line, a 20 MB binary file and empty files added. The kernel's count of the
//! process's peak memory may grow by a few times what the readable long line holds,
//! never by the gigabyte the skipped file claims or the binary file's size.
#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used)] // test set-up on temp files: a failure should stop the test loudly

use std::path::Path;
use std::process::Command;

use nix::sys::resource::{UsageWho, getrusage};

#[path = "support/reports.rs"]
mod reports;
use reports::write_reports;

/// What the 10 MB line may cost at most: its text, its words and entities, the
/// export's copy (about 5 MB per MB of prose was measured).
const ALLOWED_GROWTH_MB: i64 = 150;

fn hostile_files(root: &Path) {
    let sparse = std::fs::File::create(root.join("huge.txt")).unwrap();
    sparse.set_len(1024 * 1024 * 1024).unwrap();
    let line = format!(
        "Leila Mansour flew from Geneva to Nairobi. {}",
        "The shipment waited at the port while the inspectors wrote. "
            .repeat(10 * 1024 * 1024 / 60)
    );
    std::fs::write(root.join("one-line.txt"), line).unwrap();
    let binary: Vec<u8> = (0..20 * 1024 * 1024u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    std::fs::write(root.join("blob.txt"), binary).unwrap();
    std::fs::write(root.join("empty.txt"), "").unwrap();
    std::fs::write(root.join("empty.md"), "").unwrap();
}

/// Runs `export` on `root`; returns the largest peak resident memory of this test's
/// commands so far, in MB (the kernel keeps the maximum over waited-for children).
fn export_peak_mb(root: &Path, out: &Path) -> i64 {
    let status = Command::new(env!("CARGO_BIN_EXE_corpus-explorer"))
        .arg("export")
        .arg(root)
        .args(["--format", "json", "-o"])
        .arg(out)
        .status()
        .unwrap();
    assert!(status.success(), "export failed: {status}");
    // ru_maxrss is in kilobytes on Linux.
    getrusage(UsageWho::RUSAGE_CHILDREN).unwrap().max_rss() / 1024
}

#[test]
fn huge_long_and_binary_files_do_not_blow_up_memory() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    write_reports(&root, 10, 100);
    let clean = export_peak_mb(&root, &tmp.path().join("clean.json"));

    hostile_files(&root);
    let report = tmp.path().join("hostile.json");
    let hostile = export_peak_mb(&root, &report);
    let growth = hostile - clean;
    println!("peak memory of export: {clean} MB, with the hostile files {hostile} MB");
    assert!(
        growth <= ALLOWED_GROWTH_MB,
        "peak memory grew by {growth} MB (from {clean} MB to {hostile} MB)"
    );

    let report = std::fs::read_to_string(report).unwrap();
    assert!(report.contains("one-line.txt"), "the long line is read");
    assert!(
        report.contains("huge.txt") && report.contains("larger than"),
        "the sparse file is listed as too large"
    );
}
