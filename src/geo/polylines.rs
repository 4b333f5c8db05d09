//! The country outlines of one frame, in screen space, ready to stroke.
//!
//! Per ring: skip it when its box is off-screen or smaller than the
//! simplification distance; break the line where it jumps across the
//! antimeridian (a stray line across the whole map otherwise), where it runs
//! along the ±180° cut itself, and where a segment lies wholly off-screen;
//! drop points closer than `simplify_px` to the last one kept.

use super::basemap::{Basemap, Country};
use super::projection::{Viewport, WorldPoint};
use super::types::{Point, ScreenRect};

/// Segments are kept up to this far off-screen, so thick strokes reach the edge.
const EDGE_MARGIN_PX: f32 = 4.0;
/// A jump of more than half the world's width (180° of longitude) between two
/// consecutive points is a ring crossing the antimeridian.
const ANTIMERIDIAN_JUMP: f64 = 0.5;
/// Points this close to ±180° (in world units, about 0.004°) lie on Natural
/// Earth's cut, which is not a real border.
const SEAM_TOLERANCE: f64 = 1e-5;

/// A reusable set of screen-space polylines: fill it each frame with
/// [`Polylines::fill`], then stroke each of [`Polylines::iter`].
#[derive(Debug, Clone, Default)]
pub struct Polylines {
    points: Vec<Point>,
    /// End index (exclusive) in `points` of each finished line.
    ends: Vec<usize>,
    /// Start of the line being built, if one is open.
    open_from: Option<usize>,
    /// The last point dropped by simplification, kept to end a line exactly.
    pending: Option<Point>,
}

impl Polylines {
    pub fn new() -> Self {
        Self::default()
    }

    /// The outlines of `basemap` as seen in `viewport`, in a new buffer.
    pub fn for_view(basemap: &Basemap, viewport: &Viewport, simplify_px: f32) -> Self {
        let mut lines = Self::new();
        lines.fill(basemap, viewport, simplify_px);
        lines
    }

    /// Replaces the content with the outlines of `basemap` as seen in
    /// `viewport`, reusing the allocations of earlier frames.
    pub fn fill(&mut self, basemap: &Basemap, viewport: &Viewport, simplify_px: f32) {
        self.clear();
        for country in basemap.countries() {
            self.add_country(country, viewport, simplify_px);
        }
    }

    /// Adds the outline of one country (e.g. to highlight it), skipping rings
    /// off-screen or smaller than `simplify_px`.
    pub fn add_country(&mut self, country: &Country, viewport: &Viewport, simplify_px: f32) {
        let (view_min, view_max) = viewport.visible_world(EDGE_MARGIN_PX);
        let tiny = f64::from(simplify_px.max(0.0)) / viewport.scale();
        for ring in &country.rings {
            let off_screen = ring.world_max.x < view_min.x
                || ring.world_min.x > view_max.x
                || ring.world_max.y < view_min.y
                || ring.world_min.y > view_max.y;
            let too_small = ring.world_max.x - ring.world_min.x < tiny
                && ring.world_max.y - ring.world_min.y < tiny;
            if !off_screen && !too_small {
                self.add_world_ring(&ring.world, viewport, simplify_px);
            }
        }
    }

    /// Adds one ring of world points, split and simplified as described in the
    /// module documentation. Public for callers with their own shapes.
    pub fn add_world_ring(&mut self, world: &[WorldPoint], viewport: &Viewport, simplify_px: f32) {
        let screen = grow(viewport.screen_rect(), EDGE_MARGIN_PX);
        let mut prev: Option<(WorldPoint, Point, u8)> = None;
        for &w in world {
            let p = viewport.world_to_screen(w);
            let code = outcode(&screen, p);
            if let Some((prev_w, prev_p, prev_code)) = prev {
                let jumps = (w.x - prev_w.x).abs() > ANTIMERIDIAN_JUMP;
                let on_cut = on_seam(prev_w) && on_seam(w) && (w.x - prev_w.x).abs() < 0.5;
                let hidden = prev_code & code != 0;
                if jumps || on_cut || hidden {
                    self.finish_line();
                } else {
                    self.extend_line(prev_p, p, simplify_px);
                }
            }
            prev = Some((w, p, code));
        }
        self.finish_line();
    }

