//! The exports of the sample corpus compared with committed snapshot files, so any change
//! in what a user's spreadsheet or map tool receives is seen in review. After an intended
//! change, regenerate with `UPDATE_SNAPSHOTS=1 cargo test --test export_snapshots`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn sample_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_corpus")
}

fn export(format: &str) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_corpus-explorer"))
        .args(["export".as_ref(), sample_corpus().as_os_str()])
        .args(["--format", format])
        .output()
        .unwrap_or_else(|e| panic!("could not run the binary: {e}"));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap_or_else(|e| panic!("not UTF-8: {e}"))
}

fn check(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).unwrap_or_else(|e| panic!("{e}"));
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_SNAPSHOTS=1 writes it)", path.display()));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .map_or(expected.lines().count().min(actual.lines().count()), |i| i);
        panic!(
            "{name} differs from its snapshot from line {}:\n  expected: {:?}\n  actual:   {:?}",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

#[test]
fn places_geojson_of_the_sample_corpus() {
    let geojson = export("geojson");
    let value: serde_json::Value =
        serde_json::from_str(&geojson).unwrap_or_else(|e| panic!("not JSON: {e}"));
    assert_eq!(value["type"], "FeatureCollection");
    let features = value["features"].as_array().map_or(0, Vec::len);
    assert!(
        features > 50,
        "the sample mentions places on several continents: {features}"
    );
    check("sample_places.geojson", &geojson);
}

#[test]
fn entities_csv_of_the_sample_corpus() {
    check("sample_entities.csv", &export("csv"));
}
