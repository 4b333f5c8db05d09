//! Turning a file's bytes into text: telling text from binary, and finding the
//! character encoding (byte-order mark, UTF-8, a declared charset, or
//! chardetng's guess among the legacy encodings).

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::error::FileError;

/// Decoded text and the encoding it was read with.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
}

/// How much of the start of a file the binary and UTF-16 checks look at.
const SNIFF_BYTES: usize = 8 * 1024;
/// How much chardetng sees; more rarely changes its guess and costs time.
const DETECT_BYTES: usize = 64 * 1024;
/// Above this share of control characters a "text" file is really binary.
const MAX_CONTROL_SHARE: f64 = 0.10;
/// Above this share of undecodable characters the guess is wrong.
const MAX_REPLACEMENT_SHARE: f64 = 0.01;

/// Magic numbers of common binary formats that get saved with a text name.
const BINARY_SIGNATURES: &[&[u8]] = &[
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG",
    b"\xFF\xD8\xFF",
    b"GIF8",
    b"\x1F\x8B",
    b"\x7FELF",
    b"7z\xBC\xAF",
    b"Rar!",
    b"\xD0\xCF\x11\xE0",
    b"SQLite format 3\0",
];

/// Decodes `bytes`. `declared` is an encoding the file names itself (an HTML
/// `<meta charset>`), used when the bytes are not valid UTF-8.
/// Takes the bytes by value so valid UTF-8, the common case, is not copied.
pub fn decode(bytes: Vec<u8>, declared: Option<&'static Encoding>) -> Result<Decoded, FileError> {
    if bytes.is_empty() {
        return Err(FileError::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(&bytes) {
        return decode_with(encoding, &bytes[bom_len..]);
    }
    if BINARY_SIGNATURES.iter().any(|sig| bytes.starts_with(sig)) {
        return Err(FileError::Binary);
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return match utf16_without_bom(head) {
            Some(encoding) => decode_with(encoding, &bytes).map_err(|_| FileError::Binary),
            None => Err(FileError::Binary),
        };
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return checked(text, UTF_8),
        Err(err) => err.into_bytes(),
    };
    if mostly_utf8(&bytes) {
        return decode_with(UTF_8, &bytes);
    }
    let encoding = declared
        .filter(|enc| *enc != UTF_8 && enc.is_ascii_compatible())
        .unwrap_or_else(|| guess_legacy(&bytes));
    decode_with(encoding, &bytes)
}

/// The encoding an HTML file declares in its first kilobyte, if any.
pub fn declared_html_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b' ' | b'/'))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Result<Decoded, FileError> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
        let total = text.chars().count().max(1);
        if replaced as f64 / total as f64 > MAX_REPLACEMENT_SHARE {
            return Err(FileError::Undecodable);
        }
    }
    checked(text.into_owned(), encoding)
}

/// Rejects decoded text that is mostly control characters, and blank text.
fn checked(text: String, encoding: &'static Encoding) -> Result<Decoded, FileError> {
    // Byte by byte over the first SNIFF_BYTES: control characters are the C0 bytes (but
    // tab, line breaks, form feed, escape), DEL, and C1 (U+0080..U+009F, "\xC2\x80".."\xC2\x9F").
    let head = &text.as_bytes()[..text.len().min(SNIFF_BYTES)];
    let (mut sampled, mut controls, mut after_c2) = (0usize, 0usize, false);
    for &b in head {
        sampled += usize::from(b & 0xC0 != 0x80);
        let c0 = b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B);
        let c1 = after_c2 && (0x80..=0x9F).contains(&b);
        controls += usize::from(c0 || b == 0x7F || c1);
        after_c2 = b == 0xC2;
    }
    if controls as f64 > sampled as f64 * MAX_CONTROL_SHARE {
        return Err(FileError::Binary);
    }
    if text.trim().is_empty() {
        return Err(FileError::NoText);
    }
    Ok(Decoded { text, encoding })
}

/// UTF-16 saved without a byte-order mark: ASCII-range text then has a zero
/// in every other byte, on the odd positions (LE) or the even ones (BE).
fn utf16_without_bom(head: &[u8]) -> Option<&'static Encoding> {
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even_zeros, mut odd_zeros) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        even_zeros += usize::from(pair[0] == 0);
        odd_zeros += usize::from(pair[1] == 0);
    }
    let share = |n: usize| n as f64 / pairs as f64;
    if share(odd_zeros) > 0.3 && share(even_zeros) < 0.05 {
        Some(UTF_16LE)
    } else if share(even_zeros) > 0.3 && share(odd_zeros) < 0.05 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// UTF-8 with a few damaged bytes: many valid multi-byte sequences and only
/// rare invalid ones. A legacy 8-bit text has almost no valid sequences.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    let mut invalid = 0usize;
    let mut multibyte = 0usize;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                multibyte += count_lead_bytes(valid.as_bytes());
                break;
            }
            Err(err) => {
                let (valid, after) = rest.split_at(err.valid_up_to());
                multibyte += count_lead_bytes(valid);
                invalid += 1;
                // Past ~100 errors the answer no longer changes.
                if invalid > 100 {
                    return false;
                }
                let skip = err.error_len().unwrap_or(after.len()).max(1);
                rest = after.get(skip..).unwrap_or_default();
            }
        }
    }
    multibyte >= 8 * invalid
}

