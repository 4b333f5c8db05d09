//! The search box's query language, parsed into a tree the index and the
//! highlighter both read:
//!
//! - words: `okafor lagos` (every word must match: AND is the default);
//! - `"exact phrases"`;
//! - `AND`, `OR`, `NOT` (in capitals), `-word`, `+word`, and brackets;
//! - `prefix*` and `fuzzy~` / `fuzzy~2` (spelling variants within 1 or 2 edits);
//! - fields: `title:word`, `path:interviews`.
//!
//! Words are folded the way the index folds them (lowercase, accents removed),
//! so `Bogotá` finds `bogota`. A word with punctuation inside ("al-Qaeda") is a
//! phrase of its parts.

use super::tokens::fold_words;

/// Which part of a document a leaf is matched against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The text and the title (no `field:` given).
    Any,
    Title,
    Path,
}

/// One thing to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Leaf {
    Word(String),
    Prefix(String),
    /// A word and the number of edits allowed (1 or 2).
    Fuzzy(String, u8),
    Phrase(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    Leaf(Field, Leaf),
    And(Vec<Query>),
    Or(Vec<Query>),
    Not(Box<Query>),
}

/// Why a query could not be read, in words for the search box.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("type something to search for")]
    Empty,
    #[error("a quotation mark is not closed")]
    UnclosedQuote,
    #[error("a bracket is not closed")]
    UnclosedBracket,
    #[error("there is a closing bracket without an opening one")]
    StrayBracket,
    #[error("\"{0}\" needs something after it")]
    Dangling(String),
    #[error("unknown field \"{0}:\" (use title: or path:)")]
    UnknownField(String),
    #[error("\"*\" needs at least two letters before it")]
    ShortPrefix,
    #[error("only NOT terms: add a word to search for")]
    OnlyNot,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word(String),
    Quoted(String),
    Open,
    Close,
    And,
    Or,
    Not,
    Plus,
    Minus,
}

/// Parses the text of the search box.
pub fn parse_query(input: &str) -> Result<Query, QueryError> {
    let tokens = lex(input)?;
    if tokens.is_empty() {
        return Err(QueryError::Empty);
    }
    let mut parser = Parser { tokens, at: 0 };
    let query = parser.or_expr()?;
    if parser.at < parser.tokens.len() {
        return Err(QueryError::StrayBracket);
    }
    let query = query.ok_or(QueryError::Empty)?;
    if !query.has_positive() {
        return Err(QueryError::OnlyNot);
    }
    Ok(query)
}

fn lex(input: &str) -> Result<Vec<Token>, QueryError> {
    let mut tokens = Vec::new();
    let mut chars = input.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '"' | '“' | '”' => {
                chars.next();
                let start = i + c.len_utf8();
                let mut end = None;
                for (j, d) in chars.by_ref() {
                    if matches!(d, '"' | '“' | '”') {
                        end = Some(j);
                        break;
                    }
                }
                let end = end.ok_or(QueryError::UnclosedQuote)?;
                tokens.push(Token::Quoted(input[start..end].to_string()));
            }
            '(' => {
                chars.next();
                tokens.push(Token::Open);
            }
            ')' => {
                chars.next();
                tokens.push(Token::Close);
            }
            '+' | '-' if tokens_may_start_after(input, i) => {
                chars.next();
                tokens.push(if c == '+' { Token::Plus } else { Token::Minus });
            }
            _ => {
                let mut end = input.len();
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_whitespace() || matches!(d, '(' | ')' | '"' | '“' | '”') {
                        end = j;
                        break;
                    }
                    chars.next();
                }
                let word = &input[i..end];
                tokens.push(match word {
                    "AND" | "&&" => Token::And,
                    "OR" | "||" => Token::Or,
                    "NOT" => Token::Not,
                    _ => Token::Word(word.to_string()),
                });
            }
        }
    }
    Ok(tokens)
}

