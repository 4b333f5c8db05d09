//! Keys that make two spellings of one name compare equal: case, diacritics,
//! hyphen and space folding; a transliteration skeleton; acronym initials; id slugs.

/// Lower case, diacritics removed, apostrophes dropped, hyphens and runs of spaces
/// turned into one space: "Al-Qa'ida" → "al qaida", "Nguyễn" → "nguyen".
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut last_space = true;
    for c in name.chars() {
        if matches!(c, '\'' | '’' | '‘' | '`' | 'ʼ' | 'ʻ' | '.') {
            continue;
        }
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            last_space = false;
        } else if c.is_alphanumeric() {
            for base in strip_accent(c).flat_map(char::to_lowercase) {
                out.push(base);
            }
            last_space = false;
        } else if !last_space {
            out.push(' ');
            last_space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The unaccented form of a Latin letter ("é" → "e", "ß" → "ss", "Ł" → "L").
fn strip_accent(c: char) -> impl Iterator<Item = char> {
    let mapped: &str = match c {
        'À'..='Å'
        | 'Ā'
        | 'Ă'
        | 'Ą'
        | 'Ạ'
        | 'Ả'
        | 'Ấ'
        | 'Ầ'
        | 'Ẩ'
        | 'Ẫ'
        | 'Ậ'
        | 'Ắ'
        | 'Ằ'
        | 'Ẳ'
        | 'Ẵ'
        | 'Ặ' => "A",
        'à'..='å'
        | 'ā'
        | 'ă'
        | 'ą'
        | 'ạ'
        | 'ả'
        | 'ấ'
        | 'ầ'
        | 'ẩ'
        | 'ẫ'
        | 'ậ'
        | 'ắ'
        | 'ằ'
        | 'ẳ'
        | 'ẵ'
        | 'ặ' => "a",
        'Ç' | 'Ć' | 'Č' | 'Ĉ' | 'Ċ' => "C",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'Ď' | 'Đ' | 'Ð' => "D",
        'ď' | 'đ' | 'ð' => "d",
        'È'..='Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' | 'Ẹ' | 'Ẻ' | 'Ẽ' | 'Ế' | 'Ề' | 'Ể' | 'Ễ' | 'Ệ' => {
            "E"
        }
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ể' | 'ễ' | 'ệ' => {
            "e"
        }
        'Ğ' | 'Ġ' | 'Ģ' => "G",
        'ğ' | 'ġ' | 'ģ' => "g",
        'Ì'..='Ï' | 'Ī' | 'Į' | 'İ' | 'Ị' | 'Ỉ' | 'Ĩ' => "I",
        'ì'..='ï' | 'ī' | 'į' | 'ı' | 'ị' | 'ỉ' | 'ĩ' => "i",
        'Ł' | 'Ľ' | 'Ĺ' => "L",
        'ł' | 'ľ' | 'ĺ' => "l",
        'Ñ' | 'Ń' | 'Ň' => "N",
        'ñ' | 'ń' | 'ň' => "n",
        'Ò'..='Ö'
        | 'Ø'
        | 'Ō'
        | 'Ő'
        | 'Ơ'
        | 'Ọ'
        | 'Ỏ'
        | 'Ố'
        | 'Ồ'
        | 'Ổ'
        | 'Ỗ'
        | 'Ộ'
        | 'Ớ'
        | 'Ờ'
        | 'Ở'
        | 'Ỡ'
        | 'Ợ' => "O",
        'ò'..='ö'
        | 'ø'
        | 'ō'
        | 'ő'
        | 'ơ'
        | 'ọ'
        | 'ỏ'
        | 'ố'
        | 'ồ'
        | 'ổ'
        | 'ỗ'
        | 'ộ'
        | 'ớ'
        | 'ờ'
        | 'ở'
        | 'ỡ'
        | 'ợ' => "o",
        'Ř' | 'Ŕ' => "R",
        'ř' | 'ŕ' => "r",
        'Ś' | 'Š' | 'Ş' | 'Ș' => "S",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'Ť' | 'Ţ' | 'Ț' => "T",
        'ť' | 'ţ' | 'ț' => "t",
        'Ù'..='Ü' | 'Ū' | 'Ů' | 'Ű' | 'Ų' | 'Ư' | 'Ụ' | 'Ủ' | 'Ũ' | 'Ứ' | 'Ừ' | 'Ử' | 'Ữ' | 'Ự' => {
            "U"
        }
        'ù'..='ü' | 'ū' | 'ů' | 'ű' | 'ų' | 'ư' | 'ụ' | 'ủ' | 'ũ' | 'ứ' | 'ừ' | 'ử' | 'ữ' | 'ự' => {
            "u"
        }
        'Ý' | 'Ÿ' | 'Ỳ' | 'Ỵ' | 'Ỷ' | 'Ỹ' => "Y",
        'ý' | 'ÿ' | 'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => "y",
        'Ź' | 'Ž' | 'Ż' => "Z",
        'ź' | 'ž' | 'ż' => "z",
        'Æ' => "AE",
        'æ' => "ae",
        'Œ' => "OE",
        'œ' => "oe",
        'Þ' => "TH",
        'þ' => "th",
        _ => "",
    };
    let single = if mapped.is_empty() { Some(c) } else { None };
    mapped.chars().chain(single)
}

