//! Rich Text Format (.rtf): a small parser of our own for the text and the `\info`
//! group (title, author, subject, creation time).
//!
//! It handles groups, control words and symbols, `\par`/`\line`/`\tab`, `\'hh`
//! bytes in the document's `\ansicpg` code page, `\uN` Unicode with its fallback
//! characters, `\bin`, and skips `\*` destinations, font, colour and style tables,
//! pictures, objects, headers, footers and field instructions. Per-font character
//! sets (`\fcharset`) are not followed: all `\'hh` bytes use the document code page.

use encoding_rs::{Encoding, WINDOWS_1252};

use super::{Extracted, FormatError, date, guarded};

const KIND: &str = "RTF";
/// Deeper nesting than this is not a real document; it would only grow the stack.
const MAX_GROUP_DEPTH: usize = 1024;

/// Reads a Rich Text Format document.
pub fn read_rtf(bytes: &[u8]) -> Result<Extracted, FormatError> {
    guarded(bytes, |bytes| {
        let start = bytes
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(0);
        if !bytes[start..].starts_with(b"{\\rtf") {
            return Err(FormatError::NotThisFormat(KIND));
        }
        let mut parser = Parser::new(bytes);
        parser.run()?;
        Ok(parser.into_extracted())
    })
}

/// Where the text of the current group goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Destination {
    Body,
    Skip,
    Info,
    Field(InfoField),
    CreationTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum InfoField {
    Title,
    Author,
    Subject,
    Keywords,
    Comment,
}

#[derive(Debug, Clone, Copy)]
struct GroupState {
    destination: Destination,
    /// How many fallback characters follow each `\uN`.
    unicode_skip: usize,
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
    state: GroupState,
    stack: Vec<GroupState>,
    encoding: &'static Encoding,
    /// Bytes waiting to be decoded together (a multi-byte code page needs pairs).
    pending: Vec<u8>,
    /// Fallback characters still to drop after a `\uN`.
    fallback_left: usize,
    high_surrogate: Option<u32>,
    body: String,
    info: [String; 5],
    created: [u32; 3],
}

