//! What the model sees of each word: the word and its neighbours, their shapes and
//! affixes, the word lists and gazetteer they are in, what the hand-written rules made
//! of them, and how the same word is written elsewhere in the document. Each feature is
//! a hash of a template number and its parts, computed into one reused buffer.

use foldhash::{HashMap, HashMapExt};
use xxhash_rust::xxh3::xxh3_64;

use crate::extract::gazetteer::{Gazetteer, PlaceKind};
use crate::extract::lexicon::Lexicon;
use crate::extract::spans::strip_possessive;
use crate::extract::tokens::{Token, TokenKind};

/// Changes whenever the features change: a model trained on other features is refused.
pub const FEATURE_VERSION: u32 = 5;

/// What the hand-written rules said of a token: nothing, or a kind and whether the token
/// begins the rules' name (`1 + 2k` begins, `2 + 2k` continues, as the labels).
pub type Hint = u8;

/// The words of one text as the model sees them. Line breaks are left out; a name never
/// crosses one or a sentence boundary, so `line_start` marks where the next word begins
/// a line or a sentence (the training news has one sentence per line; documents often
/// have paragraphs: both look alike to the model).
pub struct Sequence {
    /// Index into the token list of each position.
    pub token: Vec<usize>,
    pub line_start: Vec<bool>,
    /// Positions that are plainly not part of a name (lower case, far from any capital):
    /// the model does not score them.
    pub skipped: Vec<bool>,
    /// The feature hashes of position `p` are `features[offsets[p]..offsets[p + 1]]`.
    offsets: Vec<usize>,
    features: Vec<u64>,
}

impl Sequence {
    pub fn len(&self) -> usize {
        self.token.len()
    }

    pub fn features(&self, position: usize) -> &[u64] {
        &self.features[self.offsets[position]..self.offsets[position + 1]]
    }

    /// Ranges of positions that make up one line each.
    pub fn lines(&self) -> Vec<std::ops::Range<usize>> {
        let mut lines = Vec::new();
        let mut start = 0;
        for p in 1..=self.len() {
            if p == self.len() || self.line_start[p] {
                if start < p {
                    lines.push(start..p);
                }
                start = p;
            }
        }
        lines
    }
}

/// Word-list memberships, one bit each.
mod bit {
    pub const TITLE: u16 = 1;
    pub const ROLE: u16 = 2;
    pub const GIVEN: u16 = 4;
    pub const SURNAME: u16 = 8;
    pub const COMMON: u16 = 16;
    pub const ORG_HEAD: u16 = 32;
    pub const LEGAL: u16 = 64;
    pub const CALENDAR: u16 = 128;
    pub const DEMONYM: u16 = 256;
    pub const STOPWORD: u16 = 512;
}

/// Gazetteer classes of a word or of the multi-word name it is part of.
fn place_class(gazetteer: &Gazetteer, name: &str) -> u8 {
    let mut class = 0;
    for id in gazetteer.lookup(name) {
        let place = gazetteer.place(*id);
        let c = match place.kind {
            PlaceKind::Country => 5,
            PlaceKind::Region => 4,
            PlaceKind::City if place.population >= 100_000 => 3,
            PlaceKind::Site => 2,
            PlaceKind::City => 1,
        };
        class = class.max(c);
    }
    if class > 0 && gazetteer.is_common_word(name) {
        class += 10;
    }
    class
}

/// One position's word facts, computed once and used by its neighbours' features too.
/// Its lower-case form is kept beside it (`lowers` in `Layout::sequence`), borrowed from the text or
/// from one buffer per piece, so no word allocates.
struct Word {
    /// Hashes of the lower-case form and of the shape, shared by the features of the
    /// word and of its neighbours.
    lower_hash: u64,
    shape_hash: u64,
    lists: u16,
    place: u8,
    /// B/I/L of a multi-word gazetteer name this word is part of (0 none).
    multi_place: u8,
    capital: bool,
    /// The same word written in lower case elsewhere in the text (1), capitalised inside
    /// a sentence elsewhere (2).
    elsewhere: u8,
    hint: Hint,
    possessive: bool,
}

/// "Xx", "X.X.", "dd", "x-Xx": each character's class, runs collapsed, cut after six
/// bytes; kept inline.
#[derive(Clone, Copy)]
struct Shape {
    bytes: [u8; 12],
    len: u8,
}

