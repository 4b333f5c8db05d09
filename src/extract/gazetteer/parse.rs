//! Reading the gazetteer asset: a TSV of place (`P`), demonym (`D`) and common-word
//! (`W`) records, written by `scripts/build_gazetteer.py`.

use super::{GazetteerError, Place, PlaceKind};

/// One parsed record of the asset.
pub(super) enum Record<'a> {
    /// A place and its alternate names.
    Place(Place, Vec<&'a str>),
    /// A nationality word and its country (empty for peoples of several countries).
    Demonym(&'a str, &'a str),
    /// A place name that is also an everyday English word.
    CommonWord(&'a str),
}

/// Parse one line; `None` for blank lines and `#` comments.
pub(super) fn parse_line(line: &str, number: usize) -> Result<Option<Record<'_>>, GazetteerError> {
    let line = line.trim_end_matches('\r');
    if line.trim().is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    // At most ten fields: the aliases are the last one.
    let mut fields = [""; 10];
    let mut count = 0;
    for (slot, field) in fields.iter_mut().zip(line.splitn(10, '\t')) {
        *slot = field;
        count += 1;
    }
    let fields = &fields[..count];
    let malformed = |reason: &str| GazetteerError::Malformed {
        line: number,
        reason: reason.to_string(),
    };
    match fields[0] {
        "P" => parse_place(fields)
            .map_err(|reason| malformed(&reason))
            .map(Some),
        "D" if fields.len() >= 2 => Ok(Some(Record::Demonym(
            fields[1],
            fields.get(2).copied().unwrap_or(""),
        ))),
        "W" if fields.len() >= 2 => Ok(Some(Record::CommonWord(fields[1]))),
        _ => Err(malformed("unknown record type or missing fields")),
    }
}

fn parse_place<'a>(fields: &[&'a str]) -> Result<Record<'a>, String> {
    if fields.len() < 9 {
        return Err(format!(
            "a place needs 9 or 10 fields, found {}",
            fields.len()
        ));
    }
    let kind = match fields[1] {
        "country" => PlaceKind::Country,
        "region" => PlaceKind::Region,
        "city" => PlaceKind::City,
        "site" => PlaceKind::Site,
        other => return Err(format!("unknown place kind '{other}'")),
    };
    let name = fields[2].trim();
    if name.is_empty() {
        return Err("a place without a name".to_string());
    }
    let lat = parse_coordinate(fields[5], 90.0)?;
    let lon = parse_coordinate(fields[6], 180.0)?;
    let population = match fields[7].trim() {
        "" => 0,
        text => text
            .parse()
            .map_err(|_| format!("population '{text}' is not a whole number"))?,
    };
    let admin1 = Some(fields[4].trim())
        .filter(|a| !a.is_empty())
        .map(str::to_string);
    let place = Place {
        name: name.to_string(),
        kind,
        country: fields[3].trim().to_string(),
        admin1,
        lat,
        lon,
        population,
        approximate: fields[8].trim() == "1",
    };
    let aliases = fields
        .get(9)
        .map(|list| {
            list.split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .collect()
        })
        .unwrap_or_default();
    Ok(Record::Place(place, aliases))
}

fn parse_coordinate(text: &str, limit: f64) -> Result<f64, String> {
    let value: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("coordinate '{text}' is not a number"))?;
    if value.is_finite() && value.abs() <= limit {
        Ok(value)
    } else {
        Err(format!("coordinate {value} is out of range"))
    }
}