impl<'a> Parser<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            pos: 0,
            state: GroupState {
                destination: Destination::Body,
                unicode_skip: 1,
            },
            stack: Vec::new(),
            encoding: WINDOWS_1252,
            pending: Vec::new(),
            fallback_left: 0,
            high_surrogate: None,
            body: String::new(),
            info: Default::default(),
            created: [0; 3],
        }
    }

    fn run(&mut self) -> Result<(), FormatError> {
        while let Some(&byte) = self.bytes.get(self.pos) {
            self.pos += 1;
            match byte {
                b'{' => self.open_group()?,
                b'}' => self.close_group(),
                b'\\' => self.control(),
                b'\r' | b'\n' => {}
                _ => {
                    if self.take_fallback() {
                        continue;
                    }
                    self.pending.push(byte);
                }
            }
        }
        self.flush();
        Ok(())
    }

    fn open_group(&mut self) -> Result<(), FormatError> {
        self.flush();
        self.fallback_left = 0;
        if self.stack.len() >= MAX_GROUP_DEPTH {
            return Err(FormatError::damaged("groups are nested too deeply"));
        }
        self.stack.push(self.state);
        Ok(())
    }

    fn close_group(&mut self) {
        self.flush();
        self.fallback_left = 0;
        // An unbalanced '}' is tolerated: writers get this wrong and the text is still fine.
        if let Some(outer) = self.stack.pop() {
            self.state = outer;
        }
    }

    /// Drops one fallback character after `\uN`; true when it did.
    fn take_fallback(&mut self) -> bool {
        if self.fallback_left > 0 {
            self.fallback_left -= 1;
            return true;
        }
        false
    }

    /// A backslash: a control symbol or a control word with an optional number.
    fn control(&mut self) {
        let Some(&first) = self.bytes.get(self.pos) else {
            return;
        };
        if !first.is_ascii_alphabetic() {
            self.pos += 1;
            self.control_symbol(first);
            return;
        }
        let word_start = self.pos;
        while self
            .bytes
            .get(self.pos)
            .is_some_and(u8::is_ascii_alphabetic)
        {
            self.pos += 1;
        }
        let word = &self.bytes[word_start..self.pos];
        let param = self.number();
        // One space after a control word only ends it.
        if self.bytes.get(self.pos) == Some(&b' ') {
            self.pos += 1;
        }
        if word == b"bin" {
            self.pos = self.pos.saturating_add(param.unwrap_or(0).max(0) as usize);
            return;
        }
        if self.take_fallback() {
            return;
        }
        self.control_word(word, param);
    }

    fn number(&mut self) -> Option<i32> {
        let start = self.pos;
        if self.bytes.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        while self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) && self.pos - start < 11 {
            self.pos += 1;
        }
        std::str::from_utf8(&self.bytes[start..self.pos])
            .ok()?
            .parse()
            .ok()
    }

    fn control_symbol(&mut self, symbol: u8) {
        if symbol == b'\'' {
            let hex = self.bytes.get(self.pos..self.pos + 2);
            let value =
                hex.and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok());
            if let Some(value) = value {
                self.pos += 2;
                if !self.take_fallback() {
                    self.pending.push(value);
                }
            }
            return;
        }
        if self.take_fallback() {
            return;
        }
        match symbol {
            b'*' => self.state.destination = Destination::Skip,
            b'\\' | b'{' | b'}' => self.pending.push(symbol),
            b'~' => self.emit_char('\u{a0}'),
            b'_' => self.emit_char('-'),
            b'\r' | b'\n' => self.emit_str("\n\n"),
            _ => {}
        }
    }

    fn control_word(&mut self, word: &[u8], param: Option<i32>) {
        if let Some(destination) = self.destination_for(word) {
            self.flush();
            self.state.destination = destination;
            return;
        }
        match word {
            b"par" | b"sect" | b"page" | b"row" => self.emit_str("\n\n"),
            b"line" => self.emit_char('\n'),
            b"tab" | b"cell" => self.emit_char('\t'),
            b"emdash" => self.emit_char('—'),
            b"endash" => self.emit_char('–'),
            b"lquote" => self.emit_char('‘'),
            b"rquote" => self.emit_char('’'),
            b"ldblquote" => self.emit_char('“'),
            b"rdblquote" => self.emit_char('”'),
            b"bullet" => self.emit_char('•'),
            b"u" => self.unicode(param.unwrap_or(0)),
            b"uc" => self.state.unicode_skip = param.unwrap_or(1).clamp(0, 16) as usize,
            b"ansicpg" => self.encoding = code_page_encoding(param.unwrap_or(1252)),
            b"mac" => self.encoding = encoding_rs::MACINTOSH,
            b"yr" | b"mo" | b"dy" if self.state.destination == Destination::CreationTime => {
                let slot = match word {
                    b"yr" => 0,
                    b"mo" => 1,
                    _ => 2,
                };
                self.created[slot] = param.unwrap_or(0).max(0) as u32;
            }
            _ => {}
        }
    }

    /// The destination a control word starts, if it starts one.
    fn destination_for(&self, word: &[u8]) -> Option<Destination> {
        use Destination::{CreationTime, Field, Info, Skip};
        if self.state.destination == Info {
            return Some(match word {
                b"title" => Field(InfoField::Title),
                b"author" => Field(InfoField::Author),
                b"subject" => Field(InfoField::Subject),
                b"keywords" => Field(InfoField::Keywords),
                b"doccomm" => Field(InfoField::Comment),
                b"creatim" => CreationTime,
                _ => Skip,
            });
        }
        match word {
            b"info" => Some(Info),
            b"fonttbl"
            | b"colortbl"
            | b"stylesheet"
            | b"listtable"
            | b"listoverridetable"
            | b"revtbl"
            | b"rsidtbl"
            | b"pict"
            | b"object"
            | b"objdata"
            | b"fldinst"
            | b"header"
            | b"headerl"
            | b"headerr"
            | b"headerf"
            | b"footer"
            | b"footerl"
            | b"footerr"
            | b"footerf"
            | b"xe"
            | b"tc"
            | b"datafield"
            | b"themedata"
            | b"colorschememapping"
            | b"latentstyles"
            | b"datastore"
            | b"generator" => Some(Skip),
            _ => None,
        }
    }

    fn unicode(&mut self, value: i32) {
        // RTF writes code points above 32767 as negative 16-bit numbers.
        let unit = if value < 0 { value + 65536 } else { value }.clamp(0, 0xFFFF) as u32;
        self.fallback_left = self.state.unicode_skip;
        match unit {
            0xD800..=0xDBFF => self.high_surrogate = Some(unit),
            0xDC00..=0xDFFF => {
                if let Some(high) = self.high_surrogate.take() {
                    let code = 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00);
                    self.emit_char(char::from_u32(code).unwrap_or('\u{FFFD}'));
                }
            }
            _ => self.emit_char(char::from_u32(unit).unwrap_or('\u{FFFD}')),
        }
    }

    fn emit_char(&mut self, ch: char) {
        let mut buffer = [0u8; 4];
        self.emit_str(ch.encode_utf8(&mut buffer));
    }

    fn emit_str(&mut self, text: &str) {
        self.flush();
        if let Some(target) = self.target() {
            target.push_str(text);
        }
    }

    /// Decodes the pending bytes into the current destination.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let bytes = std::mem::take(&mut self.pending);
        let (decoded, _) = self.encoding.decode_without_bom_handling(&bytes);
        let decoded = decoded.into_owned();
        if let Some(target) = self.target() {
            target.push_str(&decoded);
        }
    }

    fn target(&mut self) -> Option<&mut String> {
        match self.state.destination {
            Destination::Body => Some(&mut self.body),
            Destination::Field(field) => Some(&mut self.info[field as usize]),
            Destination::Skip | Destination::Info | Destination::CreationTime => None,
        }
    }

    fn into_extracted(self) -> Extracted {
        let [title, author, subject, keywords, comment] = self.info;
        let mut extracted = Extracted {
            text: self.body,
            title: Some(title).filter(|title| !title.trim().is_empty()),
            ..Extracted::default()
        };
        extracted.push_meta("Author", author);
        extracted.push_meta("Subject", subject);
        extracted.push_meta("Keywords", keywords);
        extracted.push_meta("Comment", comment);
        let [year, month, day] = self.created;
        extracted.date = date::iso_from_ymd(year, month, day);
        if let Some(created) = &extracted.date {
            extracted.push_meta("Created", created.clone());
        }
        extracted
    }
}

