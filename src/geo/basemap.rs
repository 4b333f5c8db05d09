//! The embedded country outlines (Natural Earth via `world-atlas`, built by
//! `scripts/build_basemap.mjs`; the format is described there and in
//! `assets/basemap/README.md`). Each detail level is decoded once, on first
//! use, and kept for the life of the process.

use std::sync::OnceLock;

use super::projection::{Viewport, WorldPoint};
use super::types::{GeoBounds, LonLat};

static BYTES_110M: &[u8] = include_bytes!("../../assets/basemap/countries-110m.bin");
static BYTES_50M: &[u8] = include_bytes!("../../assets/basemap/countries-50m.bin");

const MAGIC: &[u8; 4] = b"CEBM";
const FORMAT_VERSION: u8 = 1;

/// Above this many pixels per world width the 1:110m outlines look coarse
/// (one pixel is then finer than 1:110m resolves), so the 1:50m ones are used.
const FINE_DETAIL_FROM_SCALE: f64 = 2048.0;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BasemapError {
    #[error("The built-in world map is damaged ({0}). Please reinstall Corpus Explorer.")]
    Damaged(&'static str),
    #[error(
        "The built-in world map is in format {0}, which this version cannot read. Please reinstall Corpus Explorer."
    )]
    UnsupportedVersion(u8),
}

/// Which outlines: 1:110 million (small, for the world) or 1:50 million.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Detail {
    Scale110m,
    Scale50m,
}

impl Detail {
    /// The detail that suits a view: finer outlines only once zoomed in.
    pub fn for_viewport(viewport: &Viewport) -> Self {
        if viewport.scale() < FINE_DETAIL_FROM_SCALE {
            Detail::Scale110m
        } else {
            Detail::Scale50m
        }
    }

    /// The outlines at this detail, decoded on first use.
    pub fn basemap(self) -> Result<&'static Basemap, BasemapError> {
        match self {
            Detail::Scale110m => Basemap::load_110m(),
            Detail::Scale50m => Basemap::load_50m(),
        }
    }
}

/// One closed ring of an outline: the border of a polygon or of a hole in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Ring {
    /// The ring's points; the last repeats the first.
    pub points: Vec<LonLat>,
    /// A hole (e.g. Lesotho inside South Africa) rather than an outline.
    pub is_hole: bool,
    /// The points projected once, at load, so each frame only scales them.
    pub(crate) world: Vec<WorldPoint>,
    pub(crate) world_min: WorldPoint,
    pub(crate) world_max: WorldPoint,
}

/// A country (or territory) of Natural Earth's admin-0 layer.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166-1 numeric code (76 is Brazil); 0 where there is none (Kosovo).
    pub id: u16,
    pub name: String,
    pub bounds: GeoBounds,
    pub rings: Vec<Ring>,
}

impl Country {
    /// Whether the point is inside the country's land (even-odd rule, so holes
    /// count as outside).
    pub fn contains(&self, p: LonLat) -> bool {
        self.bounds.contains(p)
            && self
                .rings
                .iter()
                .filter(|ring| ring_contains(&ring.points, p))
                .count()
                % 2
                == 1
    }
}

/// The country outlines at one detail level.
#[derive(Debug, Clone, PartialEq)]
pub struct Basemap {
    detail: Detail,
    countries: Vec<Country>,
}

impl Basemap {
    /// The 1:110m outlines (177 countries), decoded on first call.
    pub fn load_110m() -> Result<&'static Basemap, BasemapError> {
        static CELL: OnceLock<Result<Basemap, BasemapError>> = OnceLock::new();
        let decoded = CELL.get_or_init(|| Basemap::decode(BYTES_110M, Detail::Scale110m));
        decoded.as_ref().map_err(Clone::clone)
    }

    /// The 1:50m outlines (241 countries and territories), decoded on first call.
    pub fn load_50m() -> Result<&'static Basemap, BasemapError> {
        static CELL: OnceLock<Result<Basemap, BasemapError>> = OnceLock::new();
        let decoded = CELL.get_or_init(|| Basemap::decode(BYTES_50M, Detail::Scale50m));
        decoded.as_ref().map_err(Clone::clone)
    }

    /// Reads the binary format written by `scripts/build_basemap.mjs`.
    pub fn decode(bytes: &[u8], detail: Detail) -> Result<Basemap, BasemapError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(4)? != MAGIC {
            return Err(BasemapError::Damaged("not a basemap file"));
        }
        let version = r.u8()?;
        if version != FORMAT_VERSION {
            return Err(BasemapError::UnsupportedVersion(version));
        }
        r.u8()?; // reserved
        let units = f64::from(r.u16()?);
        if units == 0.0 {
            return Err(BasemapError::Damaged("zero coordinate units"));
        }
        let count = r.u16()?;
        let countries = (0..count)
            .map(|_| read_country(&mut r, units))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Basemap { detail, countries })
    }

    pub fn detail(&self) -> Detail {
        self.detail
    }

    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    pub fn country_by_name(&self, name: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.name == name)
    }

    /// The country whose land holds the point, if any (sea gives `None`).
    pub fn country_at(&self, p: LonLat) -> Option<&Country> {
        self.countries.iter().find(|c| c.contains(p))
    }

    /// All ring points of all countries.
    pub fn point_count(&self) -> usize {
        self.countries
            .iter()
            .flat_map(|c| &c.rings)
            .map(|r| r.points.len())
            .sum()
    }
}