/// A `+` or `-` is an operator only at the start of a word ("-lagos"), not
/// inside one ("al-qaeda", handled as a word).
fn tokens_may_start_after(input: &str, i: usize) -> bool {
    input[..i]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || c == '(')
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn or_expr(&mut self) -> Result<Option<Query>, QueryError> {
        let mut parts = Vec::new();
        parts.extend(self.and_expr()?);
        while self.peek() == Some(&Token::Or) {
            self.at += 1;
            match self.and_expr()? {
                Some(q) => parts.push(q),
                None => return Err(QueryError::Dangling("OR".into())),
            }
        }
        Ok(match parts.len() {
            0 => None,
            1 => parts.pop(),
            _ => Some(Query::Or(parts)),
        })
    }

    fn and_expr(&mut self) -> Result<Option<Query>, QueryError> {
        let mut parts = Vec::new();
        loop {
            match self.peek() {
                None | Some(Token::Close | Token::Or) => break,
                Some(Token::And) => {
                    self.at += 1;
                    if matches!(self.peek(), None | Some(Token::Close | Token::Or)) {
                        return Err(QueryError::Dangling("AND".into()));
                    }
                }
                Some(_) => parts.extend(self.unary()?),
            }
        }
        Ok(match parts.len() {
            0 => None,
            1 => parts.pop(),
            _ => Some(Query::And(parts)),
        })
    }

    fn unary(&mut self) -> Result<Option<Query>, QueryError> {
        match self.peek() {
            Some(Token::Not | Token::Minus) => {
                let name = if self.peek() == Some(&Token::Not) {
                    "NOT"
                } else {
                    "-"
                };
                self.at += 1;
                match self.unary()? {
                    Some(q) => Ok(Some(Query::Not(Box::new(q)))),
                    None => Err(QueryError::Dangling(name.into())),
                }
            }
            Some(Token::Plus) => {
                self.at += 1;
                self.unary()
            }
            _ => self.primary(),
        }
    }

    fn primary(&mut self) -> Result<Option<Query>, QueryError> {
        let Some(token) = self.tokens.get(self.at).cloned() else {
            return Ok(None);
        };
        self.at += 1;
        match token {
            Token::Open => {
                let inner = self.or_expr()?;
                if self.peek() != Some(&Token::Close) {
                    return Err(QueryError::UnclosedBracket);
                }
                self.at += 1;
                Ok(inner)
            }
            Token::Close => Err(QueryError::StrayBracket),
            Token::Quoted(text) => Ok(phrase(Field::Any, &text)),
            Token::Word(word) => self.word(&word),
            Token::And | Token::Or | Token::Not | Token::Plus | Token::Minus => Ok(None),
        }
    }

    /// A word, with a `field:` before it or a `*` / `~` after it.
    fn word(&mut self, word: &str) -> Result<Option<Query>, QueryError> {
        if let Some((name, rest)) = word.split_once(':')
            && !name.is_empty()
            && name.chars().all(char::is_alphabetic)
        {
            let field = match name.to_lowercase().as_str() {
                "title" => Field::Title,
                "path" => Field::Path,
                "text" | "body" => Field::Any,
                _ => return Err(QueryError::UnknownField(name.to_string())),
            };
            if rest.is_empty() {
                // `title:"a phrase"`: the phrase is the next token.
                return match self.tokens.get(self.at).cloned() {
                    Some(Token::Quoted(text)) => {
                        self.at += 1;
                        Ok(phrase(field, &text))
                    }
                    _ => Err(QueryError::Dangling(format!("{name}:"))),
                };
            }
            return leaf(field, rest);
        }
        leaf(Field::Any, word)
    }
}

fn leaf(field: Field, word: &str) -> Result<Option<Query>, QueryError> {
    if let Some(stem) = word.strip_suffix('*') {
        let folded = fold_words(stem);
        return match folded.as_slice() {
            [one] if one.chars().count() >= 2 => {
                Ok(Some(Query::Leaf(field, Leaf::Prefix(one.clone()))))
            }
            [] | [_] => Err(QueryError::ShortPrefix),
            _ => Ok(phrase(field, stem)),
        };
    }
    if let Some((stem, edits)) = word.rsplit_once('~') {
        let edits = match edits {
            "" | "1" => 1,
            _ => 2,
        };
        let folded = fold_words(stem);
        if let [one] = folded.as_slice() {
            return Ok(Some(Query::Leaf(field, Leaf::Fuzzy(one.clone(), edits))));
        }
        return Ok(phrase(field, stem));
    }
    Ok(phrase(field, word))
}

