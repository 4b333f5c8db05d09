//! The extractor the app and the export call: word lists and gazetteer loaded once,
//! then per-document extraction (names, places with coordinates, dates) and the
//! parallel, cancellable run over a whole corpus.

use foldhash::HashMap;
use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use super::EntityKind;
use super::classify::Context;
use super::classify::{PlaceEvidence, PlaceLookup};
use super::dates::{DateValue, find_dates_in_context};
use super::document::{AcronymDefinition, DocMention, DocumentEntities, find_names};
use super::gazetteer::{Gazetteer, PlaceKind};
use super::lexicon::Lexicon;
use super::link::{Extraction, Linker};
use super::places::resolve_places;
use super::tagged_names::{find_names_tagged, rule_hints};
use super::tagger::train::{self, TrainingDoc};
use super::tagger::{ModelError, Resources, Tagger, Weights};
use super::tokens::Token;

/// Why the extractor could not start.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("the built-in list of places could not be read: {0}")]
    Gazetteer(String),
    #[error("{0}")]
    Model(#[from] ModelError),
}

/// Word lists and gazetteer, loaded once and shared by all threads.
pub struct Extractor {
    lexicon: Lexicon,
    gazetteer: Gazetteer,
    /// The trained name model; without it (tests of the rules) the rules decide alone.
    tagger: Option<Tagger>,
}

/// The gazetteer seen by one document's classifier, with a cache: the same names
/// come back many times in a document and folding them is the costly part.
struct GazetteerPlaces<'a> {
    gazetteer: &'a Gazetteer,
    seen: RefCell<HashMap<String, Option<PlaceEvidence>>>,
}

impl GazetteerPlaces<'_> {
    fn evidence(&self, name: &str) -> Option<PlaceEvidence> {
        let ids = self.gazetteer.lookup(name);
        let mut evidence: Option<PlaceEvidence> = None;
        for id in ids {
            let place = self.gazetteer.place(*id);
            let major = matches!(place.kind, PlaceKind::Country | PlaceKind::Region);
            let e = evidence.get_or_insert(PlaceEvidence {
                major: false,
                population: 0,
            });
            e.major |= major;
            e.population = e.population.max(place.population);
        }
        evidence
    }
}

impl PlaceLookup for GazetteerPlaces<'_> {
    fn place_evidence(&self, name: &str) -> Option<PlaceEvidence> {
        if let Some(known) = self.seen.borrow().get(name) {
            return *known;
        }
        let evidence = self.evidence(name);
        self.seen.borrow_mut().insert(name.to_string(), evidence);
        evidence
    }

    fn is_demonym(&self, word: &str) -> bool {
        self.gazetteer.is_demonym(word)
    }

    fn is_common_word(&self, name: &str) -> bool {
        self.gazetteer.is_common_word(name)
    }
}

impl Extractor {
    /// Loads the embedded word lists, gazetteer and name model.
    pub fn load_embedded() -> Result<Extractor, ExtractError> {
        Ok(Extractor::load_embedded_rules()?.with_tagger(Some(Tagger::embedded()?)))
    }

    /// The embedded word lists and gazetteer with the hand-written rules alone (what the
    /// name model is trained from).
    pub fn load_embedded_rules() -> Result<Extractor, ExtractError> {
        let gazetteer =
            Gazetteer::load_embedded().map_err(|e| ExtractError::Gazetteer(e.to_string()))?;
        Ok(Extractor {
            lexicon: Lexicon::embedded(),
            gazetteer,
            tagger: None,
        })
    }

    /// An extractor over a given gazetteer (tests use a small one), with the built-in
    /// name model.
    pub fn with_gazetteer(gazetteer: Gazetteer) -> Result<Extractor, ExtractError> {
        Ok(Extractor {
            lexicon: Lexicon::embedded(),
            gazetteer,
            tagger: Some(Tagger::embedded()?),
        })
    }

    /// The same extractor with another name model, or with the hand-written rules alone.
    pub fn with_tagger(self, tagger: Option<Tagger>) -> Extractor {
        Extractor { tagger, ..self }
    }

