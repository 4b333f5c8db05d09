//! Every module of the library imports only from the layers below its own, as drawn in
//! ARCHITECTURE.md (its `layers` block, top layer first, modules of one layer on one
//! line): each `crate::module` path in `src/` is checked against it. Modules of one
//! layer do not import each other either.
#![allow(clippy::unwrap_used)] // reading the repository's own files: a failure should stop the test loudly

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use regex::Regex;

/// Module name → layer (1 is the ground), from ARCHITECTURE.md.
fn layers() -> HashMap<String, usize> {
    let text = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let block = text
        .split("```layers\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("ARCHITECTURE.md has a ```layers block");
    let lines: Vec<&str> = block.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut layer_of = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        for module in line.split_whitespace() {
            layer_of.insert(module.to_owned(), lines.len() - i);
        }
    }
    layer_of
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`None` for lib.rs and main.rs).
fn module_of(file: &Path) -> Option<String> {
    let relative = file.strip_prefix(root().join("src")).unwrap();
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (relative.components().count() > 1 || !["lib", "main"].contains(&name)).then(|| name.to_owned())
}

#[test]
fn imports_point_down_the_layers() {
    let layer_of = layers();
    let path = Regex::new(r"crate::([a-z_]+)").unwrap();
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    files.sort();
    let mut upward = Vec::new();
    for file in &files {
        let Some(module) = module_of(file) else {
            continue;
        };
        let Some(&own) = layer_of.get(&module) else {
            panic!("the module `{module}` is on no layer in ARCHITECTURE.md");
        };
        let text = std::fs::read_to_string(file).unwrap();
        for (number, line) in text.lines().enumerate() {
            // Comments may name any module.
            let code = line.split("//").next().unwrap_or("");
            if code.contains("crate::{") {
                upward.push(format!(
                    "{}:{}: name the module in each `use crate::` line",
                    file.display(),
                    number + 1
                ));
            }
            for used in path.captures_iter(code) {
                let used = &used[1];
                if used == module {
                    continue;
                }
                let Some(&layer) = layer_of.get(used) else {
                    panic!("`crate::{used}` in {} is on no layer", file.display());
                };
                if layer >= own {
                    upward.push(format!(
                        "{}:{}: {module} (layer {own}) uses {used} (layer {layer})",
                        file.display(),
                        number + 1
                    ));
                }
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports that do not point down:\n{}",
        upward.join("\n")
    );
}

#[test]
fn every_module_of_the_library_is_on_a_layer() {
    let layer_of = layers();
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).unwrap();
    let declared = Regex::new(r"pub mod ([a-z_]+);").unwrap();
    for module in declared.captures_iter(&lib) {
        assert!(
            layer_of.contains_key(&module[1]),
            "`{}` is declared in lib.rs but not drawn in ARCHITECTURE.md's layers",
            &module[1]
        );
    }
}
