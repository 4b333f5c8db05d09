// Builds the offline basemap of Corpus Explorer: country outlines in a compact
// binary form, read by `src/geo/basemap.rs` through `include_bytes!`.
//
//   cd scripts && npm ci && node build_basemap.mjs
//
// Source: the npm package `world-atlas` 2.0.2 (ISC licence), which packages the
// Natural Earth admin-0 countries (public domain) as TopoJSON at 1:110m and 1:50m.
// Output: ../assets/basemap/countries-110m.bin and countries-50m.bin.
//
// Format (all integers little-endian; "varint" is unsigned LEB128, "svarint"
// is a zigzag-encoded signed LEB128 varint):
//
//   header   4 bytes   magic "CEBM"
//            u8        format version (1)
//            u8        reserved (0)
//            u16       units per degree U (coordinates are round(degrees * U))
//            u16       country count
//   country  u16       ISO 3166-1 numeric id, 0 when Natural Earth has none
//            u8        name length in bytes, then the UTF-8 name
//            u16       polygon count
//   polygon  u16       ring count: the first ring is the outline, the others holes
//   ring     varint    point count n (>= 3; the ring is closed implicitly, the
//                      first point is not repeated at the end)
//            n times   svarint dlon, svarint dlat: the quantised point minus the
//                      previous point of the same ring (the first minus (0, 0))
//
// Quantising to 1/1000 degree (about 110 m) is finer than the grids the
// TopoJSON sources are already quantised to (0.0036 by 0.0017 degrees at best),
// so nothing is lost, and most deltas still fit one or two bytes.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const UNITS_PER_DEGREE = 1000;
const FORMAT_VERSION = 1;
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, "..", "assets", "basemap");
const require = createRequire(import.meta.url);

/** Decodes every arc of a quantised topology into absolute [lon, lat] degrees. */
function decodeArcs(topology) {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      if (!t) return [dx, dy];
      x += dx;
      y += dy;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
}

/** Joins the arcs of one ring; a negative index ~i means arc i reversed. */
function ringPoints(arcIndexes, arcs) {
  const points = [];
  for (const index of arcIndexes) {
    const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
    // Consecutive arcs share their joining point.
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return points;
}

/** Quantises a ring, drops repeated points and the closing point; null if degenerate. */
function quantiseRing(points) {
  const out = [];
  for (const [lon, lat] of points) {
    const q = [Math.round(lon * UNITS_PER_DEGREE), Math.round(lat * UNITS_PER_DEGREE)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out.length >= 3 ? out : null;
}

function polygonsOf(geometry) {
  if (geometry.type === "Polygon") return [geometry.arcs];
  if (geometry.type === "MultiPolygon") return geometry.arcs;
  return [];
}

class Writer {
  constructor() {
    this.bytes = [];
  }
  u8(v) {
    this.bytes.push(v & 0xff);
  }
  u16(v) {
    if (v < 0 || v > 0xffff) throw new Error(`u16 out of range: ${v}`);
    this.u8(v);
    this.u8(v >> 8);
  }
  varint(v) {
    do {
      let byte = v & 0x7f;
      v = Math.floor(v / 128);
      if (v > 0) byte |= 0x80;
      this.u8(byte);
    } while (v > 0);
  }
  svarint(v) {
    this.varint(v < 0 ? -2 * v - 1 : 2 * v);
  }
  raw(buffer) {
    for (const b of buffer) this.u8(b);
  }
}

function encode(topology) {
  const arcs = decodeArcs(topology);
  const countries = topology.objects.countries.geometries.map((geometry) => {
    const polygons = polygonsOf(geometry)
      .map((rings) => rings.map((ring) => quantiseRing(ringPoints(ring, arcs))))
      // A polygon whose outline collapsed is dropped; its collapsed holes too.
      .filter((rings) => rings[0] !== null)
      .map((rings) => rings.filter((ring) => ring !== null));
    const id = geometry.id === undefined ? 0 : Number.parseInt(geometry.id, 10);
    return { id, name: geometry.properties.name, polygons };
  });

  const w = new Writer();
  w.raw(Buffer.from("CEBM", "ascii"));
  w.u8(FORMAT_VERSION);
  w.u8(0);
  w.u16(UNITS_PER_DEGREE);
  w.u16(countries.length);
  let pointCount = 0;
  for (const country of countries) {
    const name = Buffer.from(country.name, "utf8");
    if (name.length > 255) throw new Error(`name too long: ${country.name}`);
    w.u16(country.id);
    w.u8(name.length);
    w.raw(name);
    w.u16(country.polygons.length);
    for (const rings of country.polygons) {
      w.u16(rings.length);
      for (const ring of rings) {
        w.varint(ring.length);
        let prev = [0, 0];
        for (const p of ring) {
          w.svarint(p[0] - prev[0]);
          w.svarint(p[1] - prev[1]);
          prev = p;
        }
        pointCount += ring.length;
      }
    }
  }
  return { bytes: Buffer.from(w.bytes), countries: countries.length, pointCount };
}

mkdirSync(outDir, { recursive: true });
for (const resolution of ["110m", "50m"]) {
  const topology = JSON.parse(
    readFileSync(require.resolve(`world-atlas/countries-${resolution}.json`), "utf8"),
  );
  const { bytes, countries, pointCount } = encode(topology);
  const outFile = join(outDir, `countries-${resolution}.bin`);
  writeFileSync(outFile, bytes);
  console.log(
    `countries-${resolution}.bin: ${countries} countries, ${pointCount} points, ${bytes.length} bytes`,
  );
}
