//! `corpus-explorer export` with entities: JSON entities and suggestions, and the CSV
//! entity table, on a small corpus written to a temporary folder.

use std::process::Command;

fn run_export(dir: &std::path::Path, format: &str) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_corpus-explorer"))
        .args([
            "export",
            dir.to_str().expect("utf-8 temp path"),
            "--format",
            format,
        ])
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8 output")
}

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("a.txt"),
        "Senator Ruth Whitfield met Chidi Okafor in Lagos, Nigeria on March 3, 1999. \
         Whitfield said the Revolutionary Armed Forces of Colombia (FARC) were not involved. \
         They met again in July.",
    )
    .expect("write a.txt");
    std::fs::write(
        dir.path().join("b.txt"),
        "Chidi Okafor told the Lagos Courier on Friday that FARC had nothing to do with it.",
    )
    .expect("write b.txt");
    dir
}

#[test]
fn json_export_lists_entities_with_mentions_coordinates_and_values() {
    let dir = corpus();
    let json: serde_json::Value =
        serde_json::from_str(&run_export(dir.path(), "json")).expect("valid JSON");
    let entities = json["entities"].as_array().expect("entities array");
    let find = |id: &str| entities.iter().find(|e| e["id"] == id);

    let okafor = find("person:chidi-okafor").expect("Chidi Okafor found");
    assert_eq!(okafor["kind"], "person");
    assert_eq!(okafor["mentions"].as_array().map(Vec::len), Some(2));
    let first = &okafor["mentions"][0];
    assert_eq!(first["path"], "a.txt");
    assert_eq!(first["text"], "Chidi Okafor");

    let whitfield = find("person:ruth-whitfield").expect("Ruth Whitfield found");
    assert!(
        whitfield["aliases"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x == "Whitfield"))
    );

    let farc = find("organization:revolutionary-armed-forces-of-colombia").expect("FARC linked");
    assert_eq!(farc["mentions"].as_array().map(Vec::len), Some(3));

    let lagos = find("place:lagos").expect("Lagos found");
    assert!(
        lagos["lat"]
            .as_f64()
            .is_some_and(|lat| (6.0..7.0).contains(&lat))
    );
    assert!(find("date:1999-03-03").is_some_and(|d| d["value"] == "1999-03-03"));
}

#[test]
fn csv_export_has_one_row_per_entity() {
    let dir = corpus();
    let csv = run_export(dir.path(), "csv");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("id,kind,name,aliases,documents,mentions,lat,lon,value,inferred")
    );
    let okafor = csv
        .lines()
        .find(|l| l.starts_with("person:chidi-okafor,"))
        .expect("Chidi Okafor row");
    assert!(
        okafor.starts_with("person:chidi-okafor,person,Chidi Okafor,,2,2,,,"),
        "{okafor}"
    );
    assert!(
        csv.lines()
            .any(|l| l.starts_with("date:1999-03-03,date,") && l.ends_with(",1999-03-03,"))
    );
    assert!(
        csv.lines()
            .any(|l| l.starts_with("date:1999-07-inferred,date,")
                && l.ends_with(",1999-07,inferred")),
        "{csv}"
    );
}

/// The export contract for dates: a stated date has its value and no `inferred` field; a
/// date completed from its document ("in July" after "1999") has `"inferred": true`; a
/// weekday with no day to count from is listed with a null value.
#[test]
fn json_export_marks_inferred_dates() {
    let dir = corpus();
    let json: serde_json::Value =
        serde_json::from_str(&run_export(dir.path(), "json")).expect("valid JSON");
    let entities = json["entities"].as_array().expect("entities array");
    let find = |id: &str| entities.iter().find(|e| e["id"] == id);
    let stated = find("date:1999-03-03").expect("the stated date");
    assert_eq!(stated["value"], "1999-03-03");
    assert!(stated.get("inferred").is_none(), "{stated}");
    let july = find("date:1999-07-inferred").expect("July, dated by the earlier date");
    assert_eq!(july["value"], "1999-07");
    assert_eq!(july["inferred"], true);
    assert_eq!(july["name"], "1999-07 (inferred)");
    assert_eq!(july["mentions"][0]["text"], "July");
    let friday = find("date:friday").expect("a weekday with nothing to count from");
    assert_eq!(friday["value"], serde_json::Value::Null);
    assert!(friday.get("inferred").is_none(), "{friday}");
}
