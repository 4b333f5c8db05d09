//! One file per panel. A panel keeps only its own view state, reads the model through `&`,
//! and asks for changes by pushing commands.

pub mod concordance;
mod doc_details;
pub mod documents;
pub mod entities;
pub mod entity_details;
mod entity_fixes;
pub mod find_bar;
pub mod map;
mod mark_menu;
pub mod menu;
mod pages;
pub mod problems;
pub mod progress;
pub mod reader;
pub mod search_box;
mod search_hits;
pub mod timeline;
pub mod welcome;
