//! The workspace loader on arbitrary text: it returns a workspace or an error,
//! never panics; a workspace it accepts saves and loads back the same.
#![no_main]

use std::path::Path;

use corpus_explorer::workspace::{parse, to_ron};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let file = Path::new("fuzz.ron");
    if let Ok(workspace) = parse(text, file) {
        let again = parse(&to_ron(&workspace), file).expect("a saved workspace loads");
        assert_eq!(to_ron(&again), to_ron(&workspace));
    }
});
