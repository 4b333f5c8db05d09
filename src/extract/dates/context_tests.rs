//! Ranges and partial dates read in their document's context.

use super::{ContextDate, DateValue, find_dates_in_context, parse_date_key};

fn day(y: i32, m: u8, d: u8) -> DateValue {
    DateValue::day(y, m, d).expect("valid day")
}

/// (surface, key) of every date of `text`, with no document date.
fn keys(text: &str) -> Vec<(&str, String)> {
    keys_dated(text, None)
}

fn keys_dated(text: &str, date: Option<DateValue>) -> Vec<(&str, String)> {
    find_dates_in_context(text, date)
        .into_iter()
        .map(|d: ContextDate| (&text[d.start..d.end], d.key()))
        .collect()
}

fn pairs(list: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    list.iter().map(|(s, k)| (*s, (*k).to_string())).collect()
}

#[test]
fn month_ranges_give_both_ends_at_their_own_granularity() {
    let span = "March to May 2011";
    assert_eq!(
        keys("It ran from March to May 2011 in Lagos."),
        pairs(&[
            ("from March to May 2011", "2011-03"),
            ("from March to May 2011", "2011-05")
        ])
    );
    assert_eq!(
        keys(&format!("They met {span}.")),
        pairs(&[(span, "2011-03"), (span, "2011-05")])
    );
    assert_eq!(
        keys("held December to February 2011"),
        pairs(&[
            ("December to February 2011", "2010-12"),
            ("December to February 2011", "2011-02")
        ])
    );
}

#[test]
fn year_ranges_are_one_span_with_two_ends() {
    assert_eq!(
        keys("built between 2014 and 2017 by"),
        pairs(&[
            ("between 2014 and 2017", "2014"),
            ("between 2014 and 2017", "2017")
        ])
    );
    assert_eq!(
        keys("served 2014–2017 as"),
        pairs(&[("2014–2017", "2014"), ("2014–2017", "2017")])
    );
    assert_eq!(
        keys("fell in 2008 - 9."),
        pairs(&[("2008 - 9", "2008"), ("2008 - 9", "2009")])
    );
    assert_eq!(
        keys("in 1998–99 the"),
        pairs(&[("1998–99", "1998"), ("1998–99", "1999")])
    );
}

#[test]
fn day_ranges_give_both_days() {
    let both = |span: &'static str| pairs(&[(span, "1999-03-03"), (span, "1999-03-05")]);
    assert_eq!(
        keys("held from March 3 to 5, 1999 in"),
        both("from March 3 to 5, 1999")
    );
    assert_eq!(keys("held March 3–5, 1999 in"), both("March 3–5, 1999"));
    assert_eq!(keys("held 3–5 March 1999 in"), both("3–5 March 1999"));
    assert_eq!(
        keys("from March 3 to May 5, 1999"),
        pairs(&[
            ("from March 3 to May 5, 1999", "1999-03-03"),
            ("from March 3 to May 5, 1999", "1999-05-05")
        ])
    );
}

#[test]
fn partial_dates_take_the_year_of_the_nearest_earlier_date() {
    assert_eq!(
        keys("Talks began in March 2011. In July, they failed; on July 21 they resumed."),
        pairs(&[
            ("March 2011", "2011-03"),
            ("July", "2011-07 (inferred)"),
            ("July 21", "2011-07-21 (inferred)"),
        ])
    );
    assert_eq!(
        keys("In May 2009 the war ended. A truce followed on 21 July."),
        pairs(&[
            ("May 2009", "2009-05"),
            ("21 July", "2009-07-21 (inferred)")
        ])
    );
    // A bare year is often a look back: it dates nothing after it.
    assert_eq!(
        keys("Records began in 1997. Fighting erupted on Jan. 16."),
        pairs(&[("1997", "1997"), ("Jan. 16", "January 16")])
    );
}

#[test]
fn the_documents_own_date_comes_first() {
    let sent = Some(day(2019, 3, 8)); // a Friday
    assert_eq!(
        keys_dated("Back in 2001 it was different. The vote is in July.", sent),
        pairs(&[("2001", "2001"), ("July", "2019-07 (inferred)")])
    );
    assert_eq!(
        keys_dated("We met last Tuesday and will meet next Tuesday.", sent),
        pairs(&[
            ("Tuesday", "2019-03-05 (inferred)"),
            ("Tuesday", "2019-03-12 (inferred)")
        ])
    );
    assert_eq!(
        keys_dated("The deal was signed Friday.", sent),
        pairs(&[("Friday", "2019-03-08 (inferred)")])
    );
    assert_eq!(
        keys_dated("The deal was signed Wednesday night.", sent),
        pairs(&[("Wednesday night", "2019-03-06 (inferred)")])
    );
    assert_eq!(
        keys_dated("He left last April and returns next September.", sent),
        pairs(&[
            ("April", "2018-04 (inferred)"),
            ("September", "2019-09 (inferred)")
        ])
    );
}

#[test]
fn a_dateline_dates_the_document() {
    let text = "LAGOS, March 8, 2019 — Officials said Tuesday that the vote set for 2023 \
                would go ahead in June.";
    assert_eq!(
        keys(text),
        pairs(&[
            ("March 8, 2019", "2019-03-08"),
            ("Tuesday", "2019-03-05 (inferred)"),
            ("2023", "2023"),
            ("June", "2019-06 (inferred)"),
        ])
    );
}