impl Shape {
    fn of(word: &str) -> Shape {
        let mut bytes = [0; 12];
        let mut len = 0;
        let mut last = '\0';
        for c in word.chars() {
            let class = if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_numeric() {
                'd'
            } else {
                c
            };
            if class != last {
                len += class.encode_utf8(&mut bytes[len..]).len();
                last = class;
            }
            if len >= 6 {
                break;
            }
        }
        Shape {
            bytes,
            len: len as u8,
        }
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }
}

/// What a feature reads of a neighbour beyond the line's ends.
const NONE: u64 = 0x6e6f_6e65;

/// Everything the features are computed from.
pub struct Resources<'a> {
    pub lexicon: &'a Lexicon,
    pub gazetteer: &'a Gazetteer,
}

/// `bare`: the word in lower case without a final dot.
fn lists_of(lex: &Lexicon, gazetteer: &Gazetteer, bare: &str, word: &str, capital: bool) -> u16 {
    let mut lists = 0;
    for (set, b) in [
        (&lex.titles, bit::TITLE),
        (&lex.roles, bit::ROLE),
        (&lex.given_names, bit::GIVEN),
        (&lex.surnames, bit::SURNAME),
        (&lex.common_words, bit::COMMON),
        (&lex.org_heads, bit::ORG_HEAD),
        (&lex.legal_suffixes, bit::LEGAL),
        (&lex.stopwords, bit::STOPWORD),
    ] {
        if set.contains(bare) {
            lists |= b;
        }
    }
    if lex.months_weekdays.contains(bare) || lex.holidays.contains(bare) {
        lists |= bit::CALENDAR;
    }
    if capital && (lex.demonyms.contains(bare) || gazetteer.is_demonym(word)) {
        lists |= bit::DEMONYM;
    }
    lists
}

/// The longest run of positions read at once: a text is read in pieces of whole lines
/// (a longer line is cut), so a huge document costs memory in proportion to a piece.
pub const PIECE: usize = 2048;

/// What is known of a whole text before it is read piece by piece: which tokens are
/// positions (line breaks are not), where lines begin, which positions are scored,
/// and how each capitalised word is written elsewhere in the text.
pub struct Layout {
    token: Vec<usize>,
    line_start: Vec<bool>,
    capital: Vec<bool>,
    skipped: Vec<bool>,
    /// Lower-case form of each capitalised word → `Word::elsewhere` flags.
    elsewhere: HashMap<String, u8>,
}

/// "Mr." and "Mr", "Corp." and "Corp" are one word to the model.
fn without_final_dots(bare: &str) -> &str {
    bare.trim_end_matches('.')
}

impl Layout {
    pub fn new(text: &str, tokens: &[Token]) -> Layout {
        let mut token = Vec::with_capacity(tokens.len());
        let mut line_start = Vec::with_capacity(tokens.len());
        let mut capital = Vec::with_capacity(tokens.len());
        let mut new_line = true;
        for (i, t) in tokens.iter().enumerate() {
            if t.kind == TokenKind::LineBreak {
                new_line = true;
                continue;
            }
            token.push(i);
            line_start.push(new_line || t.sentence_start);
            capital.push(
                strip_possessive(t.text(text))
                    .chars()
                    .any(char::is_uppercase),
            );
            new_line = false;
        }
        let n = token.len();
        let near_capital =
            |range: std::ops::Range<usize>| range.filter(|&q| q < n).any(|q| capital[q]);
        let skipped = (0..n)
            .map(|p| {
                // Punctuation is never part of a name here, but for "&" ("AT&T", "Procter &
                // Gamble").
                let punct = matches!(tokens[token[p]].kind, TokenKind::Punct(c) if c != '&');
                // A lower-case word may join a name between capitals ("Committee of the Red
                // Cross").
                let joins = near_capital(p.saturating_sub(2)..p) && near_capital(p + 1..p + 3);
                punct || !(capital[p] || joins)
            })
            .collect();
        let elsewhere = elsewhere_flags(text, tokens, &token, &capital);
        Layout {
            token,
            line_start,
            capital,
            skipped,
            elsewhere,
        }
    }

    pub fn len(&self) -> usize {
        self.token.len()
    }

    /// Ranges of positions of at most `PIECE` each, beginning at a line start where
    /// a line allows it.
    pub fn pieces(&self) -> Vec<std::ops::Range<usize>> {
        let mut pieces = Vec::new();
        let mut start = 0;
        let mut last_line_start = 0;
        for p in 1..=self.len() {
            if p < self.len() && self.line_start[p] {
                last_line_start = p;
            }
            if p == self.len() {
                if start < p {
                    pieces.push(start..p);
                }
            } else if p - start >= PIECE {
                let cut = if last_line_start > start {
                    last_line_start
                } else {
                    p
                };
                pieces.push(start..cut);
                start = cut;
            }
        }
        pieces
    }

