//! Training the name model from annotated sentences (CoNLL columns: token, part of
//! speech, BIO tag), with an averaged structured perceptron. The sentences are joined
//! back into plain text and read by the same tokenizer and features as any document,
//! so what the model learns is what it will see. Deterministic: the same data gives the
//! same model.

use foldhash::{HashMap, HashMapExt};

use super::features::{Hint, Resources, Sequence, sequence};
use super::labels::{LABELS, OUTSIDE, begin, inside, kind_index};
use super::model::{Weights, decode};
use crate::extract::EntityKind;
use crate::extract::tokens::Token;

/// A name in a training text: byte range and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldName {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
}

/// One annotated document as plain text, one sentence per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainingDoc {
    pub id: String,
    pub text: String,
    pub names: Vec<GoldName>,
}

/// Words that open a person tag in the corpus but are not part of the name as we show it
/// ("President", "Prime Minister", "Mr."): the corpus puts titles inside names, we do not.
fn is_title_word(word: &str, titles: &dyn Fn(&str) -> bool) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    titles(&lower)
        || matches!(
            lower.as_str(),
            "prime"
                | "vice"
                | "foreign"
                | "deputy"
                | "former"
                | "acting"
                | "interior"
                | "defense"
                | "defence"
                | "finance"
                | "state"
                | "chief"
                | "senior"
                | "opposition"
                | "grand"
                | "crown"
                | "supreme"
                | "mr"
                | "mrs"
                | "ms"
                | "dr"
        )
}

/// No space before these tokens when the text is put back together.
fn attaches_left(token: &str) -> bool {
    matches!(
        token,
        "." | "," | ";" | ":" | "!" | "?" | ")" | "]" | "%" | "..." | "…" | "/"
    ) || (token.starts_with('\'') || token.starts_with('’')) && token.len() <= 4 && token != "'"
        || token == "n't"
}

/// No space after these.
fn attaches_right(token: &str) -> bool {
    matches!(token, "(" | "[" | "$" | "/" | "#")
}