    /// Trains a name model from annotated sentences (CoNLL columns) with this
    /// extractor's word lists, gazetteer and rules; documents for which `train_on`
    /// says false are left out (held back for measuring).
    pub fn train_tagger(
        &self,
        conll: &str,
        epochs: usize,
        train_on: impl Fn(usize) -> bool,
        report: impl FnMut(usize, usize),
    ) -> Weights {
        let titles = |w: &str| self.lexicon.is_title(w);
        let docs: Vec<TrainingDoc> = train::read_conll(conll, &titles)
            .into_iter()
            .enumerate()
            .filter(|(i, _)| train_on(*i))
            .map(|(_, d)| d)
            .collect();
        let hints = |text: &str, tokens: &[Token]| {
            let places = GazetteerPlaces {
                gazetteer: &self.gazetteer,
                seen: RefCell::default(),
            };
            rule_hints(&Context {
                text,
                tokens,
                lex: &self.lexicon,
                places: &places,
            })
        };
        let examples = train::examples(&docs, &self.resources(), &hints);
        let unreachable = train::unreachable_labels(&examples);
        if unreachable > 0 {
            eprintln!("{unreachable} name tokens lie where the model does not look");
        }
        train::train(&examples, epochs, report)
    }

    pub(crate) fn resources(&self) -> Resources<'_> {
        Resources {
            lexicon: &self.lexicon,
            gazetteer: &self.gazetteer,
        }
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// People, organisations, places and dates of one document.
    pub fn extract_document(&self, path: &str, text: &str) -> DocumentEntities {
        self.extract_dated_document(path, text, None)
    }

    /// Like [`Extractor::extract_document`], for a document whose own date is known
    /// (its metadata, an e-mail's Date header): partial dates and weekdays are
    /// completed from it.
    pub fn extract_dated_document(
        &self,
        path: &str,
        text: &str,
        document_date: Option<DateValue>,
    ) -> DocumentEntities {
        self.extract_reporting(path, text, document_date, &|_| {})
    }

    /// Like [`Extractor::extract_dated_document`], telling `progress` how many bytes of
    /// the text are done as sections of a long text are. A text longer than a section
    /// is read a section at a time (cut at paragraph breaks), so a 50 MB file needs the
    /// working memory of a few sections, not of the whole text at once; the consistency
    /// rules ("Whitfield" is "Ruth Whitfield") then hold within a section.
    pub fn extract_reporting(
        &self,
        path: &str,
        text: &str,
        document_date: Option<DateValue>,
        progress: &(dyn Fn(usize) + Sync),
    ) -> DocumentEntities {
        let done = AtomicUsize::new(0);
        let parts: Vec<(Vec<DocMention>, Vec<AcronymDefinition>)> = sections(text)
            .par_iter()
            .map(|range| {
                let found = self.section_entities(&text[range.clone()], range.start, document_date);
                progress(done.fetch_add(range.len(), Ordering::Relaxed) + range.len());
                found
            })
            .collect();
        let mut mentions = Vec::new();
        let mut acronyms = Vec::new();
        for (m, a) in parts {
            mentions.extend(m);
            acronyms.extend(a);
        }
        acronyms.dedup();
        mentions.sort_by_key(|m| (m.start, m.end));
        DocumentEntities {
            path: path.to_string(),
            mentions,
            acronyms,
        }
    }

    /// Names (places resolved within the section) and dates of one section of a text starting at
    /// byte `offset`, with offsets into the whole text.
    fn section_entities(
        &self,
        text: &str,
        offset: usize,
        document_date: Option<DateValue>,
    ) -> (Vec<DocMention>, Vec<AcronymDefinition>) {
        let places = GazetteerPlaces {
            gazetteer: &self.gazetteer,
            seen: RefCell::default(),
        };
        let (mut mentions, acronyms) = match &self.tagger {
            Some(tagger) => {
                find_names_tagged(text, &self.lexicon, &places, tagger, &self.resources())
            }
            None => find_names(text, &self.lexicon, &places),
        };
        resolve_places(&self.gazetteer, text, &mut mentions);
        let dates = find_dates_in_context(text, document_date);
        // A date span wins over a name span it overlaps ("May 1999" is not a person).
        // Dates are sorted and never cross, so their ends are sorted too.
        mentions.retain(|m| {
            let first_after = dates.partition_point(|d| d.end <= m.start);
            dates.get(first_after).is_none_or(|d| d.start >= m.end)
        });
        mentions.extend(dates.into_iter().map(|d| DocMention {
            kind: EntityKind::Date,
            start: d.start,
            end: d.end,
            text: text[d.start..d.end].to_string(),
            key: d.key(),
            place: None,
        }));
        for m in &mut mentions {
            m.start += offset;
            m.end += offset;
        }
        (mentions, acronyms)
    }
}