    /// The positions `range` and their features. `hints[i]` is what the rules said of
    /// token `i`.
    pub fn sequence(
        &self,
        text: &str,
        tokens: &[Token],
        hints: &[Hint],
        res: &Resources,
        range: std::ops::Range<usize>,
    ) -> Sequence {
        let token = self.token[range.clone()].to_vec();
        let mut line_start = self.line_start[range.clone()].to_vec();
        if let Some(first) = line_start.first_mut() {
            // A piece cut inside a long line reads as a new line.
            *first = true;
        }
        let skipped = self.skipped[range.clone()].to_vec();
        let n = token.len();

        // Each word without its possessive ending, once: every fact below reads it.
        let bares: Vec<&str> = token
            .iter()
            .map(|&i| strip_possessive(tokens[i].text(text)))
            .collect();
        // Lower-case forms: the text itself for words without capitals, one buffer for
        // the others.
        let mut buffer = String::new();
        let mut lowered: Vec<Option<std::ops::Range<usize>>> = Vec::with_capacity(n);
        let mut words: Vec<Word> = Vec::with_capacity(n);
        for ((p, &i), bare) in range.clone().zip(&token).zip(&bares) {
            let capital = self.capital[p];
            let mut elsewhere = 0;
            if capital {
                let from = buffer.len();
                push_lowercase(&mut buffer, without_final_dots(bare));
                elsewhere = self.elsewhere.get(&buffer[from..]).copied().unwrap_or(0);
                lowered.push(Some(from..buffer.len()));
            } else {
                lowered.push(None);
            }
            words.push(Word {
                shape_hash: 0,
                lower_hash: 0,
                lists: 0,
                place: 0,
                multi_place: 0,
                capital,
                elsewhere,
                hint: hints.get(i).copied().unwrap_or(0),
                possessive: bare.len() != tokens[i].text(text).len(),
            });
        }
        let lowers: Vec<&str> = bares
            .iter()
            .zip(&lowered)
            .map(|(bare, lowered)| match lowered {
                Some(r) => &buffer[r.clone()],
                None => without_final_dots(bare),
            })
            .collect();
        let mut line = Vec::with_capacity(n);
        let mut current = 0;
        for &starts in &line_start {
            current += usize::from(starts);
            line.push(current);
        }
        mark_places(text, tokens, &token, &line, &mut words, res.gazetteer);
        let is_word: Vec<bool> = token
            .iter()
            .map(|&i| tokens[i].kind == TokenKind::Word)
            .collect();
        mark_read_words(&mut words, &bares, &lowers, &is_word, &skipped, res);

        let mut offsets = Vec::with_capacity(n + 1);
        let mut features = Vec::with_capacity(n * 8);
        offsets.push(0);
        for p in 0..n {
            if !skipped[p] {
                let context = Around {
                    words: &words,
                    lowers: &lowers,
                    line: &line,
                    p,
                };
                position_features(&context, line_start[p], &mut features);
            }
            offsets.push(features.len());
        }
        Sequence {
            token,
            line_start,
            skipped,
            offsets,
            features,
        }
    }
}

/// Whether a scored position lies within `reach` of position `p`.
fn near_scored(skipped: &[bool], p: usize, reach: usize) -> bool {
    (p.saturating_sub(reach)..(p + reach + 1).min(skipped.len())).any(|q| !skipped[q])
}

/// The facts only features read, computed only where they read them: hashes of words up
/// to two positions from a scored one, word lists of scored words and their neighbours
/// (most words of a text are neither).
fn mark_read_words(
    words: &mut [Word],
    bares: &[&str],
    lowers: &[&str],
    is_word: &[bool],
    skipped: &[bool],
    res: &Resources,
) {
    for (p, w) in words.iter_mut().enumerate() {
        if near_scored(skipped, p, 2) {
            w.shape_hash = xxh3_64(Shape::of(bares[p]).as_bytes());
            w.lower_hash = xxh3_64(lowers[p].as_bytes());
        }
        if is_word[p] && near_scored(skipped, p, 1) {
            w.lists = lists_of(res.lexicon, res.gazetteer, lowers[p], bares[p], w.capital);
        }
    }
}

