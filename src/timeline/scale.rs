//! The timeline's horizontal scale (days to pixels, zoom and pan) and its tick marks,
//! spaced so that their labels never overlap.

use super::calendar::{civil_from_days, day_label};
use crate::extract::dates::days_from_epoch;

/// At most this zoomed in (days across the view) and out.
const MIN_SPAN_DAYS: f64 = 14.0;
const MAX_SPAN_DAYS: f64 = 365.25 * 1000.0;
/// Estimated width of one label character, and room between labels.
const CHAR_PX: f32 = 7.0;
const LABEL_GAP_PX: f32 = 14.0;

/// Which days are visible across how many pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeScale {
    /// Day at the left edge and at the right edge (fractional).
    first: f64,
    last: f64,
    width: f32,
}

impl TimeScale {
    /// Shows `first..=last` (inclusive days) with a little room on both sides.
    pub fn fit(first: i64, last: i64, width: f32) -> TimeScale {
        let span = ((last - first + 1) as f64).max(MIN_SPAN_DAYS);
        let middle = (first as f64 + last as f64 + 1.0) / 2.0;
        let span = span * 1.08;
        let mut scale = TimeScale {
            first: middle - span / 2.0,
            last: middle + span / 2.0,
            width: width.max(1.0),
        };
        scale.clamp();
        scale
    }

    pub fn set_width(&mut self, width: f32) {
        self.width = width.max(1.0);
    }

    pub fn width(&self) -> f32 {
        self.width
    }

    pub fn px_per_day(&self) -> f64 {
        f64::from(self.width) / (self.last - self.first)
    }

    /// Pixels from the left edge of the day number `day` (its start).
    pub fn x(&self, day: f64) -> f32 {
        ((day - self.first) * self.px_per_day()) as f32
    }

    /// The (fractional) day at `x` pixels from the left edge.
    pub fn day(&self, x: f32) -> f64 {
        self.first + f64::from(x) / self.px_per_day()
    }

    /// Zooms by `factor` (> 1 is closer) keeping the day under `x` where it is.
    pub fn zoom_at(&mut self, x: f32, factor: f64) {
        let anchor = self.day(x);
        let span = ((self.last - self.first) / factor).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        let left = f64::from(x) / f64::from(self.width);
        self.first = anchor - span * left;
        self.last = self.first + span;
        self.clamp();
    }

    /// Moves the view by `dx` pixels (positive drags the content right: earlier days).
    pub fn pan(&mut self, dx: f32) {
        let days = f64::from(dx) / self.px_per_day();
        self.first -= days;
        self.last -= days;
    }

    fn clamp(&mut self) {
        let span = (self.last - self.first).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        self.last = self.first + span;
    }
}

/// A tick on the axis: its day, where it is, and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub day: i64,
    pub x: f32,
    pub label: String,
}

#[derive(Debug, Clone, Copy)]
enum Step {
    Days(i64),
    Months(u8),
    Years(i32),
}

impl Step {
    /// The shortest distance between two ticks, in days.
    fn min_days(self) -> f64 {
        match self {
            Step::Days(n) => n as f64,
            Step::Months(n) => 28.0 * f64::from(n),
            Step::Years(n) => 365.0 * f64::from(n),
        }
    }

    /// Characters in the longest label at this step.
    fn label_chars(self) -> usize {
        match self {
            Step::Days(_) => "30 Sep 2000".len(),
            Step::Months(_) => "Sep 2000".len(),
            Step::Years(_) => "-2000".len(),
        }
    }
}

const STEPS: [Step; 18] = [
    Step::Days(1),
    Step::Days(2),
    Step::Days(7),
    Step::Days(14),
    Step::Months(1),
    Step::Months(2),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(20),
    Step::Years(25),
    Step::Years(50),
    Step::Years(100),
    Step::Years(200),
    Step::Years(500),
];

