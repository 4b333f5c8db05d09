//! The map projection and the view onto it.
//!
//! Web Mercator, because it is conformal: a zoomed-in region keeps the shape
//! readers know from every web map, and meridians and parallels stay straight,
//! so culling and the graticule work on plain rectangles. Its cost, the growth
//! of high latitudes, is bounded by clamping latitude to ±[`LAT_LIMIT`].
//!
//! "World" coordinates are the Mercator unit square: x from 0 (180° W) to 1
//! (180° E), y from 0 (north) to 1 (south). A [`Viewport`] maps them to screen
//! pixels with a centre and a scale (pixels per world width).

use std::f64::consts::PI;

use super::types::{GeoBounds, LonLat, Point, ScreenRect};

/// Latitudes beyond this are clamped: Mercator grows without bound at the poles.
pub const LAT_LIMIT: f64 = 85.0;

/// Closest zoom: about 76 m per pixel at the equator. The outlines are far
/// coarser than that; the limit is for telling apart places in one city.
const MAX_SCALE: f64 = 256.0 * 2048.0;
/// `fit` stops here when the bounds are tiny (one marker): a regional view.
const FIT_MAX_SCALE: f64 = 256.0 * 64.0;
/// However small the map area, the world is never drawn smaller than this.
const MIN_SCALE_FLOOR: f64 = 64.0;

/// A position in the Mercator unit square.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct WorldPoint {
    pub x: f64,
    pub y: f64,
}

impl WorldPoint {
    /// Projects a geographic position; latitude is clamped to ±[`LAT_LIMIT`].
    pub fn from_lonlat(p: LonLat) -> Self {
        let lat = p.lat.clamp(-LAT_LIMIT, LAT_LIMIT).to_radians();
        Self {
            x: (p.lon + 180.0) / 360.0,
            y: 0.5 - (PI / 4.0 + lat / 2.0).tan().ln() / (2.0 * PI),
        }
    }

    pub fn to_lonlat(self) -> LonLat {
        LonLat {
            lon: self.x * 360.0 - 180.0,
            lat: (PI * (1.0 - 2.0 * self.y)).sinh().atan().to_degrees(),
        }
    }
}

/// The world square's top and bottom edges (at ±LAT_LIMIT).
fn world_y_range() -> (f64, f64) {
    (
        WorldPoint::from_lonlat(LonLat::new(0.0, LAT_LIMIT)).y,
        WorldPoint::from_lonlat(LonLat::new(0.0, -LAT_LIMIT)).y,
    )
}

/// What the map area shows: a centre, a scale and the area's size in pixels.
/// The centre stays on the world and the scale within limits, whatever the
/// calls, so the world can never be lost off-screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    center: WorldPoint,
    /// Screen pixels per world width (360° of longitude).
    scale: f64,
    width: f32,
    height: f32,
}

impl Viewport {
    pub fn new(center: LonLat, scale: f64, size: (f32, f32)) -> Self {
        let mut vp = Self {
            center: WorldPoint::from_lonlat(center),
            scale,
            width: size.0.max(1.0),
            height: size.1.max(1.0),
        };
        vp.clamp();
        vp
    }

    /// The whole world, centred, as large as fits.
    pub fn whole_world(size: (f32, f32)) -> Self {
        let world = GeoBounds {
            west: -180.0,
            south: -LAT_LIMIT,
            east: 180.0,
            north: LAT_LIMIT,
        };
        Self::fit(world, size, 0.0)
    }

    /// The closest view that shows all of `bounds` with `margin` pixels to spare
    /// on each side. Tiny bounds (a single place) give a regional view, not the
    /// closest zoom.
    pub fn fit(bounds: GeoBounds, size: (f32, f32), margin: f32) -> Self {
        let nw = WorldPoint::from_lonlat(LonLat::new(bounds.west, bounds.north));
        let se = WorldPoint::from_lonlat(LonLat::new(bounds.east, bounds.south));
        let room_x = f64::from((size.0 - 2.0 * margin).max(1.0));
        let room_y = f64::from((size.1 - 2.0 * margin).max(1.0));
        let span_x = (se.x - nw.x).max(f64::EPSILON);
        let span_y = (se.y - nw.y).max(f64::EPSILON);
        let scale = (room_x / span_x).min(room_y / span_y).min(FIT_MAX_SCALE);
        let mut vp = Self {
            center: WorldPoint {
                x: (nw.x + se.x) / 2.0,
                y: (nw.y + se.y) / 2.0,
            },
            scale,
            width: size.0.max(1.0),
            height: size.1.max(1.0),
        };
        vp.clamp();
        vp
    }

    pub fn center(&self) -> LonLat {
        self.center.to_lonlat()
    }

    /// Screen pixels per world width (360° of longitude).
    pub fn scale(&self) -> f64 {
        self.scale
    }

    pub fn size(&self) -> (f32, f32) {
        (self.width, self.height)
    }

    /// The map area itself, from (0, 0).
    pub fn screen_rect(&self) -> ScreenRect {
        ScreenRect {
            min: Point::new(0.0, 0.0),
            max: Point::new(self.width, self.height),
        }
    }

