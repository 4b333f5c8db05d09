//! Plain value types shared by the map's geometry: geographic positions and
//! bounds, screen points and rectangles.

/// A geographic position in degrees (WGS 84): longitude east, latitude north.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

impl LonLat {
    pub const fn new(lon: f64, lat: f64) -> Self {
        Self { lon, lat }
    }
}

/// A position on screen, in pixels from the top-left corner of the map area.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl Point {
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }

    pub fn distance(self, other: Point) -> f32 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}

/// An axis-aligned rectangle on screen; `min` is the top-left corner.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ScreenRect {
    pub min: Point,
    pub max: Point,
}

impl ScreenRect {
    /// The rectangle spanned by two corners given in any order, as a drag gives them.
    pub fn from_corners(a: Point, b: Point) -> Self {
        Self {
            min: Point::new(a.x.min(b.x), a.y.min(b.y)),
            max: Point::new(a.x.max(b.x), a.y.max(b.y)),
        }
    }

    pub fn contains(&self, p: Point) -> bool {
        (self.min.x..=self.max.x).contains(&p.x) && (self.min.y..=self.max.y).contains(&p.y)
    }

    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }

    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }
}

/// A longitude/latitude box. It never crosses the antimeridian: `west <= east`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeoBounds {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl GeoBounds {
    /// The smallest box around the points, or `None` when there are none.
    pub fn from_points(points: impl IntoIterator<Item = LonLat>) -> Option<Self> {
        let mut points = points.into_iter();
        let first = points.next()?;
        let mut bounds = Self {
            west: first.lon,
            south: first.lat,
            east: first.lon,
            north: first.lat,
        };
        for p in points {
            bounds.extend(p);
        }
        Some(bounds)
    }

    pub fn extend(&mut self, p: LonLat) {
        self.west = self.west.min(p.lon);
        self.east = self.east.max(p.lon);
        self.south = self.south.min(p.lat);
        self.north = self.north.max(p.lat);
    }

    pub fn contains(&self, p: LonLat) -> bool {
        (self.west..=self.east).contains(&p.lon) && (self.south..=self.north).contains(&p.lat)
    }

    pub fn intersects(&self, other: &GeoBounds) -> bool {
        self.west <= other.east
            && other.west <= self.east
            && self.south <= other.north
            && other.south <= self.north
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_grow_to_hold_every_point() {
        let b = GeoBounds::from_points([
            LonLat::new(10.0, -5.0),
            LonLat::new(-20.0, 40.0),
            LonLat::new(5.0, 0.0),
        ]);
        assert_eq!(
            b,
            Some(GeoBounds {
                west: -20.0,
                south: -5.0,
                east: 10.0,
                north: 40.0
            })
        );
        assert_eq!(GeoBounds::from_points([]), None);
    }

    #[test]
    fn rect_from_corners_is_normalised() {
        let r = ScreenRect::from_corners(Point::new(50.0, 10.0), Point::new(20.0, 40.0));
        assert_eq!(r.min, Point::new(20.0, 10.0));
        assert_eq!(r.max, Point::new(50.0, 40.0));
        assert!(r.contains(Point::new(30.0, 30.0)));
        assert!(!r.contains(Point::new(10.0, 30.0)));
    }
}