fn read_country(r: &mut Reader, units: f64) -> Result<Country, BasemapError> {
    let id = r.u16()?;
    let name_len = usize::from(r.u8()?);
    let name = std::str::from_utf8(r.take(name_len)?)
        .map_err(|_| BasemapError::Damaged("a country name is not UTF-8"))?
        .to_owned();
    let mut rings = Vec::new();
    for _ in 0..r.u16()? {
        for ring_index in 0..r.u16()? {
            rings.push(read_ring(r, units, ring_index > 0)?);
        }
    }
    let bounds = GeoBounds::from_points(rings.iter().flat_map(|ring| ring.points.iter().copied()))
        .ok_or(BasemapError::Damaged("a country has no outline"))?;
    Ok(Country {
        id,
        name,
        bounds,
        rings,
    })
}

fn read_ring(r: &mut Reader, units: f64, is_hole: bool) -> Result<Ring, BasemapError> {
    let n = r.varint()? as usize;
    if n < 3 || n > r.remaining() {
        return Err(BasemapError::Damaged(
            "a ring has an impossible point count",
        ));
    }
    let mut points = Vec::with_capacity(n + 1);
    let (mut x, mut y) = (0i64, 0i64);
    for _ in 0..n {
        x += r.svarint()?;
        y += r.svarint()?;
        points.push(LonLat::new(x as f64 / units, y as f64 / units));
    }
    points.push(points[0]);
    let world: Vec<WorldPoint> = points.iter().map(|&p| WorldPoint::from_lonlat(p)).collect();
    let (mut world_min, mut world_max) = (world[0], world[0]);
    for w in &world {
        world_min.x = world_min.x.min(w.x);
        world_min.y = world_min.y.min(w.y);
        world_max.x = world_max.x.max(w.x);
        world_max.y = world_max.y.max(w.y);
    }
    Ok(Ring {
        points,
        is_hole,
        world,
        world_min,
        world_max,
    })
}

/// Even-odd ray casting along the parallel through `p`.
fn ring_contains(points: &[LonLat], p: LonLat) -> bool {
    let mut inside = false;
    for pair in points.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if (a.lat > p.lat) != (b.lat > p.lat) {
            let lon_at = a.lon + (p.lat - a.lat) / (b.lat - a.lat) * (b.lon - a.lon);
            if p.lon < lon_at {
                inside = !inside;
            }
        }
    }
    inside
}

/// A cursor over the embedded bytes; every read checks the length.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], BasemapError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or(BasemapError::Damaged("the file is cut short"))?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    fn u8(&mut self) -> Result<u8, BasemapError> {
        Ok(self.take(1)?[0])
    }

    fn u16(&mut self) -> Result<u16, BasemapError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    fn varint(&mut self) -> Result<u64, BasemapError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.u8()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(BasemapError::Damaged("a number is too long"))
    }

    fn svarint(&mut self) -> Result<i64, BasemapError> {
        let v = self.varint()?;
        // Zigzag: 0, 1, 2, 3 … stand for 0, -1, 1, -2 …
        Ok((v >> 1) as i64 ^ -((v & 1) as i64))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zigzag_varints_decode() {
        // 0, -1, 1, -2, 300 (zigzag 600 = 0xd8 0x04)
        let bytes = [0u8, 1, 2, 3, 0xd8, 0x04];
        let mut r = Reader {
            bytes: &bytes,
            pos: 0,
        };
        let values: Vec<i64> = (0..5).map(|_| r.svarint().unwrap_or(i64::MIN)).collect();
        assert_eq!(values, [0, -1, 1, -2, 300]);
    }

    #[test]
    fn damaged_bytes_give_an_error_not_a_panic() {
        assert_eq!(
            Basemap::decode(b"XXXX", Detail::Scale110m),
            Err(BasemapError::Damaged("not a basemap file"))
        );
        assert_eq!(
            Basemap::decode(b"CEBM\x02", Detail::Scale110m),
            Err(BasemapError::UnsupportedVersion(2))
        );
        for cut in [5, 9, 100, BYTES_110M.len() - 1] {
            assert!(Basemap::decode(&BYTES_110M[..cut], Detail::Scale110m).is_err());
        }
    }
}