#[test]
fn weekdays_need_a_day_to_count_from() {
    // A year names no day: the weekday stays without a value.
    assert_eq!(
        keys("In 2009 the war ended. Talks resumed Friday."),
        pairs(&[("2009", "2009"), ("Friday", "Friday")])
    );
    // From a date in the text, the weekday within three days of it.
    assert_eq!(
        keys("Talks had stalled. On Monday, March 4, 2019 they began; on Thursday they ended."),
        pairs(&[
            ("Monday, March 4, 2019", "2019-03-04"),
            ("Thursday", "2019-03-07 (inferred)")
        ])
    );
}

#[test]
fn without_an_anchor_partial_dates_have_no_value() {
    let found = find_dates_in_context(
        "Rebels struck Sunday. The April truce held until July 4.",
        None,
    );
    let shown: Vec<(Option<DateValue>, bool, String)> = found
        .iter()
        .map(|d| (d.value, d.inferred, d.key()))
        .collect();
    assert_eq!(
        shown,
        vec![
            (None, false, "Sunday".to_string()),
            (None, false, "April".to_string()),
            (None, false, "July 4".to_string()),
        ]
    );
}

#[test]
fn month_names_need_a_sign_of_time() {
    for text in [
        "April Ryan asked a question.",
        "May I ask?",
        "the March on Rome",
        "She may come.",
        "Jan said so.",
        "Reports by May were read.",
        "The Sunday Times reported it.",
        "in April Glaspie's cable",
    ] {
        assert_eq!(keys(text), Vec::<(&str, String)>::new(), "{text:?}");
    }
    for (text, surface) in [
        ("held in early November", "November"),
        ("since August the price", "August"),
        ("the February assassination", "February"),
        ("by the end of June", "June"),
        ("on Jan. 5 the", "Jan. 5"),
        ("a mid-July vote", "July"),
        ("the 4th of July parade", "4th of July"),
    ] {
        let found = keys(text);
        assert_eq!(found.len(), 1, "{text:?} gave {found:?}");
        assert_eq!(found[0].0, surface, "{text:?}");
    }
}

#[test]
fn day_numbers_that_count_are_not_days() {
    for text in [
        "in May 5 people died",
        "since March 30 percent",
        "at July 21:30",
    ] {
        assert!(
            keys(text)
                .iter()
                .all(|(s, _)| !s.chars().any(|c| c.is_ascii_digit())),
            "{text:?} gave {:?}",
            keys(text)
        );
    }
}

#[test]
fn keys_read_back() {
    assert_eq!(
        parse_date_key("2011-07"),
        (DateValue::month(2011, 7), false)
    );
    assert_eq!(
        parse_date_key("2011-07 (inferred)"),
        (DateValue::month(2011, 7), true)
    );
    assert_eq!(parse_date_key("Friday"), (None, false));
}

#[test]
fn document_dates_are_read_from_metadata() {
    assert_eq!(super::document_date("2019-03-04"), Some(day(2019, 3, 4)));
    assert_eq!(
        super::document_date("2019-03-04T10:00:00Z"),
        Some(day(2019, 3, 4))
    );
    assert_eq!(
        super::document_date("Mon, 4 Mar 2019 10:00:00 +0000"),
        Some(day(2019, 3, 4))
    );
    assert_eq!(super::document_date("soon"), None);
}

#[test]
fn year_pairs_with_spaced_dashes_are_ranges() {
    assert_eq!(
        keys("during the 1991 - 95 war"),
        pairs(&[("1991 - 95", "1991"), ("1991 - 95", "1995")])
    );
    assert_eq!(
        keys("a civil war (1936 - 39)."),
        pairs(&[("1936 - 39", "1936"), ("1936 - 39", "1939")])
    );
    assert_eq!(
        keys("some 1000 - 1500 people"),
        Vec::<(&str, String)>::new()
    );
    assert_eq!(keys("scored 2010 - 1995"), Vec::<(&str, String)>::new());
}

#[test]
fn month_days_before_a_plural_noun_are_dates() {
    assert_eq!(
        keys("after the January 30 elections"),
        pairs(&[("January 30", "January 30")])
    );
}

#[test]
fn more_signs_of_a_month() {
    for (text, surface) in [
        ("elections set for June.", "June"),
        ("the country's November elections", "November"),
        ("adjourn for all of August", "August"),
        ("the truce on January second.", "January second"),
    ] {
        let found = keys(text);
        assert_eq!(found.len(), 1, "{text:?} gave {found:?}");
        assert_eq!(found[0].0, surface, "{text:?}");
    }
    assert_eq!(
        keys("a vote for May as leader"),
        Vec::<(&str, String)>::new()
    );
    // A day in words is not the start of a noun phrase ("second round").
    assert_eq!(
        keys("the January second round"),
        pairs(&[("January", "January")])
    );
}

#[test]
fn a_range_of_partial_dates_may_cross_the_new_year() {
    let sent = Some(day(2019, 3, 8));
    let span = "from 20 December to 6 January";
    assert_eq!(
        keys_dated(&format!("Schools closed {span}."), sent),
        pairs(&[
            (span, "2019-12-20 (inferred)"),
            (span, "2020-01-06 (inferred)")
        ])
    );
}

#[test]
fn two_weekdays_joined_are_a_schedule_without_a_value() {
    let sent = Some(day(2019, 3, 8));
    assert_eq!(
        keys_dated("The office opens Monday to Friday.", sent),
        pairs(&[
            ("Monday to Friday", "Monday"),
            ("Monday to Friday", "Friday")
        ])
    );
}
