//! Corpus Explorer core: reading a folder of documents, extracting entities,
//! searching, and the saved workspace. Nothing here knows about egui.

pub mod corpus;
pub mod extract;
pub mod workspace;
#[cfg(feature = "gui")]
pub mod app;