/// The encoding of a Windows code page number as `\ansicpg` gives it.
fn code_page_encoding(code_page: i32) -> &'static Encoding {
    let label = match code_page {
        874 => "windows-874",
        932 => "shift_jis",
        936 => "gbk",
        949 => "euc-kr",
        950 => "big5",
        866 => "ibm866",
        1250..=1258 => return windows_code_page(code_page),
        10000 => "macintosh",
        20866 => "koi8-r",
        28591..=28606 => return iso_8859(code_page - 28590),
        65001 => "utf-8",
        _ => "windows-1252",
    };
    Encoding::for_label(label.as_bytes()).unwrap_or(WINDOWS_1252)
}

fn windows_code_page(code_page: i32) -> &'static Encoding {
    Encoding::for_label(format!("windows-{code_page}").as_bytes()).unwrap_or(WINDOWS_1252)
}

fn iso_8859(part: i32) -> &'static Encoding {
    Encoding::for_label(format!("iso-8859-{part}").as_bytes()).unwrap_or(WINDOWS_1252)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(rtf: &str) -> String {
        read_rtf(rtf.as_bytes())
            .map(|doc| doc.text)
            .unwrap_or_default()
    }

    #[test]
    fn hex_bytes_and_unicode_become_the_same_letter() {
        assert_eq!(
            text_of(r"{\rtf1\ansi\ansicpg1252 caf\'e9 and caf\u233?}"),
            "café and café"
        );
    }

    #[test]
    fn code_page_is_followed() {
        // 0xE9 is "é" in windows-1252 but "щ" in windows-1251.
        assert_eq!(text_of(r"{\rtf1\ansi\ansicpg1251 \'e9}"), "щ");
    }

    #[test]
    fn tables_and_ignorable_destinations_are_skipped() {
        let rtf = r"{\rtf1{\fonttbl{\f0 Helvetica;}}{\colortbl;\red0\green0\blue0;}{\*\generator Writer;}\f0 Hello\par World}";
        assert_eq!(text_of(rtf), "Hello\n\nWorld");
    }

    #[test]
    fn unicode_fallback_respects_uc() {
        assert_eq!(text_of(r"{\rtf1\uc2 a\u8212\'97\'97b}"), "a—b");
        assert_eq!(text_of(r"{\rtf1 \u-10179?\u-8704?}"), "\u{1F600}");
    }

    #[test]
    fn info_group_gives_title_author_and_date() {
        let rtf = r"{\rtf1{\info{\title Note on Rotterdam}{\author Leila Mansour}{\creatim\yr2021\mo5\dy10\hr9}}Body}";
        let doc = read_rtf(rtf.as_bytes()).expect("valid RTF");
        assert_eq!(doc.title.as_deref(), Some("Note on Rotterdam"));
        assert_eq!(doc.meta("Author"), Some("Leila Mansour"));
        assert_eq!(doc.date.as_deref(), Some("2021-05-10"));
        assert_eq!(doc.text, "Body");
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let rtf = format!(r"{{\rtf1 {}", "{".repeat(100_000));
        assert!(matches!(
            read_rtf(rtf.as_bytes()),
            Err(FormatError::Damaged(_))
        ));
    }
}
