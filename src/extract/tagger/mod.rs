//! The learned name tagger: an averaged-perceptron sequence model over the words of a
//! text that decides where person, organisation and place names begin and end, and
//! which kind each is. It reads the hand-written rules' opinion as one of its features,
//! so the rules' knowledge (titles, cue words, gazetteer, acronyms) is kept where it
//! helps and overruled where the annotated news shows it wrong.
//!
//! The model is trained by `corpus-explorer train-tagger` (see `scripts/build_tagger`)
//! from the Groningen Meaning Bank's annotated Voice of America news, and built into
//! the binary.

mod features;
mod labels;
mod model;
pub mod train;

pub use features::{FEATURE_VERSION, Hint, Resources};
pub use model::{Compact, ModelError, Weights};

use super::EntityKind;
use super::tokens::Token;
use labels::{KINDS, is_inside, kind_of};

static EMBEDDED: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/tagger.bin.gz"));

/// A name the tagger found: tokens `[first, last]` of the text's token list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaggedName {
    pub first: usize,
    pub last: usize,
    pub kind: EntityKind,
}

/// The trained model.
#[derive(Debug, Clone)]
pub struct Tagger {
    weights: Compact,
}

impl Tagger {
    /// The model built into the program.
    pub fn embedded() -> Result<Tagger, ModelError> {
        Tagger::from_bytes(EMBEDDED)
    }

    /// A model written by `Weights::to_bytes`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        Ok(Tagger {
            weights: Compact::from_bytes(bytes)?,
        })
    }

    pub fn from_weights(weights: Weights) -> Tagger {
        Tagger {
            weights: Compact::from(&weights),
        }
    }

    /// How many features the model weighs.
    pub fn feature_count(&self) -> usize {
        self.weights.feature_count()
    }

    /// The names of a text. `hints[i]` is the rules' opinion of token `i`.
    pub fn names(
        &self,
        text: &str,
        tokens: &[Token],
        hints: &[Hint],
        res: &Resources,
    ) -> Vec<TaggedName> {
        let layout = features::Layout::new(text, tokens);
        let mut names = Vec::new();
        for piece in layout.pieces() {
            let seq = layout.sequence(text, tokens, hints, res, piece);
            self.names_of_piece(&seq, &mut names);
        }
        names
    }

    fn names_of_piece(&self, seq: &features::Sequence, names: &mut Vec<TaggedName>) {
        let mut labels = Vec::new();
        for line in seq.lines() {
            if line.clone().all(|p| seq.skipped[p]) {
                continue;
            }
            model::decode(&self.weights, seq, line.clone(), &mut labels);
            let mut open: Option<TaggedName> = None;
            for (p, &label) in line.zip(labels.iter()) {
                let token = seq.token[p];
                match (kind_of(label), open.as_mut()) {
                    (Some(_), Some(name)) if is_inside(label) => {
                        name.last = token;
                    }
                    (Some(kind), _) => {
                        names.extend(open.take());
                        open = Some(TaggedName {
                            first: token,
                            last: token,
                            kind: KINDS[kind],
                        });
                    }
                    (None, _) => names.extend(open.take()),
                }
            }
            names.extend(open.take());
        }
    }
}

/// The hint value for a token the rules put in a name of `kind`.
pub fn hint(kind: EntityKind, begins: bool) -> Hint {
    match labels::kind_index(kind) {
        Some(k) if begins => labels::begin(k) as Hint,
        Some(k) => labels::inside(k) as Hint,
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;

    fn names(text: &str) -> Vec<(EntityKind, String)> {
        let extractor = Extractor::load_embedded().expect("the built-in extractor loads");
        extractor
            .extract_document("news.txt", text)
            .mentions
            .into_iter()
            .filter(|m| m.kind != EntityKind::Date)
            .map(|m| (m.kind, m.text))
            .collect()
    }

    fn has(found: &[(EntityKind, String)], kind: EntityKind, text: &str) -> bool {
        found.iter().any(|(k, t)| *k == kind && t == text)
    }

    #[test]
    fn built_in_model_loads() {
        let tagger = Tagger::embedded().expect("the built-in name model loads");
        assert!(
            tagger.feature_count() > 10_000,
            "{}",
            tagger.feature_count()
        );
    }

    #[test]
    fn place_names_keep_their_leading_word() {
        let f = names(
            "Officials in South Africa and New Zealand met envoys from Sri Lanka on Tuesday.",
        );
        for place in ["South Africa", "New Zealand", "Sri Lanka"] {
            assert!(has(&f, EntityKind::Place, place), "{place}: {f:?}");
        }
    }

    #[test]
    fn organisations_without_a_cue_word() {
        let f = names(
            "The Taliban said it would talk. Hezbollah rejected the plan, and Amnesty International criticised NATO.",
        );
        for org in ["Taliban", "Hezbollah", "Amnesty International", "NATO"] {
            assert!(has(&f, EntityKind::Organization, org), "{org}: {f:?}");
        }
        assert!(!f.iter().any(|(_, t)| t == "International"), "{f:?}");
    }

    #[test]
    fn people_without_their_titles() {
        let f = names("Prime Minister Gordon Brown met President Lula da Silva in London.");
        assert!(has(&f, EntityKind::Person, "Gordon Brown"), "{f:?}");
        assert!(has(&f, EntityKind::Place, "London"), "{f:?}");
    }

    #[test]
    fn a_long_text_read_in_pieces_gives_the_names_of_a_whole_reading() {
        let extractor = Extractor::load_embedded().expect("the built-in extractor loads");
        let res = extractor.resources();
        let tagger = Tagger::embedded().expect("the built-in name model loads");
        let text = "Leila Mansour flew from Geneva to Nairobi with officials of the World \
            Health Organization. The shipment waited at the port of Mombasa.\n"
            .repeat(200);
        let tokens = crate::extract::tokens::tokenize(&text);
        let hints = vec![0; tokens.len()];
        assert!(
            tokens.len() > 2 * features::PIECE,
            "the text spans several pieces"
        );

        let in_pieces = tagger.names(&text, &tokens, &hints, &res);
        let whole = features::sequence(&text, &tokens, &hints, &res);
        let mut at_once = Vec::new();
        tagger.names_of_piece(&whole, &mut at_once);
        assert_eq!(in_pieces, at_once);
        assert!(in_pieces.len() >= 600, "{}", in_pieces.len());
    }

    #[test]
    fn names_do_not_begin_or_end_with_lower_case_words() {
        let f = names("Carlos Mendoza left Quito in the 1990s. Frederik de Klerk spoke.");
        assert!(has(&f, EntityKind::Place, "Quito"), "{f:?}");
        assert!(!f.iter().any(|(_, t)| t.contains("left")), "{f:?}");
        assert!(f.iter().any(|(_, t)| t.contains("de Klerk")), "{f:?}");
    }

    #[test]
    fn headings_in_capitals_are_read_by_the_rules() {
        let f = names("MIDWEST DIVISION\nRESULTS\nThe team from Chicago won.");
        assert!(
            !f.iter()
                .any(|(_, t)| t.contains("DIVISION") || t == "RESULTS"),
            "{f:?}"
        );
        assert!(has(&f, EntityKind::Place, "Chicago"), "{f:?}");
    }
}
