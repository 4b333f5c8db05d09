//! Reading RON text into our types, with errors a reporter can act on:
//! 1-based line and column, and a plain message instead of parser jargon.

use std::path::Path;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::WorkspaceError;

/// Only the version field, so a file written by a newer app (with fields we do not
/// know, or of types we would reject) is refused as "too new" rather than "corrupt".
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    format_version: u32,
}

/// Reads the `format_version` of a RON struct without deserialising the rest.
pub(crate) fn probe_version(text: &str, path: &Path) -> Result<u32, WorkspaceError> {
    parse_ron::<VersionProbe>(text, path).map(|probe| probe.format_version)
}

/// Refuses a version newer than `supported`.
pub(crate) fn check_version(found: u32, supported: u32, path: &Path) -> Result<(), WorkspaceError> {
    if found > supported {
        return Err(WorkspaceError::TooNew {
            path: path.to_path_buf(),
            found,
            supported,
        });
    }
    Ok(())
}

/// Deserialises RON text; an empty (or blank) text is an error of its own.
/// Unknown fields are ignored (serde's default), so hand-edited files with an extra
/// or misspelt field still open; an optional value may be written with or without
/// `Some(...)`.
pub(crate) fn parse_ron<T: DeserializeOwned>(text: &str, path: &Path) -> Result<T, WorkspaceError> {
    if text.trim().is_empty() {
        return Err(parse_error(path, 1, 1, "the file is empty".to_owned()));
    }
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
        .map_err(|error| {
            let start = error.span.start;
            parse_error(
                path,
                start.line.max(1),
                start.col.max(1),
                plain_message(&error.code),
            )
        })
}

/// Turns file bytes into text, reporting where invalid UTF-8 starts.
pub(crate) fn text_from_bytes(bytes: Vec<u8>, path: &Path) -> Result<String, WorkspaceError> {
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        // The valid prefix is UTF-8 by definition; count lines and characters in it.
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let line = 1 + valid.matches('\n').count();
        let column = 1 + valid
            .rsplit('\n')
            .next()
            .map_or(0, |last| last.chars().count());
        parse_error(
            path,
            line,
            column,
            "the file is not plain text (it contains bytes that are not UTF-8)".to_owned(),
        )
    })
}

fn parse_error(path: &Path, line: usize, column: usize, message: String) -> WorkspaceError {
    WorkspaceError::Parse {
        path: path.to_path_buf(),
        line,
        column,
        message,
    }
}

/// The parser's message, reworded where the original would puzzle a non-programmer.
fn plain_message(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::Eof => "the file ends too early (it may be truncated)".to_owned(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "expected a group of settings starting with '('".to_owned()
        }
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => "expected a closing ')'".to_owned(),
        E::ExpectedArrayEnd => "expected a closing ']'".to_owned(),
        E::ExpectedDifferentStructName { found, .. } | E::ExpectedStructName(found) => {
            format!("unexpected word '{found}' (settings are written in parentheses)")
        }
        E::ExpectedIdentifier => "expected the name of a setting".to_owned(),
        E::ExpectedInteger => "expected a whole number".to_owned(),
        E::ExpectedFloat => "expected a number".to_owned(),
        E::ExpectedBoolean => "expected true or false".to_owned(),
        E::ExpectedString => "expected text in double quotes".to_owned(),
        E::MissingStructField { field, .. } => format!("the setting '{field}' is missing"),
        E::ExpectedComma => "expected a comma between two settings".to_owned(),
        E::ExpectedStringEnd => "a text value is missing its closing quote".to_owned(),
        E::TrailingCharacters => {
            "there is unexpected text after the end of the settings".to_owned()
        }
        E::InvalidValueForType { expected, found } => format!("expected {expected}, found {found}"),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => {
            format!("'{found}' is not one of: {}", expected.join(", "))
        }
        E::DuplicateStructField { field, .. } => format!("the setting '{field}' appears twice"),
        E::ExceededRecursionLimit => "the settings are nested too deeply".to_owned(),
        other => lowercase_first(&other.to_string()),
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn position(result: Result<VersionProbe, WorkspaceError>) -> (usize, usize, String) {
        match result {
            Err(WorkspaceError::Parse {
                line,
                column,
                message,
                ..
            }) => (line, column, message),
            other => panic!(
                "expected a parse error, got {:?}",
                other.map(|p| p.format_version)
            ),
        }
    }

    #[test]
    fn blank_text_is_reported_as_empty() {
        let (line, column, message) = position(parse_ron("  \n\t", Path::new("w.ron")));
        assert_eq!((line, column), (1, 1));
        assert_eq!(message, "the file is empty");
    }

    #[test]
    fn positions_are_one_based_and_point_at_the_fault() {
        let (line, column, message) = position(parse_ron(
            "(\n  format_version: \"one\",\n)",
            Path::new("w.ron"),
        ));
        assert_eq!(line, 2);
        assert!(column >= 3, "column {column}");
        assert!(message.contains("expected"), "{message}");
    }

    #[test]
    fn messages_do_not_name_internal_types() {
        let (_, _, message) = position(parse_ron("garbage", Path::new("w.ron")));
        assert!(!message.contains("VersionProbe"), "{message}");
        assert!(message.contains("garbage"), "{message}");
    }

    #[test]
    fn invalid_utf8_position_counts_characters() {
        let bytes = b"(\n  ab\xC3\xA9\xFF".to_vec();
        let error = text_from_bytes(bytes, Path::new("w.ron")).err();
        match error {
            Some(WorkspaceError::Parse { line, column, .. }) => assert_eq!((line, column), (2, 6)),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn version_above_supported_is_too_new() {
        assert!(check_version(1, 1, Path::new("w")).is_ok());
        assert!(matches!(
            check_version(2, 1, Path::new("w")),
            Err(WorkspaceError::TooNew {
                found: 2,
                supported: 1,
                ..
            })
        ));
    }
}
