//! Reading a corpus folder: the ingest of its files, the extraction of their entities on
//! a thread of its own as they arrive (with snapshots of the entities for the views), and
//! the cache that makes a second reading cheap. It stands above `corpus`, `extract`,
//! `entities` and `cache`, and ties them together; none of them imports it.

mod extraction;
mod read;
mod reopen;

pub use extraction::{
    CorrectedIndex, EntitySnapshot, ExtractionCache, ExtractionEvent, ExtractionFeed,
    ExtractionOutcome, start_extraction, start_extraction_cached,
};
pub use read::{CorpusRead, read_corpus};
pub use reopen::reopen_corpus;
