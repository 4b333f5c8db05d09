//! The offline map's geometry, with no knowledge of egui: the embedded country
//! outlines ([`Basemap`]), the Web-Mercator [`Viewport`] (project, pan, zoom,
//! fit), the per-frame outlines in screen space ([`Polylines`]), the
//! [`graticule`], and marker clustering, sizing and picking ([`markers`]).
//!
//! Screen coordinates are pixels from the top-left corner of the map's own
//! rectangle; the panel adds that rectangle's origin when it draws.

pub mod basemap;
pub mod graticule;
pub mod markers;
pub mod polylines;
pub mod projection;
mod types;

pub use basemap::{Basemap, BasemapError, Country, Detail, Ring};
pub use graticule::{GraticuleKind, GraticuleLine, graticule};
pub use markers::{
    Cluster, MarkerInput, MarkerScale, cluster, hit_test, marker_radius, markers_in_rect,
};
pub use polylines::Polylines;
pub use projection::{LAT_LIMIT, Viewport, WorldPoint};
pub use types::{GeoBounds, LonLat, Point, ScreenRect};