fn push_lowercase(buffer: &mut String, word: &str) {
    if word.is_ascii() {
        buffer.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        buffer.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// All the positions of a text and their features, read at once (training texts are
/// short). `hints[i]` is what the rules said of token `i`.
pub fn sequence(text: &str, tokens: &[Token], hints: &[Hint], res: &Resources) -> Sequence {
    let layout = Layout::new(text, tokens);
    layout.sequence(text, tokens, hints, res, 0..layout.len())
}

/// Gazetteer class of each capitalised word, and of names of two or three words.
fn mark_places(
    text: &str,
    tokens: &[Token],
    token: &[usize],
    line: &[usize],
    words: &mut [Word],
    gazetteer: &Gazetteer,
) {
    // Names repeat in a text: each is looked up once.
    let mut seen: HashMap<&str, u8> = HashMap::new();
    let mut class = |start: usize, end: usize| -> u8 {
        let name = &text[start..end];
        *seen
            .entry(name)
            .or_insert_with(|| place_class(gazetteer, name))
    };
    let n = token.len();
    let word_end = |q: usize| {
        let t = &tokens[token[q]];
        t.start + strip_possessive(t.text(text)).len()
    };
    for p in 0..n {
        if !words[p].capital || !tokens[token[p]].is_word() {
            continue;
        }
        let start = tokens[token[p]].start;
        words[p].place = class(start, word_end(p));
        for len in (2..=3).rev() {
            let last = p + len - 1;
            let joined = last < n
                && (p + 1..=last)
                    .all(|q| words[q].capital && tokens[token[q]].is_word() && line[q] == line[p])
                && !words[p..last].iter().any(|w| w.possessive);
            if joined && class(start, word_end(last)) > 0 {
                if words[p].multi_place == 0 {
                    words[p].multi_place = 1;
                }
                for w in &mut words[p + 1..last] {
                    w.multi_place = w.multi_place.max(2);
                }
                words[last].multi_place = 3;
                break;
            }
        }
    }
}

/// For capitalised words: is the word also written in lower case, or capitalised in the
/// middle of a sentence, elsewhere in the text? A sentence's first word takes its
/// evidence from the rest of the document. Keyed by the capitalised words' lower-case
/// forms; a word without capitals is its own lower-case form, so only the capitalised
/// words are lowered (once per distinct spelling).
fn elsewhere_flags(
    text: &str,
    tokens: &[Token],
    token: &[usize],
    capital: &[bool],
) -> HashMap<String, u8> {
    let mut flags: HashMap<String, u8> = HashMap::new();
    let mut lower = String::new();
    for (p, &i) in token.iter().enumerate() {
        if !capital[p] {
            continue;
        }
        let t = &tokens[i];
        lower.clear();
        push_lowercase(
            &mut lower,
            without_final_dots(strip_possessive(t.text(text))),
        );
        let f = if t.sentence_start { 0 } else { 2 };
        match flags.get_mut(lower.as_str()) {
            Some(flag) => *flag |= f,
            None => {
                flags.insert(lower.clone(), f);
            }
        }
    }
    for (p, &i) in token.iter().enumerate() {
        if capital[p] {
            continue;
        }
        let word = without_final_dots(strip_possessive(tokens[i].text(text)));
        if let Some(flag) = flags.get_mut(word) {
            *flag |= 1;
        }
    }
    flags
}

/// One feature's hash: its template number and its parts (word hashes or small
/// values), mixed by folded 128-bit multiplication as in wyhash.
fn combine(template: u64, parts: &[u64]) -> u64 {
    const P0: u64 = 0xa076_1d64_78bd_642f;
    const P1: u64 = 0xe703_7ed1_a0b4_28db;
    let mix = |a: u64, b: u64| {
        let r = u128::from(a) * u128::from(b);
        (r as u64) ^ ((r >> 64) as u64)
    };
    parts
        .iter()
        .fold(mix(template ^ P0, P1), |h, &part| mix(h ^ P0, part ^ P1))
}

fn text_hash(text: &str) -> u64 {
    xxh3_64(text.as_bytes())
}

fn suffix(word: &str, chars: usize) -> &str {
    let start = word
        .char_indices()
        .rev()
        .nth(chars - 1)
        .map_or(0, |(i, _)| i);
    &word[start..]
}

fn prefix(word: &str, chars: usize) -> &str {
    let end = word
        .char_indices()
        .nth(chars)
        .map_or(word.len(), |(i, _)| i);
    &word[..end]
}

/// A position and the words around it on its line.
struct Around<'a> {
    words: &'a [Word],
    lowers: &'a [&'a str],
    line: &'a [usize],
    p: usize,
}

