//! Every format reader on arbitrary bytes: the first byte picks the format.
#![no_main]

use corpus_explorer::corpus::{Format, extract};
use libfuzzer_sys::fuzz_target;

const FORMATS: [Format; 8] = [
    Format::PlainText,
    Format::Markdown,
    Format::Html,
    Format::Pdf,
    Format::Docx,
    Format::Odt,
    Format::Email,
    Format::Rtf,
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let format = FORMATS[usize::from(pick) % FORMATS.len()];
    if let Ok(extracted) = extract(format, bytes.to_vec()) {
        // Whatever a reader gives must be usable text.
        assert!(std::str::from_utf8(extracted.text.as_bytes()).is_ok());
    }
});