fn count_lead_bytes(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b >= 0xC0).count()
}

fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
    // ISO-2022-JP is 7-bit, so it never reaches here: valid UTF-8 is read first.
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    let sample = &bytes[..bytes.len().min(DETECT_BYTES)];
    detector.feed(&around_non_ascii(sample), bytes.len() <= DETECT_BYTES);
    // We only guess once the bytes have proven not to be UTF-8.
    detector.guess(None, Utf8Detection::Deny)
}

/// Bytes this far either side of a non-ASCII byte are what tells legacy encodings apart.
const CONTEXT_BYTES: usize = 24;

/// The stretches of `bytes` around its non-ASCII bytes, joined by spaces: the detector's
/// evidence without the long ASCII runs between, which only cost time.
fn around_non_ascii(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut covered = 0; // end of the last stretch taken
    for (i, _) in bytes.iter().enumerate().filter(|(_, b)| !b.is_ascii()) {
        if i < covered {
            continue;
        }
        let start = i.saturating_sub(CONTEXT_BYTES).max(covered);
        if start > covered && !out.is_empty() {
            out.push(b' ');
        }
        covered = (i + CONTEXT_BYTES + 1).min(bytes.len());
        out.extend_from_slice(&bytes[start..covered]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_detector_sees_the_text_around_non_ascii_bytes() {
        let mut bytes = b"x".repeat(100);
        bytes.extend_from_slice(b"caf\xE9 cr\xE8me");
        bytes.extend(b"y".repeat(100));
        let sample = around_non_ascii(&bytes);
        assert!(sample.len() < 80, "{}", sample.len());
        assert!(sample.windows(9).any(|w| w == b"caf\xE9 cr\xE8m"));
        assert!(around_non_ascii(b"plain ascii").is_empty());
    }

    fn name(bytes: &[u8]) -> &'static str {
        decode(bytes.to_vec(), None)
            .map(|d| d.encoding.name())
            .unwrap_or("error")
    }

    #[test]
    fn boms_win() {
        assert_eq!(name(b"\xEF\xBB\xBFcaf\xC3\xA9"), "UTF-8");
        assert_eq!(name(b"\xFF\xFEh\0i\0"), "UTF-16LE");
        assert_eq!(name(b"\xFE\xFF\0h\0i"), "UTF-16BE");
        let text = decode(b"\xEF\xBB\xBFcaf\xC3\xA9".to_vec(), None).map(|d| d.text);
        assert_eq!(text.ok().as_deref(), Some("café"));
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let le: Vec<u8> = "plain words here"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "plain words here"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(name(&le), "UTF-16LE");
        assert_eq!(name(&be), "UTF-16BE");
    }

    #[test]
    fn legacy_text_is_guessed() {
        let text = b"Le caf\xE9 \x93 ouvert \x94 pr\xE8s de l'\xE9glise, d\xE9j\xE0 ferm\xE9.";
        let decoded = decode(text.to_vec(), None).map(|d| (d.encoding.name(), d.text));
        let (enc, text) = decoded.unwrap_or_default();
        assert_eq!(enc, "windows-1252");
        assert!(text.contains("café “ ouvert ” près"), "{text}");
    }

    #[test]
    fn a_stray_byte_in_utf8_keeps_utf8() {
        let text = "résumé naïve café déjà vu à propos ".repeat(4) + "\u{FFFD}";
        let mut bytes = text.into_bytes();
        let len = bytes.len();
        bytes.truncate(len - 3);
        bytes.push(0xFF);
        assert_eq!(name(&bytes), "UTF-8");
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            decode(b"%PDF-1.4 stuff".to_vec(), None),
            Err(FileError::Binary)
        ));
        assert!(matches!(
            decode(b"ab\0\x01\x02\x03cd\0\0\x07".to_vec(), None),
            Err(FileError::Binary)
        ));
        let controls: Vec<u8> = (0..200u8).map(|i| i % 8 + 1).collect();
        assert!(matches!(decode(controls, None), Err(FileError::Binary)));
    }

    #[test]
    fn empty_and_blank_are_refused() {
        assert!(matches!(decode(Vec::new(), None), Err(FileError::Empty)));
        assert!(matches!(
            decode(b" \n\t\n".to_vec(), None),
            Err(FileError::NoText)
        ));
    }

    #[test]
    fn declared_charset_is_found() {
        let html = b"<html><head><meta charset=\"ISO-8859-2\"></head>";
        assert_eq!(
            declared_html_charset(html).map(|e| e.name()),
            Some("ISO-8859-2")
        );
        let html = b"<meta http-equiv=Content-Type content='text/html; charset=windows-1251'>";
        assert_eq!(
            declared_html_charset(html).map(|e| e.name()),
            Some("windows-1251")
        );
        assert_eq!(declared_html_charset(b"<p>no charset</p>"), None);
    }
}
