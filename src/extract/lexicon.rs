//! The word lists the extractor reasons with, embedded from `assets/lexicon/`
//! (built by `scripts/build_lexicon.py`). Every entry is lower case.

use std::borrow::Cow;

use foldhash::HashSet;

/// Word lists, each a set of lower-case entries.
#[derive(Debug)]
pub struct Lexicon {
    pub given_names: HashSet<String>,
    pub surnames: HashSet<String>,
    pub common_words: HashSet<String>,
    pub titles: HashSet<String>,
    pub roles: HashSet<String>,
    pub org_heads: HashSet<String>,
    pub legal_suffixes: HashSet<String>,
    pub stopwords: HashSet<String>,
    pub months_weekdays: HashSet<String>,
    pub holidays: HashSet<String>,
    pub non_name_starts: HashSet<String>,
    pub demonyms: HashSet<String>,
}

fn set(text: &str) -> HashSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

macro_rules! list {
    ($name:literal) => {
        set(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/lexicon/",
            $name,
            ".txt"
        )))
    };
}

impl Lexicon {
    /// The lists shipped with the app.
    pub fn embedded() -> Lexicon {
        Lexicon {
            given_names: list!("given_names"),
            surnames: list!("surnames"),
            common_words: list!("common_words"),
            titles: list!("titles"),
            roles: list!("roles"),
            org_heads: list!("org_heads"),
            legal_suffixes: list!("legal_suffixes"),
            stopwords: list!("stopwords"),
            months_weekdays: list!("months_weekdays"),
            holidays: list!("holidays"),
            non_name_starts: list!("non_name_starts"),
            demonyms: list!("demonyms"),
        }
    }

    /// Whether `word` (any case, optional final '.') is a title such as "Dr." or "Senator".
    pub fn is_title(&self, lower: &str) -> bool {
        self.titles.contains(lower.trim_end_matches('.'))
    }

    pub fn is_given_name(&self, lower: &str) -> bool {
        self.given_names.contains(lower)
    }

    /// Common English words, function words included.
    pub fn is_common(&self, lower: &str) -> bool {
        self.common_words.contains(lower) || self.stopwords.contains(lower)
    }

    /// Months, weekdays, holidays and nationalities: capitalised, never a name here.
    pub fn is_calendar_or_demonym(&self, lower: &str) -> bool {
        self.months_weekdays.contains(lower.trim_end_matches('.'))
            || self.holidays.contains(lower)
            || self.demonyms.contains(lower)
    }
}

/// `word` in lowercase, borrowed when it already is: most words of a text are,
/// and the engine looks words up in its lists for nearly every token.
pub fn lowercase(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_hold_expected_words() {
        let lex = Lexicon::embedded();
        assert!(lex.is_given_name("amina"));
        assert!(lex.is_given_name("chidi"));
        assert!(!lex.is_given_name("the"));
        assert!(lex.is_title("dr."));
        assert!(lex.is_title("senator"));
        assert!(lex.org_heads.contains("ministry"));
        assert!(lex.legal_suffixes.contains("gmbh"));
        assert!(lex.is_calendar_or_demonym("march"));
        assert!(lex.is_calendar_or_demonym("french"));
        assert!(lex.is_calendar_or_demonym("new year's day"));
        assert!(lex.is_common("said"));
    }
}
