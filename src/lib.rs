//! Corpus Explorer core: reading a folder of documents, extracting entities,
//! searching, and the saved workspace. Nothing here knows about egui.

pub mod corpus;
pub mod extract;
#[cfg(feature = "gui")]
pub mod app;
