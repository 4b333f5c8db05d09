//! The corpus's entities as the views use them: which documents mention which entity and
//! where, the filters the user stacks up (an entity, a map area, a time range), the
//! counts under those filters, what appears together, and the sentence around a mention.
//! Built from an [`Extraction`](crate::extract::Extraction); knows nothing of egui.

mod context;
mod corrections;
mod filter;
mod in_place;
mod index;

pub use context::{one_line, phrase_at, sentence_around, snippet_around};
pub use corrections::{
    Corrected, Correction, CorrectionProblem, MarkedText, apply_corrections, corrected_index,
};
pub use filter::{Filter, FilterResult, follow_correction};
pub use index::{EntityIndex, IndexedEntity, MentionRef};