/// The ticks of the visible range, with the finest step whose labels do not overlap.
pub fn ticks(scale: &TimeScale) -> Vec<Tick> {
    let px_per_day = scale.px_per_day();
    let step = STEPS
        .iter()
        .copied()
        .find(|s| s.min_days() * px_per_day >= f64::from(label_room(s.label_chars())))
        .unwrap_or(Step::Years(1000));
    let first = scale.day(0.0).floor() as i64;
    let last = scale.day(scale.width()).ceil() as i64;
    let mut out = Vec::new();
    let mut push = |day: i64, label: String| {
        if (first..=last).contains(&day) {
            out.push(Tick {
                day,
                x: scale.x(day as f64),
                label,
            });
        }
    };
    match step {
        Step::Days(n) => {
            let mut day = first - first.rem_euclid(n);
            while day <= last {
                push(day, day_label(day));
                day += n;
            }
        }
        Step::Months(n) => {
            let (mut y, m, _) = civil_from_days(first);
            let mut m = m - (m - 1) % n;
            while days_from_epoch(y, m, 1) <= last {
                let (day, label) = (days_from_epoch(y, m, 1), month_label(y, m));
                push(day, label);
                m += n;
                if m > 12 {
                    m -= 12;
                    y += 1;
                }
            }
        }
        Step::Years(n) => {
            let (y0, _, _) = civil_from_days(first);
            let mut y = y0 - y0.rem_euclid(n);
            while days_from_epoch(y, 1, 1) <= last {
                push(days_from_epoch(y, 1, 1), y.to_string());
                y += n;
            }
        }
    }
    out
}

fn label_room(chars: usize) -> f32 {
    chars as f32 * CHAR_PX + LABEL_GAP_PX
}

fn month_label(year: i32, month: u8) -> String {
    let label = day_label(days_from_epoch(year, month, 1));
    // "1 Mar 1999" without the day.
    label
        .split_once(' ')
        .map_or(label.clone(), |(_, rest)| rest.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_never_overlap_from_centuries_to_days() {
        let spans: [(i32, i32); 6] = [
            (1900, 2030),
            (1960, 2000),
            (1995, 2000),
            (1999, 1999),
            (1800, 1801),
            (1000, 2100),
        ];
        for width in [300.0, 800.0, 1600.0] {
            for (y0, y1) in spans {
                let scale = TimeScale::fit(
                    days_from_epoch(y0, 1, 1),
                    days_from_epoch(y1, 12, 31),
                    width,
                );
                let ticks = ticks(&scale);
                assert!(ticks.len() >= 2, "{y0}-{y1} at {width}px: {ticks:?}");
                for pair in ticks.windows(2) {
                    let room = label_room(pair[0].label.chars().count()) - LABEL_GAP_PX / 2.0;
                    assert!(
                        pair[1].x - pair[0].x >= room,
                        "{y0}-{y1} at {width}px: {:?} and {:?} overlap",
                        pair[0],
                        pair[1]
                    );
                }
            }
        }
    }

    #[test]
    fn a_zoomed_in_axis_shows_months_or_days() {
        let scale = TimeScale::fit(
            days_from_epoch(1999, 3, 1),
            days_from_epoch(1999, 3, 31),
            1200.0,
        );
        let labels: Vec<String> = ticks(&scale).into_iter().map(|t| t.label).collect();
        assert!(labels.iter().any(|l| l.ends_with("Mar 1999")), "{labels:?}");
    }

    #[test]
    fn zoom_keeps_the_day_under_the_pointer_and_pan_moves_the_view() {
        let mut scale = TimeScale::fit(
            days_from_epoch(1990, 1, 1),
            days_from_epoch(2000, 1, 1),
            1000.0,
        );
        let before = scale.day(250.0);
        scale.zoom_at(250.0, 4.0);
        assert!((scale.day(250.0) - before).abs() < 1e-6);
        let x = scale.x(before);
        scale.pan(100.0);
        assert!((scale.x(before) - (x + 100.0)).abs() < 1e-3);
    }
}
