//! Markers: clustering, size by document count, picking and rectangle selection.

use corpus_explorer::geo::{
    Cluster, LonLat, MarkerInput, MarkerScale, Point, ScreenRect, Viewport, cluster, hit_test,
    marker_radius, markers_in_rect,
};

const SIZE: (f32, f32) = (1200.0, 800.0);

fn marker(id: u32, lon: f64, lat: f64, weight: u32) -> MarkerInput<u32> {
    MarkerInput {
        id,
        lonlat: LonLat::new(lon, lat),
        weight,
    }
}

/// East Africa at about 33 px per degree.
fn east_africa() -> Viewport {
    Viewport::new(LonLat::new(37.0, 0.0), 12_000.0, SIZE)
}

fn sorted(mut ids: Vec<u32>) -> Vec<u32> {
    ids.sort_unstable();
    ids
}

#[test]
fn near_markers_merge_and_far_ones_stay_apart() {
    let vp = east_africa();
    let markers = [
        marker(1, 36.82, -1.29, 5), // Nairobi
        marker(2, 36.90, -1.20, 2), // a few px away
        marker(3, 39.67, -4.04, 3), // Mombasa, ~120 px away
        marker(4, 32.58, 0.35, 1),  // Kampala
    ];
    let clusters = cluster(&markers, &vp, 30.0);
    assert_eq!(clusters.len(), 3);
    let nairobi = clusters.iter().find(|c| c.ids.contains(&1)).expect("Nairobi");
    assert_eq!(sorted(nairobi.ids.clone()), [1, 2]);
    assert_eq!(nairobi.weight, 7);
    // The centre leans towards the heavier member.
    let p1 = vp.project(markers[0].lonlat);
    let p2 = vp.project(markers[1].lonlat);
    assert!(nairobi.center.distance(p1) < nairobi.center.distance(p2));
    let total: u32 = clusters.iter().map(|c| c.weight).sum();
    assert_eq!(total, 11);
}

#[test]
fn markers_near_a_cell_border_still_merge() {
    let vp = Viewport::new(LonLat::new(0.0, 0.0), 3_600.0, SIZE);
    // 10 px per degree: find two points 5 px apart on either side of a grid line.
    let a = vp.unproject(Point::new(599.0, 402.0));
    let b = vp.unproject(Point::new(601.0, 398.0));
    let markers = [marker(1, a.lon, a.lat, 1), marker(2, b.lon, b.lat, 1)];
    for radius in [6.0, 10.0, 25.0] {
        let clusters = cluster(&markers, &vp, radius);
        assert_eq!(clusters.len(), 1, "radius {radius}");
    }
    assert_eq!(cluster(&markers, &vp, 3.0).len(), 2);
}

#[test]
fn zooming_out_merges_more() {
    let markers: Vec<_> = (0..50)
        .map(|i| marker(i, 30.0 + f64::from(i % 10) * 1.5, -5.0 + f64::from(i / 10) * 2.0, 1))
        .collect();
    let close = cluster(&markers, &east_africa(), 20.0);
    let far = cluster(&markers, &Viewport::whole_world(SIZE), 20.0);
    assert_eq!(close.len(), 50);
    assert!(far.len() < 5, "{} clusters", far.len());
    let mut all: Vec<u32> = far.iter().flat_map(|c| c.ids.clone()).collect();
    all.sort_unstable();
    assert_eq!(all, (0..50).collect::<Vec<_>>(), "every marker in exactly one cluster");
}

#[test]
fn off_screen_markers_are_not_clustered() {
    let markers = [marker(1, 36.82, -1.29, 1), marker(2, -74.0, 40.7, 1)];
    let clusters = cluster(&markers, &east_africa(), 30.0);
    assert_eq!(clusters.len(), 1);
    assert_eq!(clusters[0].ids, [1]);
}

#[test]
fn marker_area_is_proportional_to_documents() {
    let area = |n| {
        let r = marker_radius(n);
        r * r
    };
    assert!((area(4) / area(1) - 4.0).abs() < 1e-4);
    assert!((area(20) / area(5) - 4.0).abs() < 1e-4);
    let scale = MarkerScale::default();
    assert_eq!(marker_radius(0), scale.min_radius);
    assert_eq!(marker_radius(1_000_000), scale.max_radius);
    assert!(marker_radius(3) < marker_radius(4));
}

fn circle(x: f32, y: f32, radius: f32) -> Cluster<u32> {
    Cluster {
        center: Point::new(x, y),
        ids: vec![1],
        weight: 1,
        radius,
    }
}

#[test]
fn hit_test_finds_the_circle_under_the_cursor() {
    let clusters = [circle(100.0, 100.0, 20.0), circle(130.0, 100.0, 20.0), circle(400.0, 400.0, 2.0)];
    assert_eq!(hit_test(&clusters, Point::new(105.0, 100.0)), Some(0));
    // Inside both circles: the nearer centre wins.
    assert_eq!(hit_test(&clusters, Point::new(120.0, 100.0)), Some(1));
    assert_eq!(hit_test(&clusters, Point::new(100.0, 125.0)), None);
    // A tiny marker is still easy to pick.
    assert_eq!(hit_test(&clusters, Point::new(404.0, 403.0)), Some(2));
    assert_eq!(hit_test::<u32>(&[], Point::new(0.0, 0.0)), None);
}

#[test]
fn hit_test_on_real_clusters() {
    let vp = east_africa();
    let markers = [marker(7, 36.82, -1.29, 9), marker(8, 39.67, -4.04, 1)];
    let clusters = cluster(&markers, &vp, 30.0);
    let at = hit_test(&clusters, vp.project(LonLat::new(39.67, -4.04))).expect("Mombasa");
    assert_eq!(clusters[at].ids, [8]);
}

#[test]
fn rectangle_selects_markers_inside_it() {
    let vp = east_africa();
    let markers = [
        marker(1, 36.82, -1.29, 1), // Nairobi
        marker(2, 39.67, -4.04, 1), // Mombasa
        marker(3, 32.58, 0.35, 1),  // Kampala
    ];
    // Dragged from bottom-right to top-left around Nairobi and Mombasa.
    let rect = ScreenRect::from_corners(
        vp.project(LonLat::new(41.0, -5.0)),
        vp.project(LonLat::new(35.0, 0.0)),
    );
    assert_eq!(markers_in_rect(&markers, &vp, rect), [1, 2]);
    let nothing = ScreenRect::from_corners(Point::new(0.0, 0.0), Point::new(10.0, 10.0));
    assert!(markers_in_rect(&markers, &vp, nothing).is_empty());
}
