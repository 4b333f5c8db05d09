//! The embedded basemap: it loads, holds the expected countries, and its
//! screen outlines never streak across the map at the antimeridian.

use corpus_explorer::geo::{
    Basemap, Detail, GraticuleKind, LonLat, Point, Polylines, Viewport, WorldPoint, graticule,
};

const SIZE: (f32, f32) = (1200.0, 800.0);

fn both() -> [&'static Basemap; 2] {
    [
        Basemap::load_110m().expect("110m basemap decodes"),
        Basemap::load_50m().expect("50m basemap decodes"),
    ]
}

#[test]
fn both_detail_levels_load_with_their_countries() {
    let [coarse, fine] = both();
    assert_eq!(coarse.countries().len(), 177);
    assert_eq!(fine.countries().len(), 241);
    assert!(fine.point_count() > 5 * coarse.point_count());
    for map in both() {
        let brazil = map.country_by_name("Brazil").expect("Brazil");
        assert_eq!(brazil.id, 76);
        assert!(brazil.bounds.west < -70.0 && brazil.bounds.east > -35.0);
        assert_eq!(map.country_by_name("Kenya").map(|c| c.id), Some(404));
        for country in map.countries() {
            for ring in &country.rings {
                assert!(ring.points.len() >= 4, "{}: a ring is closed", country.name);
                assert_eq!(ring.points.first(), ring.points.last());
            }
        }
    }
}

#[test]
fn places_fall_in_their_countries() {
    for map in both() {
        let name_at = |lon, lat| {
            map.country_at(LonLat::new(lon, lat))
                .map(|c| c.name.as_str())
        };
        assert_eq!(name_at(36.82, -1.29), Some("Kenya")); // Nairobi
        assert_eq!(name_at(-47.9, -15.8), Some("Brazil")); // Brasília
        assert_eq!(name_at(-30.0, 0.0), None); // Atlantic
        // Maseru: inside South Africa's hole, so Lesotho, not South Africa.
        assert_eq!(name_at(27.48, -29.31), Some("Lesotho"));
        assert_eq!(name_at(28.0, -26.2), Some("South Africa")); // Johannesburg
    }
}

#[test]
fn finer_outlines_are_chosen_when_zoomed_in() {
    let world = Viewport::whole_world(SIZE);
    assert_eq!(Detail::for_viewport(&world), Detail::Scale110m);
    let kenya = Viewport::new(LonLat::new(37.0, 0.0), 60_000.0, SIZE);
    assert_eq!(Detail::for_viewport(&kenya), Detail::Scale50m);
    assert_eq!(
        Detail::Scale50m.basemap().map(|b| b.detail()),
        Ok(Detail::Scale50m)
    );
}

/// The longest horizontal step of any polyline, in pixels.
fn widest_step(lines: &Polylines) -> f32 {
    lines
        .iter()
        .flat_map(|line| line.windows(2))
        .map(|pair| (pair[1].x - pair[0].x).abs())
        .fold(0.0, f32::max)
}

fn ring_jumps_antimeridian(map: &Basemap, name: &str) -> bool {
    let country = map.country_by_name(name).expect(name);
    country.rings.iter().any(|ring| {
        ring.points
            .windows(2)
            .any(|pair| (pair[1].lon - pair[0].lon).abs() > 180.0)
    })
}

#[test]
fn antimeridian_crossings_do_not_streak_across_the_map() {
    let vp = Viewport::whole_world(SIZE);
    let half_map = (vp.scale() / 2.0) as f32;
    for map in both() {
        for name in ["Russia", "Fiji", "Antarctica"] {
            // The data really does jump, so this test can fail.
            assert!(ring_jumps_antimeridian(map, name), "{name} crosses ±180°");
            let country = map.country_by_name(name).expect(name);
            let mut lines = Polylines::new();
            lines.add_country(country, &vp, 0.0);
            assert!(lines.point_count() > 10, "{name} is drawn");
            assert!(
                widest_step(&lines) < half_map,
                "{name}: a line spans the map"
            );
        }
        let all = Polylines::for_view(map, &vp, 0.0);
        assert!(widest_step(&all) < half_map);
    }
}

#[test]
fn a_synthetic_ring_across_the_antimeridian_is_split() {
    let vp = Viewport::whole_world(SIZE);
    let ring: Vec<WorldPoint> = [
        (170.0, 10.0),
        (179.5, 12.0),
        (-179.5, 12.0),
        (-170.0, 10.0),
        (-170.0, 0.0),
        (-179.5, -2.0),
        (179.5, -2.0),
        (170.0, 0.0),
        (170.0, 10.0),
    ]
    .iter()
    .map(|&(lon, lat)| WorldPoint::from_lonlat(LonLat::new(lon, lat)))
    .collect();
    let mut lines = Polylines::new();
    lines.add_world_ring(&ring, &vp, 0.0);
    // The side at 170°E comes in two pieces (the ring starts there), the side at 170°W in one.
    assert_eq!(lines.len(), 3);
    assert_eq!(lines.point_count(), ring.len());
    assert!(widest_step(&lines) < 50.0);
}

#[test]
fn zoomed_views_draw_only_what_is_near_the_screen() {
    let fine = Basemap::load_50m().expect("50m");
    let world = Polylines::for_view(fine, &Viewport::whole_world(SIZE), 0.0);
    let kenya = Viewport::new(LonLat::new(37.9, 0.2), 60_000.0, SIZE);
    let zoomed = Polylines::for_view(fine, &kenya, 0.0);
    assert!(!zoomed.is_empty());
    assert!(zoomed.point_count() * 20 < world.point_count());
    for p in zoomed.iter().flatten() {
        // Points lie on screen or on a segment that enters it.
        assert!(p.x > -5_000.0 && p.x < 6_000.0 && p.y > -5_000.0 && p.y < 6_000.0);
    }
}

#[test]
fn simplification_reduces_points_and_keeps_lines_continuous() {
    let coarse = Basemap::load_110m().expect("110m");
    let vp = Viewport::whole_world(SIZE);
    let exact = Polylines::for_view(coarse, &vp, 0.0);
    let simple = Polylines::for_view(coarse, &vp, 1.5);
    assert!(simple.point_count() < exact.point_count() * 3 / 4);
    for line in simple.iter() {
        assert!(line.len() >= 2);
    }
}

#[test]
fn graticule_steps_follow_the_zoom_and_stay_on_screen() {
    let world = Viewport::whole_world(SIZE);
    let lines = graticule(&world, 40.0);
    let meridians: Vec<f64> = lines
        .iter()
        .filter(|l| l.kind == GraticuleKind::Meridian)
        .map(|l| l.degrees)
        .collect();
    assert_eq!(meridians.len(), 13, "every 30° from -180 to 180");
    let zoomed = Viewport::new(LonLat::new(37.0, 0.0), 60_000.0, SIZE);
    let fine = graticule(&zoomed, 40.0);
    assert!(
        fine.iter()
            .all(|l| l.degrees.fract() == 0.0 || l.degrees.fract().abs() == 0.5)
    );
    assert!(
        fine.iter().any(|l| l.degrees == 37.5),
        "half-degree steps at this zoom"
    );
    let on_screen = |p: Point| (-0.01..=1200.01).contains(&p.x) && (-0.01..=800.01).contains(&p.y);
    for line in lines.iter().chain(&fine) {
        assert!(on_screen(line.from) && on_screen(line.to), "{line:?}");
        match line.kind {
            GraticuleKind::Meridian => assert_eq!(line.from.x, line.to.x),
            GraticuleKind::Parallel => assert_eq!(line.from.y, line.to.y),
        }
    }
}
