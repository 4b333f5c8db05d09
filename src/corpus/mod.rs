//! Reading a folder of documents: walking it, decoding each supported file and
//! deriving a title. The corpus folder is only ever read, never written.

mod document;
pub mod formats;
mod ingest;

pub use document::{DocId, Document, Format, Problem};
pub use ingest::{IngestEvent, IngestOptions, IngestSummary, ingest_folder};