/// The id-safe slug of a name: "Chidi Okafor" → "chidi-okafor".
pub fn slug(name: &str) -> String {
    fold(name).replace(' ', "-")
}

/// Articles and connectors of Arabic and Persian names, dropped from skeletons.
const NAME_PARTICLES: [&str; 9] = ["al", "el", "ul", "ad", "ar", "as", "an", "bin", "ibn"];

/// A transliteration skeleton: spellings of one name in Latin script from Arabic,
/// Persian and similar sources share it. Articles (al-, el-, ul-) are dropped, k/q/c/g
/// and dh/th/d are merged, doubled letters collapsed, and of the vowels only the first
/// one's class is kept (a | e,i | o,u), so "Hassan" and "Hussein" stay apart.
/// Gaddafi/Qadhafi/Kadafi → "kadf"; Mohammad/Muhammad/Mohamed → "mohmd".
pub fn skeleton(name: &str) -> String {
    let folded = fold(name);
    let mut out = String::with_capacity(folded.len());
    for word in folded.split(' ').filter(|w| !NAME_PARTICLES.contains(w)) {
        if !out.is_empty() {
            out.push(' ');
        }
        push_word_skeleton(word, &mut out);
    }
    out
}

/// Appends the skeleton of one folded word to `out`, without allocating.
fn push_word_skeleton(word: &str, out: &mut String) {
    let start = out.len();
    let bytes = word.as_bytes();
    let mut vowel_seen = false;
    let mut last = None;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let next = bytes.get(i + 1).copied();
        // Digraphs first: dh/th → d, kh/gh → k, ph → f, ck → k.
        let (c, width) = match (c, next) {
            (b'd' | b't', Some(b'h')) => (b'd', 2),
            (b'k' | b'g', Some(b'h')) => (b'k', 2),
            (b'p', Some(b'h')) => (b'f', 2),
            (b'c', Some(b'k')) => (b'k', 2),
            _ => (c, 1),
        };
        i += width;
        if !c.is_ascii() {
            // A letter fold left as it was (not Latin): kept whole.
            let ch = word[i - width..].chars().next().unwrap_or(' ');
            i += ch.len_utf8() - 1;
            out.push(ch);
            last = Some(ch);
            continue;
        }
        let class = match c {
            b'k' | b'q' | b'c' | b'g' => 'k',
            b't' | b'd' => 'd',
            b'z' | b's' => 's',
            b'w' | b'v' => 'v',
            b'a' => 'a',
            b'e' | b'i' | b'y' => 'i',
            b'o' | b'u' => 'o',
            other => char::from(other),
        };
        let has_consonant = out.len() > start;
        if matches!(class, 'a' | 'i' | 'o') {
            if !vowel_seen && has_consonant {
                out.push(class);
            }
            vowel_seen |= has_consonant;
            last = Some(class);
            continue;
        }
        if last != Some(class) {
            out.push(class);
        }
        last = Some(class);
    }
    if out.len() == start {
        out.push_str(word);
    }
}

/// A looser key for names that may be one transliterated name: the word skeletons run
/// together, with "Abdel"/"Abdul" split into "Abd" and its connector, the connectors
/// (-e-, -i-, al-, bin) dropped and zh/dj read as j, so "Abd al-Rahman", "Abdul Rahman"
/// and "Abdulrahman" meet, and "Ahmadinezhad" meets "Ahmadinejad". Each word keeps its
/// first vowel, so "Hassan" and "Hussein" stay apart here too.
pub fn transliteration_key(name: &str) -> String {
    let folded = fold(name).replace("zh", "j").replace("dj", "j");
    let mut skeletons = String::with_capacity(folded.len());
    for word in folded.split(' ') {
        let word = match split_abd(word) {
            Some(rest) => {
                skeletons.push_str("bd");
                rest
            }
            None => word,
        };
        if !word.is_empty() && !NAME_PARTICLES.contains(&word) && !CONNECTORS.contains(&word) {
            push_word_skeleton(word, &mut skeletons);
        }
    }
    // Words run together: a letter doubled across the join counts once.
    let mut key = String::with_capacity(skeletons.len());
    for c in skeletons.chars() {
        if !key.ends_with(c) {
            key.push(c);
        }
    }
    key
}

