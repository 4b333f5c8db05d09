//! The name variants planted in the sample corpus (the gold lines that give one person or
//! organisation several spellings, joined across documents by a shared full name) each
//! end up as one entity or as entities joined by merge suggestions, so a user sees every
//! variant either merged or offered for merging.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::atomic::AtomicBool;

use corpus_explorer::corpus::{IngestEvent, IngestOptions, ingest_folder};
use corpus_explorer::extract::variants::fold;
use corpus_explorer::extract::{EntityKind, Extraction, Extractor, extract_corpus};

/// One gold line: its document and folded spellings.
struct Variants {
    path: String,
    kind: EntityKind,
    spellings: BTreeSet<String>,
}

fn read_gold(root: &Path) -> (BTreeMap<String, String>, Vec<Variants>) {
    let mut texts = BTreeMap::new();
    let cancel = AtomicBool::new(false);
    ingest_folder(
        &root.join("sample_corpus"),
        &IngestOptions::default(),
        &cancel,
        |event| {
            if let IngestEvent::Document(doc) = event {
                texts.insert(doc.rel_path.clone(), doc.text.to_string());
            }
        },
    )
    .expect("the sample corpus can be read");
    let mut lines = Vec::new();
    for path in texts.keys() {
        let gold = root.join("tests/gold/sample").join(format!("{path}.gold"));
        let gold = std::fs::read_to_string(gold).unwrap_or_default();
        for line in gold.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let kind = match cols.first().copied() {
                Some("person") => EntityKind::Person,
                Some("organization") => EntityKind::Organization,
                _ => continue,
            };
            if let Some(spellings) = cols.get(1) {
                lines.push(Variants {
                    path: path.clone(),
                    kind,
                    spellings: spellings.split('|').map(|s| fold(s.trim())).collect(),
                });
            }
        }
    }
    (texts, lines)
}

/// Representative of `x` in a union-find forest.
fn root_of(parent: &mut HashMap<String, String>, x: &str) -> String {
    let mut x = x.to_string();
    while let Some(p) = parent.get(&x).filter(|p| **p != x).cloned() {
        x = p;
    }
    x
}

fn join(parent: &mut HashMap<String, String>, a: &str, b: &str) {
    let (ra, rb) = (root_of(parent, a), root_of(parent, b));
    parent.insert(ra, rb);
}

/// Gold lines of one kind that share a full (several-word) spelling are one name.
fn name_groups(lines: &[Variants]) -> Vec<Vec<&Variants>> {
    let mut parent = HashMap::new();
    let mut owner: HashMap<(EntityKind, &str), usize> = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        for s in line.spellings.iter().filter(|s| s.contains(' ')) {
            let first = *owner.entry((line.kind, s.as_str())).or_insert(i);
            join(&mut parent, &i.to_string(), &first.to_string());
        }
    }
    let mut groups: BTreeMap<String, Vec<&Variants>> = BTreeMap::new();
    for (i, line) in lines.iter().enumerate() {
        let root = root_of(&mut parent, &i.to_string());
        groups.entry(root).or_default().push(line);
    }
    groups.into_values().collect()
}

/// Ids of the entities of `line`'s kind mentioned in its document under one of its spellings.
fn entities_of(extraction: &Extraction, line: &Variants) -> BTreeSet<String> {
    extraction
        .entities
        .iter()
        .filter(|e| e.kind == line.kind)
        .filter(|e| {
            e.mentions
                .iter()
                .any(|m| *m.path == *line.path && line.spellings.contains(&fold(&m.text)))
        })
        .map(|e| e.id.clone())
        .collect()
}

#[test]
fn planted_variants_are_merged_or_suggested() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (texts, lines) = read_gold(root);
    let extractor = Extractor::load_embedded().expect("embedded lists load");
    let docs: Vec<(&str, &str)> = texts
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let extraction = extract_corpus(&extractor, &docs, &AtomicBool::new(false), |_, _| {})
        .expect("not cancelled");
    let mut joined = HashMap::new();
    for s in &extraction.suggestions {
        for pair in s.entities.windows(2) {
            join(&mut joined, &pair[0], &pair[1]);
        }
    }
    let mut checked = 0;
    let mut apart = Vec::new();
    for group in name_groups(&lines) {
        let ids: BTreeSet<String> = group
            .iter()
            .flat_map(|line| entities_of(&extraction, line))
            .collect();
        if ids.len() < 2 {
            checked += usize::from(ids.len() == 1);
            continue;
        }
        checked += 1;
        let roots: BTreeSet<String> = ids.iter().map(|id| root_of(&mut joined, id)).collect();
        if roots.len() > 1 {
            apart.push(format!("{ids:?}"));
        }
    }
    println!(
        "{checked} planted names found; {} left apart; {} suggestions",
        apart.len(),
        extraction.suggestions.len()
    );
    assert!(checked >= 20, "only {checked} planted names were found");
    assert!(
        apart.is_empty(),
        "variants neither merged nor suggested:\n{}",
        apart.join("\n")
    );
}
