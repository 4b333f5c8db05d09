//! Entity extraction: people, organisations, places (geocoded) and dates
//! (normalised) found in the documents' text, grouped into entities across
//! the corpus with their name variants.

mod classify;
pub mod dates;
mod document;
mod extractor;
pub mod gazetteer;
mod lexicon;
mod link;
mod places;
mod spans;
mod suggest;
mod tagged_names;
pub mod tagger;
mod tokens;
pub mod variants;

pub use document::{AcronymDefinition, DocMention, DocumentEntities, ResolvedPlace};
pub use extractor::{ExtractError, Extractor, extract_corpus};
pub use link::{Extraction, Linker, link, link_owned};

use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// The four kinds of entity the app shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Date,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Date,
    ];

    /// The prefix of entity ids and the `kind` field of exports.
    pub fn key(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Date => "date",
        }
    }
}

/// One occurrence of an entity in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Document path relative to the corpus folder, '/' separators; shared by
    /// all mentions of a document (a corpus has millions of mentions).
    pub path: Arc<str>,
    /// Byte offsets into the document's decoded UTF-8 text.
    pub start: usize,
    pub end: usize,
    /// The surface text as written; shared by the mentions spelled alike.
    pub text: Arc<str>,
}

/// An entity of the corpus: one person, organisation, place or date, with all
/// the spellings it appears under.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id derived from the canonical key, e.g. "person:chidi-okafor".
    pub id: String,
    pub kind: EntityKind,
    /// Canonical name.
    pub name: String,
    /// Other spellings seen in the corpus (not including `name`).
    pub aliases: Vec<String>,
    pub mentions: Vec<Mention>,
    /// Places: coordinates from the gazetteer, if found.
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Places: ISO 3166-1 alpha-2 country code, if known.
    pub country: Option<String>,
    /// Dates: ISO value with its granularity ("1999-03-03", "1979-02", "1968", "1980s").
    pub value: Option<String>,
    /// Dates: the value was completed from the document's date or an earlier date
    /// ("in July" after "2011"), not read whole from the words. Left out when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

/// Two or more entities that may be the same, for the user to decide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeSuggestion {
    pub entities: Vec<String>,
    pub reason: String,
}
