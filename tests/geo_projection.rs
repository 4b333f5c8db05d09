//! The map's viewport: projection round trips, pan, zoom about the cursor,
//! fit and limits.

use corpus_explorer::geo::{GeoBounds, LAT_LIMIT, LonLat, Point, Viewport};

const SIZE: (f32, f32) = (1200.0, 800.0);

fn views() -> Vec<Viewport> {
    vec![
        Viewport::whole_world(SIZE),
        Viewport::new(LonLat::new(36.8, -1.3), 40_000.0, SIZE),
        Viewport::new(LonLat::new(-170.0, 60.0), 5_000.0, (300.0, 900.0)),
        Viewport::new(LonLat::new(2.35, 48.85), 400_000.0, SIZE),
    ]
}

fn assert_close(a: LonLat, b: LonLat, tol: f64) {
    assert!(
        (a.lon - b.lon).abs() < tol && (a.lat - b.lat).abs() < tol,
        "{a:?} != {b:?}"
    );
}

#[test]
fn unproject_inverts_project() {
    for vp in views() {
        for lon in (-180..=180).step_by(15) {
            for lat in (-80..=80).step_by(10) {
                let ll = LonLat::new(f64::from(lon), f64::from(lat));
                let p = vp.project(ll);
                // Off-screen points too: the maths holds beyond the map area.
                let back = vp.unproject(p);
                // f32 screen pixels limit precision: allow a tenth of a pixel.
                let tol = 360.0 / vp.scale() * 0.1 + 1e-9;
                assert_close(back, ll, tol.max(1e-4));
            }
        }
    }
}

#[test]
fn project_inverts_unproject_on_screen() {
    for vp in views() {
        let (w, h) = vp.size();
        for i in 0..=10 {
            let p = Point::new(w * i as f32 / 10.0, h * (10 - i) as f32 / 10.0);
            let ll = vp.unproject(p);
            if ll.lat.abs() >= LAT_LIMIT || ll.lon.abs() >= 180.0 {
                continue; // off the world: clamped by design
            }
            let q = vp.project(ll);
            assert!(p.distance(q) < 0.01, "{p:?} -> {ll:?} -> {q:?}");
        }
    }
}

#[test]
fn unproject_clamps_to_the_world() {
    let vp = Viewport::whole_world(SIZE);
    let corner = vp.unproject(Point::new(-10_000.0, -10_000.0));
    assert_eq!(corner, LonLat::new(-180.0, LAT_LIMIT));
}

#[test]
fn zoom_at_keeps_the_place_under_the_cursor() {
    for mut vp in views() {
        let cursor = Point::new(300.0, 200.0);
        let before = vp.unproject(cursor);
        let scale = vp.scale();
        vp.zoom_at(cursor, 1.5);
        assert!(vp.scale() > scale, "zoomed in");
        let after = vp.project(before);
        assert!(after.distance(cursor) < 0.05, "{after:?} moved from {cursor:?}");
        vp.zoom_at(cursor, 1.0 / 1.5);
        assert!(vp.project(before).distance(cursor) < 0.05);
    }
}

#[test]
fn pan_moves_the_map_with_the_drag() {
    let mut vp = Viewport::new(LonLat::new(10.0, 45.0), 20_000.0, SIZE);
    let rome = LonLat::new(12.5, 41.9);
    let p = vp.project(rome);
    vp.pan(40.0, -25.0);
    let q = vp.project(rome);
    assert!((q.x - p.x - 40.0).abs() < 0.01 && (q.y - p.y + 25.0).abs() < 0.01);
}

#[test]
fn zoom_is_clamped() {
    let mut vp = Viewport::whole_world(SIZE);
    vp.zoom_at(Point::new(600.0, 400.0), 1e12);
    assert_eq!(vp.scale(), vp.max_scale());
    vp.zoom_at(Point::new(600.0, 400.0), 1e-12);
    assert_eq!(vp.scale(), vp.min_scale());
    assert!(vp.min_scale() < vp.max_scale());
}

#[test]
fn the_centre_cannot_leave_the_world() {
    let mut vp = Viewport::new(LonLat::new(0.0, 0.0), 1_000.0, SIZE);
    // Dragging far left and down reveals the east and the north.
    vp.pan(-1e7, 1e7);
    let c = vp.center();
    assert!((c.lon - 180.0).abs() < 1e-9, "{c:?}");
    assert!((c.lat - LAT_LIMIT).abs() < 1e-6, "{c:?}");
}

#[test]
fn fit_shows_all_of_the_bounds_within_the_margin() {
    let margin = 20.0;
    let cases = [
        // East Africa, wider than tall
        GeoBounds { west: 29.0, south: -12.0, east: 42.0, north: 5.0 },
        // Chile, tall and thin
        GeoBounds { west: -76.0, south: -56.0, east: -66.0, north: -17.0 },
        // Europe to Japan
        GeoBounds { west: -10.0, south: 30.0, east: 146.0, north: 60.0 },
    ];
    for bounds in cases {
        let vp = Viewport::fit(bounds, SIZE, margin);
        let nw = vp.project(LonLat::new(bounds.west, bounds.north));
        let se = vp.project(LonLat::new(bounds.east, bounds.south));
        let eps = 0.01;
        assert!(nw.x >= margin - eps && nw.y >= margin - eps, "{bounds:?}: {nw:?}");
        assert!(se.x <= SIZE.0 - margin + eps && se.y <= SIZE.1 - margin + eps, "{se:?}");
        // Tight: one pair of sides touches the margin, so it is the closest fit.
        let touches_x = (nw.x - margin).abs() < 0.5 && (se.x - (SIZE.0 - margin)).abs() < 0.5;
        let touches_y = (nw.y - margin).abs() < 0.5 && (se.y - (SIZE.1 - margin)).abs() < 0.5;
        assert!(touches_x || touches_y, "{bounds:?} not tight: {nw:?} {se:?}");
    }
}

#[test]
fn fit_on_one_place_centres_it_without_zooming_to_the_limit() {
    let nairobi = LonLat::new(36.82, -1.29);
    let bounds = GeoBounds::from_points([nairobi]).expect("one point");
    let vp = Viewport::fit(bounds, SIZE, 20.0);
    let p = vp.project(nairobi);
    assert!(p.distance(Point::new(600.0, 400.0)) < 0.01);
    assert!(vp.scale() < vp.max_scale());
    assert!(vp.scale() > 10_000.0, "a regional view, not the world");
}

#[test]
fn the_whole_world_fits_in_the_view() {
    let vp = Viewport::whole_world(SIZE);
    let nw = vp.project(LonLat::new(-180.0, LAT_LIMIT));
    let se = vp.project(LonLat::new(180.0, -LAT_LIMIT));
    assert!(nw.x >= -0.01 && nw.y >= -0.01 && se.x <= 1200.01 && se.y <= 800.01);
    let b = vp.visible_bounds();
    assert_eq!((b.west, b.east), (-180.0, 180.0));
}

#[test]
fn resizing_keeps_the_centre() {
    let mut vp = Viewport::new(LonLat::new(36.8, -1.3), 40_000.0, SIZE);
    vp.set_size((600.0, 400.0));
    assert_close(vp.center(), LonLat::new(36.8, -1.3), 1e-9);
    assert_eq!(vp.size(), (600.0, 400.0));
}
