//! Reading a folder of documents: walking it, decoding each supported file and
//! deriving a title. The corpus folder is only ever read, never written.

mod decode;
mod document;
mod error;
pub mod formats;
mod html;
mod ingest;
mod manifest;
mod markdown;
mod reader;
mod text;
mod walk;
mod watch;

pub use decode::{Decoded, decode};
pub use document::{DocId, Document, Format, Metadata, Problem, ProblemKind, sort_documents};
pub use error::{CorpusError, FileError, human_size};
pub use html::{HtmlText, html_to_text};
pub use ingest::{
    IngestEvent, IngestOptions, IngestSummary, Reuse, ingest_folder, ingest_folder_reusing,
};
pub use manifest::{FileStamp, Manifest, same_size_and_date};
pub use reader::{Extracted, FileDocuments, extract, files_read};
pub use watch::{ChangeNotice, FolderWatch};