/// Persian and Arabic connectors written as words ("Hashemi-e Rafsanjani").
const CONNECTORS: [&str; 6] = ["e", "i", "ye", "bint", "ben", "ash"];

/// "abdel", "abdul", "abdur"… → the rest of the word after the connector ("" for a bare
/// "abdul"); `None` for a word that does not start so.
fn split_abd(word: &str) -> Option<&str> {
    let rest = word.strip_prefix("abd")?;
    ["oul", "el", "ul", "al", "ol", "il", "ur", "ar", "u"]
        .iter()
        .find_map(|connector| rest.strip_prefix(connector))
}

/// Company forms a name may carry or drop ("Meridian Freight Ltd", "Santa Clara S.A.C.").
const LEGAL_FORMS: [&str; 19] = [
    "ltd", "limited", "llp", "llc", "inc", "plc", "corp", "co", "gmbh", "ag", "sa", "sac", "sas",
    "bv", "nv", "pty", "srl", "spa", "oy",
];

/// `name` without the company forms it ends with: "Pemberton Castle LLP" → "Pemberton
/// Castle". A name that is only a company form is kept whole.
pub fn without_legal_form(name: &str) -> &str {
    let mut rest = name.trim_end();
    while let Some((head, last)) = rest.rsplit_once(char::is_whitespace) {
        let head = head.trim_end().trim_end_matches(',').trim_end();
        if head.is_empty() || !LEGAL_FORMS.contains(&fold(last).as_str()) {
            break;
        }
        rest = head;
    }
    rest
}

/// Words an acronym may keep or drop, in the languages of names in the news: "FARC" for
/// "Fuerzas Armadas Revolucionarias de Colombia", "ICRC" for "International Committee of
/// the Red Cross".
const ACRONYM_PARTICLES: [&str; 28] = [
    "of", "the", "and", "for", "on", "in", "to", "at", "de", "la", "le", "les", "del", "des", "du",
    "da", "do", "dos", "das", "di", "el", "los", "las", "y", "e", "et", "und", "al",
];

/// At most this many particles are kept or dropped one by one (2⁴ keys); later ones drop.
const PARTICLE_CHOICES: usize = 4;

/// The letters of `name` written as an acronym ("FARC", "U.N.", "UNHCR"), lower case:
/// one word of 2 to 8 letters, all capitals, no digits ("AC-130" is a plane). `None`
/// for other names.
pub fn acronym_letters(name: &str) -> Option<String> {
    if name
        .chars()
        .any(|c| c.is_whitespace() || c.is_ascii_digit())
    {
        return None;
    }
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.iter().all(|c| c.is_uppercase());
    (capitals && (2..=8).contains(&letters.len()))
        .then(|| fold(&letters.iter().collect::<String>()))
}

/// Every initials string an acronym of `long` may be, lower case: each particle kept or
/// dropped, hyphenated words counted whole or by their parts. Empty for a one-word name.
pub fn acronym_initials(long: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let whole_words: Vec<String> = long.split_whitespace().map(fold).collect();
    let parts = fold(long);
    for words in [
        whole_words.iter().map(String::as_str).collect::<Vec<_>>(),
        parts.split(' ').collect(),
    ] {
        if words.len() < 2 {
            continue;
        }
        let particles: Vec<usize> = (0..words.len())
            .filter(|&i| ACRONYM_PARTICLES.contains(&words[i]))
            .collect();
        let choices = particles.len().min(PARTICLE_CHOICES);
        for kept in 0..1u32 << choices {
            let initials: String = words
                .iter()
                .enumerate()
                .filter(|(i, _)| match particles.iter().position(|p| p == i) {
                    Some(n) => n < choices && kept & (1 << n) != 0,
                    None => true,
                })
                .filter_map(|(_, w)| w.chars().next())
                .collect();
            if initials.chars().count() >= 2 && !keys.contains(&initials) {
                keys.push(initials);
            }
        }
    }
    keys
}

