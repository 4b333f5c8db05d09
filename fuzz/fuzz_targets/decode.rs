//! Encoding detection and decoding on arbitrary bytes, with and without a declared
//! charset (as an HTML page gives).
#![no_main]

use corpus_explorer::corpus::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = decode(data.to_vec(), None);
    let _ = decode(data.to_vec(), declared(data));
});

/// A declared charset chosen by the input, as a page's <meta charset> would be.
fn declared(data: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    const NAMES: [&str; 5] = ["utf-8", "windows-1252", "utf-16le", "shift_jis", "koi8-r"];
    let name = NAMES[data.first().map_or(0, |b| usize::from(*b) % NAMES.len())];
    encoding_rs::Encoding::for_label(name.as_bytes())
}