    pub fn clear(&mut self) {
        self.points.clear();
        self.ends.clear();
        self.open_from = None;
        self.pending = None;
    }

    /// Each polyline as a slice of screen points (at least two each).
    pub fn iter(&self) -> impl Iterator<Item = &[Point]> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .map(|(start, end)| &self.points[start..end])
    }

    /// Number of polylines.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Number of points over all polylines: the cost of drawing them.
    pub fn point_count(&self) -> usize {
        self.ends.last().copied().unwrap_or(0)
    }

    /// Continues the open line with the segment `from → to`, or opens one.
    fn extend_line(&mut self, from: Point, to: Point, simplify_px: f32) {
        if self.open_from.is_none() {
            self.open_from = Some(self.points.len());
            self.points.push(from);
        }
        let last = self.points[self.points.len() - 1];
        if last.distance(to) >= simplify_px {
            self.points.push(to);
            self.pending = None;
        } else {
            self.pending = Some(to);
        }
    }

    fn finish_line(&mut self) {
        let Some(start) = self.open_from.take() else {
            return;
        };
        if let Some(p) = self.pending.take() {
            self.points.push(p);
        }
        if self.points.len() - start >= 2 {
            self.ends.push(self.points.len());
        } else {
            self.points.truncate(start);
        }
    }
}

fn on_seam(w: WorldPoint) -> bool {
    w.x <= SEAM_TOLERANCE || w.x >= 1.0 - SEAM_TOLERANCE
}

fn grow(r: ScreenRect, by: f32) -> ScreenRect {
    ScreenRect {
        min: Point::new(r.min.x - by, r.min.y - by),
        max: Point::new(r.max.x + by, r.max.y + by),
    }
}

/// Cohen–Sutherland outcode: which sides of `r` the point is beyond. Two
/// points sharing a bit span a segment that cannot cross the rectangle.
fn outcode(r: &ScreenRect, p: Point) -> u8 {
    u8::from(p.x < r.min.x)
        | u8::from(p.x > r.max.x) << 1
        | u8::from(p.y < r.min.y) << 2
        | u8::from(p.y > r.max.y) << 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::types::LonLat;

    fn world(points: &[(f64, f64)]) -> Vec<WorldPoint> {
        points
            .iter()
            .map(|&(lon, lat)| WorldPoint::from_lonlat(LonLat::new(lon, lat)))
            .collect()
    }

    #[test]
    fn close_points_are_dropped_but_line_ends_are_kept() {
        let vp = Viewport::whole_world((1000.0, 1000.0));
        // One degree is under 3 px here: the middle points go, the ends stay.
        let ring = world(&[(0.0, 0.0), (0.5, 0.0), (1.0, 0.0), (1.5, 0.0), (20.0, 0.0)]);
        let mut lines = Polylines::new();
        lines.add_world_ring(&ring, &vp, 5.0);
        let only: Vec<&[Point]> = lines.iter().collect();
        assert_eq!(only.len(), 1);
        assert_eq!(only[0].len(), 2);
        assert_eq!(only[0][1], vp.project(LonLat::new(20.0, 0.0)));
    }

    #[test]
    fn segments_wholly_off_screen_break_the_line() {
        let vp = Viewport::new(LonLat::new(0.0, 0.0), 3600.0, (200.0, 200.0));
        // Visible field is about ±10°; the ring goes far east and back.
        let ring = world(&[(-5.0, 0.0), (5.0, 0.0), (60.0, 0.0), (60.0, 5.0), (5.0, 5.0)]);
        let mut lines = Polylines::new();
        lines.add_world_ring(&ring, &vp, 0.0);
        assert_eq!(lines.len(), 2, "the far-east part is not drawn");
        assert_eq!(lines.point_count(), 5);
    }
}