impl Around<'_> {
    fn neighbour(&self, offset: isize) -> Option<usize> {
        let q = self.p.checked_add_signed(offset)?;
        (q < self.words.len() && self.line[q] == self.line[self.p]).then_some(q)
    }

    fn at(&self, offset: isize) -> Option<&Word> {
        self.neighbour(offset).map(|q| &self.words[q])
    }
}

/// `first`: the word starts a sentence or a line (1).
fn position_features(around: &Around, first: bool, out: &mut Vec<u64>) {
    let at = |offset: isize| around.at(offset);
    let w = &around.words[around.p];
    let word = around.lowers[around.p];
    let first = u64::from(first);
    let lower = |o: isize| at(o).map_or(NONE, |w| w.lower_hash);
    let shape_at = |o: isize| at(o).map_or(NONE, |w| w.shape_hash);
    let lists_at = |o: isize| at(o).map_or(u64::from(u16::MAX), |w| u64::from(w.lists));
    let place_at = |o: isize| {
        at(o).map_or(0xffff, |w| {
            u64::from(w.place) << 8 | u64::from(w.multi_place)
        })
    };
    let hint_at = |o: isize| at(o).map_or(255, |w| u64::from(w.hint));
    let flags = u64::from(w.elsewhere) << 8 | u64::from(w.possessive);
    let (this, shape, lists) = (w.lower_hash, w.shape_hash, u64::from(w.lists));

    let mut push = |template: u64, parts: &[u64]| out.push(combine(template, parts));
    push(0, &[]);
    push(1, &[this]);
    push(2, &[lower(-1)]);
    push(3, &[lower(1)]);
    push(4, &[lower(-2)]);
    push(5, &[lower(2)]);
    push(6, &[shape]);
    push(7, &[shape_at(-1), shape]);
    push(8, &[shape, shape_at(1)]);
    push(9, &[text_hash(suffix(word, 3))]);
    push(10, &[text_hash(suffix(word, 2))]);
    push(11, &[text_hash(prefix(word, 3))]);
    push(12, &[lower(-1), this]);
    push(13, &[this, lower(1)]);
    push(14, &[first, shape]);
    push(15, &[lists]);
    push(16, &[lists_at(-1)]);
    push(17, &[lists_at(1)]);
    push(18, &[place_at(0)]);
    push(19, &[place_at(-1)]);
    push(20, &[place_at(1)]);
    push(21, &[hint_at(0)]);
    push(22, &[hint_at(-1), hint_at(0), hint_at(1)]);
    push(23, &[flags, first, shape]);
    push(24, &[lower(-1), shape]);
    push(25, &[shape, lower(1)]);
    push(26, &[text_hash(suffix(word, 4))]);
    push(27, &[hint_at(0), lists]);
    push(28, &[place_at(0), first]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        let shape = |w: &str| String::from_utf8_lossy(Shape::of(w).as_bytes()).into_owned();
        assert_eq!(shape("Washington"), "Xx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("al-Qaida"), "x-Xx");
        assert_eq!(shape("1990s"), "dx");
        assert_eq!(shape("NATO"), "X");
        assert_eq!(shape("a–b·c—dé"), "x–x·");
    }

    #[test]
    fn pieces_are_bounded_whole_lines_where_lines_allow() {
        let short_lines = "One Two three.\n".repeat(2000);
        let one_line = "word ".repeat(5000);
        for text in [short_lines, one_line] {
            let tokens = crate::extract::tokens::tokenize(&text);
            let layout = Layout::new(&text, &tokens);
            let pieces = layout.pieces();
            assert_eq!(pieces.first().map(|p| p.start), Some(0));
            assert_eq!(pieces.last().map(|p| p.end), Some(layout.len()));
            for pair in pieces.windows(2) {
                assert_eq!(pair[0].end, pair[1].start);
            }
            for piece in &pieces {
                assert!(piece.len() <= PIECE && !piece.is_empty(), "{piece:?}");
            }
            if layout.line_start.iter().filter(|&&s| s).count() > 1 {
                assert!(pieces.iter().all(|p| layout.line_start[p.start]));
            }
        }
    }

    #[test]
    fn affixes_count_characters() {
        assert_eq!(suffix("köln", 3), "öln");
        assert_eq!(suffix("ab", 3), "ab");
        assert_eq!(prefix("köln", 2), "kö");
    }
}
