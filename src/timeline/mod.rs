//! The timeline of the dates mentioned in the texts, without egui: calendar arithmetic,
//! bins at the level the zoom allows (decade, year, month, day) that respect each date's
//! own precision, tick labels that never overlap, and the CSV export.

mod bins;
mod calendar;
mod csv;
mod scale;

pub use bins::{BinLevel, Histogram, TimePoint, histogram};
pub use calendar::{civil_from_days, day_label, range_label};
pub use csv::{TimelineRow, timeline_csv};
pub use scale::{Tick, TimeScale, ticks};
