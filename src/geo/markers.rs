//! Place markers on screen: clustering nearby ones, their size, picking one
//! under the cursor, and selecting those inside a dragged rectangle.

use std::collections::HashMap;

use super::projection::Viewport;
use super::types::{LonLat, Point, ScreenRect};

/// A place to show, with the caller's id for it and its weight (documents).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarkerInput<Id> {
    pub id: Id,
    pub lonlat: LonLat,
    pub weight: u32,
}

/// One circle on the map: a single marker or several close ones together.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster<Id> {
    /// Weighted mean of the members' screen positions.
    pub center: Point,
    /// The members, heaviest first.
    pub ids: Vec<Id>,
    /// Sum of the members' weights.
    pub weight: u32,
    /// Drawing (and picking) radius: [`marker_radius`] of `weight`.
    pub radius: f32,
}

/// How marker size follows weight: the area grows with it, within limits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarkerScale {
    pub min_radius: f32,
    pub max_radius: f32,
    /// Radius of a weight-1 marker; weight `n` gets `sqrt(n)` times this.
    pub unit_radius: f32,
}

impl Default for MarkerScale {
    fn default() -> Self {
        Self {
            min_radius: 4.0,
            max_radius: 30.0,
            unit_radius: 4.0,
        }
    }
}

impl MarkerScale {
    pub fn radius(&self, weight: u32) -> f32 {
        (self.unit_radius * (weight as f32).sqrt()).clamp(self.min_radius, self.max_radius)
    }
}

/// Radius in pixels of a marker for `doc_count` documents, with the default
/// [`MarkerScale`]: area proportional to the count, between 4 and 30 px.
pub fn marker_radius(doc_count: u32) -> f32 {
    MarkerScale::default().radius(doc_count)
}

/// Groups markers less than `radius_px` apart on screen. Heavier markers seed
/// clusters first; each other marker joins the nearest seed within
/// `radius_px`, found through a grid of `radius_px` cells, or seeds its own.
/// Markers off-screen (beyond `radius_px`) are left out.
pub fn cluster<Id: Copy>(
    markers: &[MarkerInput<Id>],
    viewport: &Viewport,
    radius_px: f32,
) -> Vec<Cluster<Id>> {
    let radius = radius_px.max(1.0);
    let screen = viewport.screen_rect();
    let mut order: Vec<(usize, Point)> = markers
        .iter()
        .enumerate()
        .map(|(i, m)| (i, viewport.project(m.lonlat)))
        .filter(|(_, p)| {
            p.x >= screen.min.x - radius
                && p.x <= screen.max.x + radius
                && p.y >= screen.min.y - radius
                && p.y <= screen.max.y + radius
        })
        .collect();
    // Stable: equal weights keep the caller's order, so results are repeatable.
    order.sort_by(|a, b| markers[b.0].weight.cmp(&markers[a.0].weight));

    let cell_of = |p: Point| ((p.x / radius).floor() as i32, (p.y / radius).floor() as i32);
    let mut seeds_by_cell: HashMap<(i32, i32), Vec<usize>> = HashMap::new();
    let mut seeds: Vec<Point> = Vec::new();
    let mut groups: Vec<Vec<(usize, Point)>> = Vec::new();

    for (index, p) in order {
        let (cx, cy) = cell_of(p);
        let nearest = (cx - 1..=cx + 1)
            .flat_map(|x| (cy - 1..=cy + 1).map(move |y| (x, y)))
            .filter_map(|cell| seeds_by_cell.get(&cell))
            .flatten()
            .map(|&s| (s, seeds[s].distance(p)))
            .filter(|&(_, d)| d < radius)
            .min_by(|a, b| a.1.total_cmp(&b.1));
        match nearest {
            Some((s, _)) => groups[s].push((index, p)),
            None => {
                seeds_by_cell.entry((cx, cy)).or_default().push(seeds.len());
                seeds.push(p);
                groups.push(vec![(index, p)]);
            }
        }
    }
    groups
        .into_iter()
        .map(|members| summarise(markers, &members))
        .collect()
}

fn summarise<Id: Copy>(markers: &[MarkerInput<Id>], members: &[(usize, Point)]) -> Cluster<Id> {
    let weight = members
        .iter()
        .fold(0u32, |sum, &(i, _)| sum.saturating_add(markers[i].weight));
    // Weight-0 markers still pull the centre a little, so a cluster of them has one.
    let pull = |i: usize| f64::from(markers[i].weight) + 1e-3;
    let total: f64 = members.iter().map(|&(i, _)| pull(i)).sum();
    let (sx, sy) = members.iter().fold((0.0, 0.0), |(sx, sy), &(i, p)| {
        (sx + f64::from(p.x) * pull(i), sy + f64::from(p.y) * pull(i))
    });
    Cluster {
        center: Point::new((sx / total) as f32, (sy / total) as f32),
        ids: members.iter().map(|&(i, _)| markers[i].id).collect(),
        weight,
        radius: marker_radius(weight),
    }
}

/// The cluster under `point`: of those whose circle holds it, the one whose
/// centre is nearest. Tiny circles are picked within a few pixels.
pub fn hit_test<Id>(clusters: &[Cluster<Id>], point: Point) -> Option<usize> {
    const MIN_PICK_RADIUS: f32 = 6.0;
    clusters
        .iter()
        .enumerate()
        .map(|(i, c)| (i, c.center.distance(point), c.radius.max(MIN_PICK_RADIUS)))
        .filter(|&(_, d, r)| d <= r)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _, _)| i)
}

/// Ids of the markers whose position falls inside `rect` (screen pixels, as
/// a shift-drag gives it), in input order.
pub fn markers_in_rect<Id: Copy>(
    markers: &[MarkerInput<Id>],
    viewport: &Viewport,
    rect: ScreenRect,
) -> Vec<Id> {
    markers
        .iter()
        .filter(|m| rect.contains(viewport.project(m.lonlat)))
        .map(|m| m.id)
        .collect()
}