/// The words of `text` as one leaf: a word, a phrase, or nothing.
fn phrase(field: Field, text: &str) -> Option<Query> {
    let mut words = fold_words(text);
    match words.len() {
        0 => None,
        1 => words.pop().map(|w| Query::Leaf(field, Leaf::Word(w))),
        _ => Some(Query::Leaf(field, Leaf::Phrase(words))),
    }
}

impl Query {
    /// Whether anything in the query must be found (not only excluded).
    fn has_positive(&self) -> bool {
        match self {
            Query::Leaf(..) => true,
            Query::And(parts) | Query::Or(parts) => parts.iter().any(Query::has_positive),
            Query::Not(_) => false,
        }
    }

    /// The leaves a document's text is highlighted with: those not under a NOT.
    pub fn positive_leaves(&self) -> Vec<(Field, &Leaf)> {
        let mut out = Vec::new();
        self.collect_positive(&mut out);
        out
    }

    fn collect_positive<'a>(&'a self, out: &mut Vec<(Field, &'a Leaf)>) {
        match self {
            Query::Leaf(field, leaf) => out.push((*field, leaf)),
            Query::And(parts) | Query::Or(parts) => {
                parts.iter().for_each(|p| p.collect_positive(out));
            }
            Query::Not(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str) -> Query {
        Query::Leaf(Field::Any, Leaf::Word(w.into()))
    }

    #[test]
    fn words_are_anded_and_folded() {
        assert_eq!(
            parse_query("Okafor  Bogotá"),
            Ok(Query::And(vec![word("okafor"), word("bogota")]))
        );
    }

    #[test]
    fn phrases_operators_and_brackets() {
        assert_eq!(
            parse_query("\"Lagos Courier\" OR (aid AND -containers)"),
            Ok(Query::Or(vec![
                Query::Leaf(
                    Field::Any,
                    Leaf::Phrase(vec!["lagos".into(), "courier".into()])
                ),
                Query::And(vec![word("aid"), Query::Not(Box::new(word("containers")))]),
            ]))
        );
        assert_eq!(
            parse_query("archive NOT kyiv"),
            Ok(Query::And(vec![
                word("archive"),
                Query::Not(Box::new(word("kyiv")))
            ]))
        );
    }

    #[test]
    fn prefix_fuzzy_and_fields() {
        assert_eq!(
            parse_query("whitf*"),
            Ok(Query::Leaf(Field::Any, Leaf::Prefix("whitf".into())))
        );
        assert_eq!(
            parse_query("qadhafi~2"),
            Ok(Query::Leaf(Field::Any, Leaf::Fuzzy("qadhafi".into(), 2)))
        );
        assert_eq!(
            parse_query("title:archive path:interviews"),
            Ok(Query::And(vec![
                Query::Leaf(Field::Title, Leaf::Word("archive".into())),
                Query::Leaf(Field::Path, Leaf::Word("interviews".into())),
            ]))
        );
        assert_eq!(
            parse_query("title:\"open archives\""),
            Ok(Query::Leaf(
                Field::Title,
                Leaf::Phrase(vec!["open".into(), "archives".into()])
            ))
        );
    }

    #[test]
    fn hyphenated_words_are_phrases() {
        assert_eq!(
            parse_query("al-Qaeda"),
            Ok(Query::Leaf(
                Field::Any,
                Leaf::Phrase(vec!["al".into(), "qaeda".into()])
            ))
        );
    }

    #[test]
    fn mistakes_are_explained() {
        assert_eq!(parse_query("   "), Err(QueryError::Empty));
        assert_eq!(parse_query("\"open"), Err(QueryError::UnclosedQuote));
        assert_eq!(parse_query("(open"), Err(QueryError::UnclosedBracket));
        assert_eq!(parse_query("open)"), Err(QueryError::StrayBracket));
        assert_eq!(
            parse_query("open OR"),
            Err(QueryError::Dangling("OR".into()))
        );
        assert_eq!(
            parse_query("author:smith"),
            Err(QueryError::UnknownField("author".into()))
        );
        assert_eq!(parse_query("a*"), Err(QueryError::ShortPrefix));
        assert_eq!(parse_query("-lagos"), Err(QueryError::OnlyNot));
    }
}