/// A text longer than this is extracted a section at a time: small enough that the
/// document-wide steps, some of which compare every name with every other, stay quick.
const SECTION_BYTES: usize = 256 * 1024;

/// The byte ranges a text is read in: the whole text when it is short, else sections
/// of about [`SECTION_BYTES`] ending at a paragraph break (or a line break, or a space)
/// in their last quarter, so that a sentence is rarely cut.
fn sections(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    while text.len() - start > SECTION_BYTES {
        let mut limit = start + SECTION_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let mut from = start + SECTION_BYTES * 3 / 4;
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let window = &text[from..limit];
        let after = |at: Option<usize>, len: usize| at.map(|i| from + i + len);
        let end = after(window.rfind("\n\n"), 2)
            .or_else(|| after(window.rfind('\n'), 1))
            .or_else(|| after(window.rfind(' '), 1))
            .unwrap_or(limit);
        ranges.push(start..end);
        start = end;
    }
    ranges.push(start..text.len());
    ranges
}

/// Extracts every document in parallel and links the results. Checks `cancel` between
/// documents (returns `None` when cancelled) and reports `progress(done, total)`.
pub fn extract_corpus(
    extractor: &Extractor,
    docs: &[(&str, &str)],
    cancel: &AtomicBool,
    progress: impl Fn(usize, usize) + Sync,
) -> Option<Extraction> {
    // Documents are extracted a chunk at a time and linked as they come, so
    // only one chunk's per-document results are held at once.
    const CHUNK: usize = 256;
    let done = AtomicUsize::new(0);
    let total = docs.len();
    let extract_chunk = |chunk: &[(&str, &str)]| -> Vec<DocumentEntities> {
        chunk
            .par_iter()
            .filter_map(|(path, text)| {
                if cancel.load(Ordering::Relaxed) {
                    return None;
                }
                let result = extractor.extract_document(path, text);
                progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
                Some(result)
            })
            .collect()
    };
    let mut linker = Linker::default();
    let mut chunks = docs.chunks(CHUNK);
    let mut found = chunks.next().map(extract_chunk).unwrap_or_default();
    loop {
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
        // Linking is sequential: it runs beside the next chunk's extraction.
        let next = chunks.next();
        let ((), next_found) = rayon::join(
            || found.into_iter().for_each(|doc| linker.add(doc)),
            || next.map(extract_chunk),
        );
        match next_found {
            Some(more) => found = more,
            None => break,
        }
    }
    Some(linker.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn sections_cover_a_long_text_and_end_at_paragraphs() {
        let paragraph = format!("{}\n\n", "Amina Okafor flew to Lagos. ".repeat(40));
        let text = paragraph.repeat(3 * SECTION_BYTES / paragraph.len());
        let ranges = sections(&text);
        assert!(ranges.len() >= 3, "{} sections", ranges.len());
        assert_eq!(ranges[0].start, 0);
        assert_eq!(ranges[ranges.len() - 1].end, text.len());
        for pair in ranges.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            assert!(text[..pair[0].end].ends_with("\n\n"));
            assert!(pair[0].len() <= SECTION_BYTES);
        }
        assert_eq!(sections("short"), vec![0..5]);
    }

    #[test]
    fn a_long_text_reports_progress_and_keeps_exact_offsets() {
        let extractor = Extractor::load_embedded().expect("engine loads");
        let paragraph = "Amina Okafor flew from Geneva to Lagos on 3 March 1999 to meet \
            the World Health Organization.\n\n";
        let text = paragraph.repeat(SECTION_BYTES * 2 / paragraph.len() + 7);
        let reports = Mutex::new(Vec::new());
        let found = extractor.extract_reporting("long.txt", &text, None, &|done| {
            reports.lock().expect("not poisoned").push(done);
        });
        let mut reports = reports.into_inner().expect("not poisoned");
        reports.sort_unstable();
        assert!(reports.len() >= 3, "{reports:?}");
        assert_eq!(reports.last(), Some(&text.len()));
        let copies = text.len() / paragraph.len();
        let lagos = found.mentions.iter().filter(|m| m.text == "Lagos").count();
        assert_eq!(lagos, copies, "every section's places are found");
        for m in &found.mentions {
            assert_eq!(text[m.start..m.end], m.text, "offsets into the whole text");
        }
        assert!(found.mentions.is_sorted_by_key(|m| m.start));
    }
}
