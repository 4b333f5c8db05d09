//! Corpus Explorer core: reading a folder of documents, extracting entities,
//! searching, and the saved workspace. Nothing here knows about egui.

#[cfg(feature = "gui")]
pub mod app;
pub mod cache;
pub mod corpus;
pub mod entities;
pub mod export;
pub mod extract;
pub mod geo;
pub mod reading;
pub mod search;
pub mod timeline;
pub mod workspace;
