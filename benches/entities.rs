//! What the sidebar and corrections cost at scale, on a synthetic corpus of 100,000
//! documents and 50,000 entities (about 3 million mentions): building the index,
//! counting under a filter, filtering the names, and applying a merge end to end
//! (corrections replayed + index rebuilt + counts), which is what the UI waits for.
//! Run: `cargo bench --no-default-features --bench entities`.

use std::time::{Duration, Instant};

use corpus_explorer::entities::{Correction, EntityIndex, Filter, apply_corrections};
use corpus_explorer::extract::{Entity, EntityKind, Extraction, Mention};

const DOCUMENTS: usize = 100_000;
const ENTITIES: usize = 50_000;
const MENTIONS_PER_DOC: usize = 30;

/// Zipf-like: a few entities are everywhere, most are rare, as in real corpora.
fn extraction() -> (Extraction, Vec<String>) {
    let paths: Vec<String> = (0..DOCUMENTS)
        .map(|i| format!("f{:03}/doc{i}.txt", i % 500))
        .collect();
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); ENTITIES];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for (doc, path) in paths.iter().enumerate() {
        let path: std::sync::Arc<str> = path.as_str().into();
        for k in 0..MENTIONS_PER_DOC {
            let r = (next() % 1_000_000) as f64 / 1_000_000.0;
            let entity = ((ENTITIES as f64).powf(r) as usize).min(ENTITIES - 1);
            let start = k * 40 + doc % 7;
            mentions[entity].push(Mention {
                path: std::sync::Arc::clone(&path),
                start,
                end: start + 12,
                text: format!("Name {entity}").into(),
            });
        }
    }
    let kinds = EntityKind::ALL;
    let entities = mentions
        .into_iter()
        .enumerate()
        .map(|(i, mentions)| {
            let kind = kinds[i % 4];
            Entity {
                id: format!("{}:name-{i}", kind.key()),
                kind,
                name: format!("Name {i}"),
                aliases: vec![format!("N. {i}")],
                mentions,
                lat: None,
                lon: None,
                country: None,
                value: (kind == EntityKind::Date).then(|| format!("{}", 1900 + i % 120)),
                inferred: false,
            }
        })
        .collect();
    (
        Extraction {
            entities,
            suggestions: Vec::new(),
        },
        paths,
    )
}

fn time<T>(what: &str, runs: usize, mut f: impl FnMut() -> T) -> T {
    let mut times: Vec<Duration> = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let started = Instant::now();
        last = Some(f());
        times.push(started.elapsed());
    }
    times.sort();
    println!(
        "{what:<48} median {:>8.1} ms   max {:>8.1} ms",
        times[times.len() / 2].as_secs_f64() * 1000.0,
        times[times.len() - 1].as_secs_f64() * 1000.0
    );
    last.expect("at least one run")
}

fn main() {
    let started = Instant::now();
    let (extraction, paths) = extraction();
    let mentions: usize = extraction.entities.iter().map(|e| e.mentions.len()).sum();
    println!(
        "corpus: {DOCUMENTS} documents, {ENTITIES} entities, {mentions} mentions (generated in {:.1} s)",
        started.elapsed().as_secs_f64()
    );
    let index = time("build the entity index", 3, || {
        EntityIndex::build(&extraction, &paths)
    });
    time("count all entities, no filter", 5, || index.apply(&[]));
    let busiest = index
        .entities()
        .iter()
        .max_by_key(|e| e.docs.len())
        .map(|e| e.id.clone())
        .expect("entities");
    let filter = [Filter::Entity {
        id: busiest.clone(),
    }];
    let filtered = time("count all entities under an entity filter", 5, || {
        index.apply(&filter)
    });
    println!(
        "  (the filter lets {} documents through)",
        filtered.document_count
    );
    time("sidebar name filter over 50,000 names", 5, || {
        index
            .entities()
            .iter()
            .filter(|e| e.matches("name 12"))
            .count()
    });
    let merge = Correction::Merge {
        into: busiest,
        others: vec![index.entities()[2].id.clone()],
    };
    let mut in_place: Vec<Duration> = (0..5)
        .map(|_| {
            let mut copy = index.clone();
            let started = Instant::now();
            copy.apply_in_place(&merge);
            copy.apply(&filter);
            started.elapsed()
        })
        .collect();
    in_place.sort();
    println!(
        "{:<48} median {:>8.1} ms   max {:>8.1} ms",
        "merge in place + recount (what the UI waits for)",
        in_place[2].as_secs_f64() * 1000.0,
        in_place[4].as_secs_f64() * 1000.0
    );
    time("merge: replay corrections + rebuild + recount", 3, || {
        let (corrected, _) = apply_corrections(&extraction, std::slice::from_ref(&merge));
        let index = EntityIndex::build_from(&corrected.entities, &corrected.suggestions, &paths);
        index.apply(&filter)
    });
}