/// The initials of `long`'s words other than particles, sorted: an acronym of the name
/// in another language keeps the letters but not their order ("FARC" for "Revolutionary
/// Armed Forces of Colombia"). The same for an acronym's letters.
pub fn sorted_initials(long: &str) -> String {
    let folded = fold(long);
    let mut initials: Vec<char> = folded
        .split(' ')
        .filter(|w| !ACRONYM_PARTICLES.contains(w))
        .filter_map(|w| w.chars().next())
        .collect();
    initials.sort_unstable();
    initials.into_iter().collect()
}

/// The letters of an acronym sorted, to look up [`sorted_initials`].
pub fn sorted_letters(letters: &str) -> String {
    let mut sorted: Vec<char> = letters.chars().collect();
    sorted.sort_unstable();
    sorted.into_iter().collect()
}

/// Whether `acronym` can be the initials of `long`: its letters are the first letters of
/// the long form's words, in order, particles optional ("ICRC" for "International
/// Committee of the Red Cross"), or, for three letters or more, in another order ("FARC"
/// for "Revolutionary Armed Forces of Colombia").
pub fn is_acronym_of(acronym: &str, long: &str) -> bool {
    let letters: String = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let letters = fold(&letters);
    if letters.chars().count() < 2 {
        return false;
    }
    acronym_initials(long).contains(&letters)
        || (letters.chars().count() >= 3 && sorted_letters(&letters) == sorted_initials(long))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_diacritics_hyphens_and_apostrophes() {
        assert_eq!(fold("Al-Qa'ida"), "al qaida");
        assert_eq!(fold("al  Qaida"), "al qaida");
        assert_eq!(fold("Nguyễn Thị Lan"), "nguyen thi lan");
        assert_eq!(fold("Erzsébet Kovács"), "erzsebet kovacs");
        assert_eq!(fold("Jean-Luc Moreau"), fold("Jean Luc Moreau"));
        assert_eq!(slug("Chidi Okafor"), "chidi-okafor");
    }

    #[test]
    fn transliteration_variants_share_a_skeleton() {
        assert_eq!(skeleton("Gaddafi"), skeleton("Qadhafi"));
        assert_eq!(skeleton("Gaddafi"), skeleton("Kadafi"));
        assert_eq!(skeleton("Muammar Gaddafi"), skeleton("Moammar Gadhafi"));
        assert_eq!(skeleton("Mohammad"), skeleton("Muhammad"));
        assert_eq!(skeleton("Mohammad"), skeleton("Mohamed"));
        assert_eq!(skeleton("Hezbollah"), skeleton("Hizbullah"));
        assert_eq!(skeleton("Hezbollah"), skeleton("Hizballah"));
        assert_eq!(skeleton("al-Qaeda"), skeleton("Al Qaida"));
        assert_eq!(skeleton("al-Qaeda"), skeleton("Al-Qa'ida"));
        assert_eq!(
            skeleton("Abd al-Rahman Qasim"),
            skeleton("Abd el-Rahman Kasim")
        );
    }

    #[test]
    fn company_forms_are_set_aside() {
        assert_eq!(
            without_legal_form("Meridian Freight Ltd"),
            "Meridian Freight"
        );
        assert_eq!(
            without_legal_form("Pemberton Castle LLP"),
            "Pemberton Castle"
        );
        assert_eq!(
            without_legal_form("Compañía Minera Santa Clara S.A.C."),
            "Compañía Minera Santa Clara"
        );
        assert_eq!(without_legal_form("Acme, Inc."), "Acme");
        assert_eq!(without_legal_form("Ltd"), "Ltd");
        assert_eq!(without_legal_form("Bank of Sudan"), "Bank of Sudan");
    }

    #[test]
    fn different_names_keep_different_skeletons() {
        assert_ne!(skeleton("Hassan"), skeleton("Hussein"));
        assert_ne!(skeleton("Amina Okafor"), skeleton("Chidi Okafor"));
        assert_ne!(skeleton("Lagos"), skeleton("Lugano"));
    }

    #[test]
    fn acronyms_match_initials_with_optional_function_words() {
        assert!(is_acronym_of(
            "FARC",
            "Revolutionary Armed Forces of Colombia"
        ));
        assert!(is_acronym_of(
            "ICRC",
            "International Committee of the Red Cross"
        ));
        assert!(is_acronym_of("COA", "Coalition for Open Archives"));
        assert!(is_acronym_of("NUJ", "National Union of Journalists"));
        assert!(!is_acronym_of("UN", "Coalition for Open Archives"));
        assert!(!is_acronym_of("FARC", "Revolutionary Armed Forces"));
        assert!(!is_acronym_of("ABC", "Alpha Bravo"));
    }
}
