//! Meridians and parallels for a view, spaced by zoom: every 30° for the
//! world, down to every degree when zoomed in.

use super::projection::{LAT_LIMIT, Viewport, WorldPoint};
use super::types::{LonLat, Point};

/// Steps in degrees, coarsest first.
const STEPS: [f64; 6] = [30.0, 10.0, 5.0, 2.0, 1.0, 0.5];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraticuleKind {
    /// A line of constant longitude (vertical on screen).
    Meridian,
    /// A line of constant latitude (horizontal on screen).
    Parallel,
}

/// One straight graticule line on screen, clipped to the map area and the world.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GraticuleLine {
    pub kind: GraticuleKind,
    /// The longitude (meridian) or latitude (parallel), for a label.
    pub degrees: f64,
    pub from: Point,
    pub to: Point,
}

/// The graticule of the view, with the finest step whose lines stay at least
/// `min_spacing_px` apart along the equator.
pub fn graticule(viewport: &Viewport, min_spacing_px: f32) -> Vec<GraticuleLine> {
    let px_per_degree = viewport.scale() / 360.0;
    let step = STEPS
        .iter()
        .copied()
        .rfind(|&s| s * px_per_degree >= f64::from(min_spacing_px))
        .unwrap_or(STEPS[0]);

    let (w, h) = viewport.size();
    // The visible part of the world, in screen pixels.
    let world_nw = viewport.world_to_screen(WorldPoint::from_lonlat(LonLat::new(-180.0, LAT_LIMIT)));
    let world_se = viewport.world_to_screen(WorldPoint::from_lonlat(LonLat::new(180.0, -LAT_LIMIT)));
    let (left, right) = (world_nw.x.max(0.0), world_se.x.min(w));
    let (top, bottom) = (world_nw.y.max(0.0), world_se.y.min(h));
    if left >= right || top >= bottom {
        return Vec::new();
    }
    let visible = viewport.visible_bounds();
    let mut lines = Vec::new();

    for lon in multiples_within(step, visible.west, visible.east, 180.0) {
        let x = viewport.project(LonLat::new(lon, 0.0)).x;
        lines.push(GraticuleLine {
            kind: GraticuleKind::Meridian,
            degrees: lon,
            from: Point::new(x, top),
            to: Point::new(x, bottom),
        });
    }
    for lat in multiples_within(step, visible.south, visible.north, LAT_LIMIT) {
        let y = viewport.project(LonLat::new(0.0, lat)).y;
        lines.push(GraticuleLine {
            kind: GraticuleKind::Parallel,
            degrees: lat,
            from: Point::new(left, y),
            to: Point::new(right, y),
        });
    }
    lines
}

/// Multiples of `step` in `[lo, hi]`, and within ±`limit`.
fn multiples_within(step: f64, lo: f64, hi: f64, limit: f64) -> impl Iterator<Item = f64> {
    let first = (lo.max(-limit) / step).ceil() as i64;
    let last = (hi.min(limit) / step).floor() as i64;
    (first..=last).map(move |k| k as f64 * step)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiples_cover_the_range_inclusively() {
        let v: Vec<f64> = multiples_within(30.0, -180.0, 180.0, 180.0).collect();
        assert_eq!(v.len(), 13);
        assert_eq!(v.first(), Some(&-180.0));
        let v: Vec<f64> = multiples_within(10.0, -89.0, 89.0, LAT_LIMIT).collect();
        assert_eq!(v.first(), Some(&-80.0));
        assert_eq!(v.last(), Some(&80.0));
    }
}
