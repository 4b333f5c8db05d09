//! Days since 1970-01-01 back to calendar dates, and how a reader writes them.

pub use crate::extract::dates::civil_from_days;
use crate::extract::dates::days_from_epoch;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "3 Mar 1999".
pub fn day_label(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{d} {} {y}", MONTHS[usize::from(m - 1)])
}

/// How a range of whole days reads: "1999", "1990–1999", "Mar 1999", "3 Mar 1999",
/// "Mar 1999 – Jun 2001"; `last` is inclusive.
pub fn range_label(first: i64, last: i64) -> String {
    let (y0, m0, d0) = civil_from_days(first);
    let (y1, m1, d1) = civil_from_days(last);
    let whole_years = (m0, d0) == (1, 1) && (m1, d1) == (12, 31);
    let whole_months = d0 == 1 && days_from_epoch(y1, m1, d1) + 1 == next_month_start(y1, m1);
    if whole_years {
        return if y0 == y1 {
            y0.to_string()
        } else {
            format!("{y0}–{y1}")
        };
    }
    let month = |y: i32, m: u8| format!("{} {y}", MONTHS[usize::from(m - 1)]);
    if whole_months {
        return if (y0, m0) == (y1, m1) {
            month(y0, m0)
        } else {
            format!("{} – {}", month(y0, m0), month(y1, m1))
        };
    }
    if first == last {
        day_label(first)
    } else {
        format!("{} – {}", day_label(first), day_label(last))
    }
}

fn next_month_start(year: i32, month: u8) -> i64 {
    if month == 12 {
        days_from_epoch(year + 1, 1, 1)
    } else {
        days_from_epoch(year, month + 1, 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_from_days_inverts_days_from_epoch_across_centuries() {
        for (y, m, d) in [
            (1970, 1, 1),
            (1999, 3, 3),
            (2000, 2, 29),
            (1900, 12, 31),
            (1066, 10, 14),
            (2100, 3, 1),
        ] {
            assert_eq!(civil_from_days(days_from_epoch(y, m, d)), (y, m, d));
        }
    }

    #[test]
    fn ranges_read_as_a_person_writes_them() {
        let d = days_from_epoch;
        assert_eq!(range_label(d(1999, 1, 1), d(1999, 12, 31)), "1999");
        assert_eq!(range_label(d(1990, 1, 1), d(1999, 12, 31)), "1990–1999");
        assert_eq!(range_label(d(1999, 3, 1), d(1999, 3, 31)), "Mar 1999");
        assert_eq!(
            range_label(d(1999, 3, 1), d(2001, 6, 30)),
            "Mar 1999 – Jun 2001"
        );
        assert_eq!(range_label(d(1999, 3, 3), d(1999, 3, 3)), "3 Mar 1999");
        assert_eq!(
            range_label(d(1999, 3, 3), d(1999, 4, 10)),
            "3 Mar 1999 – 10 Apr 1999"
        );
    }
}