/// Reads annotated sentences into documents (`-DOCSTART- ID` lines start each).
/// Person names lose their leading titles; nationality words tagged as places
/// ("British") are not places here; times, events, works and phenomena are left out.
pub fn read_conll(conll: &str, titles: &dyn Fn(&str) -> bool) -> Vec<TrainingDoc> {
    let mut docs = Vec::new();
    let mut current: Option<DocBuilder> = None;
    let mut sentence: Vec<(&str, &str, &str)> = Vec::new();
    let flush = |doc: &mut Option<DocBuilder>, sentence: &mut Vec<(&str, &str, &str)>| {
        if let Some(doc) = doc.as_mut()
            && !sentence.is_empty()
        {
            doc.add_sentence(sentence, titles);
        }
        sentence.clear();
    };
    for line in conll.lines() {
        if let Some(id) = line.strip_prefix("-DOCSTART-") {
            flush(&mut current, &mut sentence);
            docs.extend(current.take().map(DocBuilder::finish));
            current = Some(DocBuilder::new(id.trim()));
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if let [token, pos, tag] = cols[..] {
            sentence.push((token, pos, tag));
        } else if line.trim().is_empty() {
            flush(&mut current, &mut sentence);
        }
    }
    flush(&mut current, &mut sentence);
    docs.extend(current.take().map(DocBuilder::finish));
    docs
}

/// A name being read: its tag, byte range, parts of speech and words (range and text).
type OpenName = (
    String,
    usize,
    usize,
    Vec<String>,
    Vec<(usize, usize, String)>,
);

struct DocBuilder {
    doc: TrainingDoc,
    sentences: usize,
}

impl DocBuilder {
    fn new(id: &str) -> DocBuilder {
        DocBuilder {
            doc: TrainingDoc {
                id: id.to_string(),
                text: String::new(),
                names: Vec::new(),
            },
            sentences: 0,
        }
    }

    fn add_sentence(&mut self, sentence: &[(&str, &str, &str)], titles: &dyn Fn(&str) -> bool) {
        let text = &mut self.doc.text;
        // Three sentences to a paragraph, as documents are written: the model learns
        // that a sentence can begin in the middle of a line.
        if !text.is_empty() {
            text.push(if self.sentences.is_multiple_of(3) {
                '\n'
            } else {
                ' '
            });
        }
        self.sentences += 1;
        let mut quote_open = false;
        let mut no_space_next = true;
        // (kind tag, start, end, all parts of speech, first word index)
        let mut open: Option<OpenName> = None;
        let mut finished = Vec::new();
        for &(token, pos, tag) in sentence {
            let is_quote = token == "\"";
            let glue_left = attaches_left(token) || (is_quote && quote_open);
            if !no_space_next && !glue_left {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(token);
            let end = text.len();
            no_space_next = attaches_right(token) || (is_quote && !quote_open);
            if is_quote {
                quote_open = !quote_open;
            }
            let (bio, kind) = tag.split_once('-').unwrap_or((tag, ""));
            let continues = bio == "I" && open.as_ref().is_some_and(|o| o.0 == kind);
            if !continues {
                finished.extend(open.take());
            }
            if bio == "B" || (bio == "I" && !continues) {
                open = Some((kind.to_string(), start, end, Vec::new(), Vec::new()));
            }
            if let Some(o) = open.as_mut() {
                o.2 = end;
                o.3.push(pos.to_string());
                o.4.push((start, end, token.to_string()));
            }
        }
        finished.extend(open.take());
        for (tag, start, end, pos, words) in finished {
            let kind = match tag.as_str() {
                "per" => EntityKind::Person,
                "org" => EntityKind::Organization,
                "geo" => EntityKind::Place,
                "gpe" if pos.iter().any(|p| p == "NNP" || p == "NNPS") => EntityKind::Place,
                _ => continue,
            };
            let mut start = start;
            if kind == EntityKind::Person {
                let titled = words
                    .iter()
                    .take_while(|(_, _, w)| is_title_word(w, titles))
                    .count();
                if titled == words.len() {
                    continue;
                }
                start = words[titled].0;
            }
            self.doc.names.push(GoldName { start, end, kind });
        }
    }

    fn finish(self) -> TrainingDoc {
        self.doc
    }
}

/// The gold label of each position: a token inside a name takes its kind, the first
/// token of the name begins it.
pub fn gold_labels(seq: &Sequence, tokens: &[Token], names: &[GoldName]) -> Vec<usize> {
    let mut labels = vec![OUTSIDE; seq.len()];
    let mut name_at = 0;
    let mut previous_name = None;
    for (p, &i) in seq.token.iter().enumerate() {
        let t = &tokens[i];
        while name_at < names.len() && names[name_at].end <= t.start {
            name_at += 1;
        }
        let Some(name) = names.get(name_at).filter(|n| n.start < t.end) else {
            continue;
        };
        let Some(kind) = kind_index(name.kind) else {
            continue;
        };
        let continues = previous_name == Some(name_at) && p > 0 && !seq.line_start[p];
        labels[p] = if continues { inside(kind) } else { begin(kind) };
        previous_name = Some(name_at);
    }
    labels
}

/// One training text, ready for the perceptron.
pub struct Example {
    pub seq: Sequence,
    pub labels: Vec<usize>,
}

/// Builds the examples: tokenizes each text, computes the hints and features.
pub fn examples(
    docs: &[TrainingDoc],
    res: &Resources,
    hints: &(dyn Fn(&str, &[Token]) -> Vec<Hint> + Sync),
) -> Vec<Example> {
    use rayon::prelude::*;
    docs.par_iter()
        .map(|doc| {
            let tokens = crate::extract::tokens::tokenize(&doc.text);
            let h = hints(&doc.text, &tokens);
            let seq = sequence(&doc.text, &tokens, &h, res);
            let mut names = doc.names.clone();
            names.sort_by_key(|n| (n.start, n.end));
            let labels = gold_labels(&seq, &tokens, &names);
            Example { seq, labels }
        })
        .collect()
}

/// Gold name labels at positions the model never scores (lower case, far from a
/// capital): names it cannot learn.
pub fn unreachable_labels(examples: &[Example]) -> usize {
    examples
        .iter()
        .map(|ex| {
            (0..ex.seq.len())
                .filter(|&p| ex.seq.skipped[p] && ex.labels[p] != OUTSIDE)
                .count()
        })
        .sum()
}

/// Sums for averaging: each weight's running total and when it last changed.
#[derive(Clone, Copy, Default)]
struct Averaged {
    weight: [f32; LABELS],
    total: [f32; LABELS],
    since: [u32; LABELS],
}

/// Trains for `epochs` passes over the lines of `examples`, in an order shuffled with a
/// fixed seed, and returns the averaged weights. `report(epoch, mistakes)` after each.
pub fn train(examples: &[Example], epochs: usize, mut report: impl FnMut(usize, usize)) -> Weights {
    let mut lines: Vec<(usize, std::ops::Range<usize>)> = examples
        .iter()
        .enumerate()
        .flat_map(|(e, ex)| ex.seq.lines().into_iter().map(move |r| (e, r)))
        .collect();
    let mut feats: HashMap<u64, Averaged> = HashMap::with_capacity(1 << 20);
    // (weight, running total, last change) of each label pair.
    let mut trans = [[(0.0f32, 0.0f32, 0u32); LABELS]; LABELS + 1];
    let mut current = Weights::default();
    let mut step: u32 = 0;
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut predicted = Vec::new();
    for epoch in 0..epochs {
        shuffle(&mut lines, &mut seed);
        let mut mistakes = 0;
        for (e, range) in &lines {
            step += 1;
            let ex = &examples[*e];
            decode(&current, &ex.seq, range.clone(), &mut predicted);
            let gold = &ex.labels[range.clone()];
            if predicted == gold {
                continue;
            }
            mistakes += 1;
            for (i, p) in range.clone().enumerate() {
                let (g, y) = (gold[i], predicted[i]);
                let prev = |labels: &[usize]| if i == 0 { LABELS } else { labels[i - 1] };
                let (gp, yp) = (prev(gold), prev(&predicted));
                if g != y {
                    for f in ex.seq.features(p) {
                        let a = feats.entry(*f).or_default();
                        update(a, g, 1.0, step);
                        update(a, y, -1.0, step);
                        current.features.insert(*f, a.weight);
                    }
                }
                if (gp, g) != (yp, y) {
                    for (from, to, by) in [(gp, g, 1.0), (yp, y, -1.0)] {
                        let t = &mut trans[from][to];
                        t.1 += (step - t.2) as f32 * t.0;
                        t.2 = step;
                        t.0 += by;
                        current.transitions[from][to] = t.0;
                    }
                }
            }
        }
        report(epoch + 1, mistakes);
    }
    let mut averaged = Weights::default();
    let steps = step.max(1) as f32;
    averaged.features = feats
        .into_iter()
        .map(|(k, mut a)| {
            for l in 0..LABELS {
                a.total[l] += (step - a.since[l]) as f32 * a.weight[l];
            }
            (k, a.total.map(|t| t / steps))
        })
        .collect();
    for (from, row) in trans.iter().enumerate() {
        for (to, t) in row.iter().enumerate() {
            averaged.transitions[from][to] = (t.1 + (step - t.2) as f32 * t.0) / steps;
        }
    }
    averaged
}

fn update(a: &mut Averaged, label: usize, by: f32, step: u32) {
    a.total[label] += (step - a.since[label]) as f32 * a.weight[label];
    a.since[label] = step;
    a.weight[label] += by;
}

/// Fisher–Yates with a small fixed-seed generator, so training is repeatable.
fn shuffle<T>(items: &mut [T], seed: &mut u64) {
    for i in (1..items.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        let j = (*seed % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_titles(word: &str) -> bool {
        word == "president"
    }

    #[test]
    fn sentences_become_text_with_names_without_titles() {
        let conll = "-DOCSTART- d1\n\nPresident\tNNP\tB-per\nBush\tNNP\tI-per\nvisited\tVBD\tO\n\"\t\"\tO\nNew\tNNP\tB-geo\nYork\tNNP\tI-geo\n\"\t\"\tO\n's\tPOS\tO\nBritish\tJJ\tB-gpe\nlast\tJJ\tB-tim\n.\t.\tO\n\nIraq\tNNP\tB-gpe\n(\t(\tO\nUN\tNNP\tB-org\n)\t)\tO\n";
        let docs = read_conll(conll, &no_titles);
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(
            d.text,
            "President Bush visited \"New York\"'s British last. Iraq (UN)"
        );
        let names: Vec<(&str, EntityKind)> = d
            .names
            .iter()
            .map(|n| (&d.text[n.start..n.end], n.kind))
            .collect();
        assert_eq!(
            names,
            vec![
                ("Bush", EntityKind::Person),
                ("New York", EntityKind::Place),
                ("Iraq", EntityKind::Place),
                ("UN", EntityKind::Organization)
            ]
        );
    }
}
