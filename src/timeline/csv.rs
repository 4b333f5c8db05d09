//! File → Export timeline: one row per date mention, ready for a spreadsheet or TimelineJS.

use crate::export::csv_field;

/// One date mention as exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineRow {
    /// ISO value: "1999-03-03", "1979-02", "1968", "1980s".
    pub value: String,
    /// "day", "month", "year" or "decade".
    pub granularity: &'static str,
    /// Document path relative to the corpus folder.
    pub document: String,
    /// The sentence around the mention, on one line.
    pub sentence: String,
}

/// The rows as CSV with a header (RFC 4180 quoting).
pub fn timeline_csv(rows: &[TimelineRow]) -> String {
    let mut out = String::from("value,granularity,document,sentence\n");
    for row in rows {
        let fields = [
            csv_field(&row.value),
            csv_field(row.granularity),
            csv_field(&row.document),
            csv_field(&row.sentence),
        ];
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_quoted_where_needed() {
        let rows = [
            TimelineRow {
                value: "1999-03-03".into(),
                granularity: "day",
                document: "reports/a.txt".into(),
                sentence: "On 3 March 1999, \"Okafor\" flew to Lagos.".into(),
            },
            TimelineRow {
                value: "1980s".into(),
                granularity: "decade",
                document: "b.md".into(),
                sentence: "In the 1980s the port grew.".into(),
            },
        ];
        assert_eq!(
            timeline_csv(&rows),
            "value,granularity,document,sentence\n\
             1999-03-03,day,reports/a.txt,\"On 3 March 1999, \"\"Okafor\"\" flew to Lagos.\"\n\
             1980s,decade,b.md,In the 1980s the port grew.\n"
        );
    }
}