    /// Follows a resized map area, keeping the centre and scale where allowed.
    pub fn set_size(&mut self, size: (f32, f32)) {
        self.width = size.0.max(1.0);
        self.height = size.1.max(1.0);
        self.clamp();
    }

    /// The smallest scale for the current size: the world fills half the area.
    pub fn min_scale(&self) -> f64 {
        (0.5 * f64::from(self.width.min(self.height))).max(MIN_SCALE_FLOOR)
    }

    pub fn max_scale(&self) -> f64 {
        MAX_SCALE
    }

    pub fn project(&self, p: LonLat) -> Point {
        self.world_to_screen(WorldPoint::from_lonlat(p))
    }

    /// The geographic position under a screen point, clamped to the map's
    /// world (longitude ±180°, latitude ±[`LAT_LIMIT`]).
    pub fn unproject(&self, p: Point) -> LonLat {
        let w = self.screen_to_world(p);
        let ll = w.to_lonlat();
        LonLat {
            lon: ll.lon.clamp(-180.0, 180.0),
            lat: ll.lat.clamp(-LAT_LIMIT, LAT_LIMIT),
        }
    }

    pub fn world_to_screen(&self, w: WorldPoint) -> Point {
        Point {
            x: ((w.x - self.center.x) * self.scale + f64::from(self.width) / 2.0) as f32,
            y: ((w.y - self.center.y) * self.scale + f64::from(self.height) / 2.0) as f32,
        }
    }

    pub fn screen_to_world(&self, p: Point) -> WorldPoint {
        WorldPoint {
            x: self.center.x + (f64::from(p.x) - f64::from(self.width) / 2.0) / self.scale,
            y: self.center.y + (f64::from(p.y) - f64::from(self.height) / 2.0) / self.scale,
        }
    }

    /// The part of the world square on screen, grown by `margin_px` on each
    /// side: `(top-left, bottom-right)` in world coordinates.
    pub fn visible_world(&self, margin_px: f32) -> (WorldPoint, WorldPoint) {
        let m = margin_px;
        (
            self.screen_to_world(Point::new(-m, -m)),
            self.screen_to_world(Point::new(self.width + m, self.height + m)),
        )
    }

    /// The geographic box on screen (clamped to the world).
    pub fn visible_bounds(&self) -> GeoBounds {
        let nw = self.unproject(Point::new(0.0, 0.0));
        let se = self.unproject(Point::new(self.width, self.height));
        GeoBounds {
            west: nw.lon,
            south: se.lat,
            east: se.lon,
            north: nw.lat,
        }
    }

    /// Moves the map with a drag of `(dx, dy)` pixels: what was under the
    /// cursor stays under it.
    pub fn pan(&mut self, dx: f32, dy: f32) {
        self.center.x -= f64::from(dx) / self.scale;
        self.center.y -= f64::from(dy) / self.scale;
        self.clamp();
    }

    /// Zooms by `factor` (> 1 closer), keeping the place under `anchor` (the
    /// cursor) where it is, unless a limit clamps the scale or the centre.
    pub fn zoom_at(&mut self, anchor: Point, factor: f64) {
        if !factor.is_finite() || factor <= 0.0 {
            return;
        }
        let fixed = self.screen_to_world(anchor);
        self.scale = (self.scale * factor).clamp(self.min_scale(), self.max_scale());
        self.center.x = fixed.x - (f64::from(anchor.x) - f64::from(self.width) / 2.0) / self.scale;
        self.center.y =
            fixed.y - (f64::from(anchor.y) - f64::from(self.height) / 2.0) / self.scale;
        self.clamp();
    }

    fn clamp(&mut self) {
        if !self.scale.is_finite() {
            self.scale = self.min_scale();
        }
        self.scale = self.scale.clamp(self.min_scale(), self.max_scale());
        let (top, bottom) = world_y_range();
        self.center.x = clamp_finite(self.center.x, 0.0, 1.0);
        self.center.y = clamp_finite(self.center.y, top, bottom);
    }
}

fn clamp_finite(v: f64, lo: f64, hi: f64) -> f64 {
    if v.is_finite() {
        v.clamp(lo, hi)
    } else {
        (lo + hi) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equator_and_greenwich_are_the_world_centre() {
        let w = WorldPoint::from_lonlat(LonLat::new(0.0, 0.0));
        assert!((w.x - 0.5).abs() < 1e-12 && (w.y - 0.5).abs() < 1e-12);
    }

    #[test]
    fn latitude_is_clamped_at_the_limit() {
        let pole = WorldPoint::from_lonlat(LonLat::new(0.0, 90.0));
        let limit = WorldPoint::from_lonlat(LonLat::new(0.0, LAT_LIMIT));
        assert_eq!(pole, limit);
        assert!(pole.y > 0.0, "85° is inside the square");
    }

    #[test]
    fn non_finite_input_does_not_poison_the_view() {
        let mut vp = Viewport::new(LonLat::new(0.0, 0.0), 1000.0, (800.0, 600.0));
        vp.pan(f32::NAN, 0.0);
        assert!(vp.center().lon.is_finite());
        vp.zoom_at(Point::new(10.0, 10.0), f64::NAN);
        assert!(vp.scale().is_finite());
    }
}
