//! Words as search sees them: split on anything that is not a letter or a
//! digit, lowercased, accents folded ("Bogotá" → "bogota"). The index, the
//! query parser and the highlighter all use this one analyzer, so what the
//! index matched is what the reading pane highlights.

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};

/// The name the analyzer is registered under in the index.
pub const ANALYZER: &str = "corpus_folded";

/// Longer tokens (base64 blobs, hashes) are not indexed.
const MAX_TOKEN_BYTES: usize = 60;

pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// One word of a text: its folded form and its byte span in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordToken {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// The words of `text` with their spans, in order.
pub fn word_tokens(text: &str) -> Vec<WordToken> {
    let mut analyzer = analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let token = stream.token();
        out.push(WordToken {
            text: token.text.clone(),
            start: token.offset_from,
            end: token.offset_to,
        });
    }
    out
}

/// The folded words of `text`, without spans.
pub fn fold_words(text: &str) -> Vec<String> {
    word_tokens(text).into_iter().map(|t| t.text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_split_lowercased_and_folded() {
        assert_eq!(
            fold_words("Bogotá, al-Qaeda's KÖLN 2016!"),
            vec!["bogota", "al", "qaeda", "s", "koln", "2016"]
        );
        let tokens = word_tokens("Qué pasa");
        assert_eq!((tokens[0].start, tokens[0].end), (0, 4));
        assert_eq!((tokens[1].start, tokens[1].end), (5, 9));
    }
}
