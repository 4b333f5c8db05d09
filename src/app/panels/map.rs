//! The map (a tab of the central area): country outlines drawn offline from the embedded
//! basemap, one marker per place in the filtered documents (area by number of documents,
//! clustered when close), pan, zoom, fit, a rectangle to filter by area, and picking a
//! location for a place whose coordinates are wrong.

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Shape, Stroke, StrokeKind, Vec2};

use crate::app::format::{count, thousands};
use crate::app::kinds;
use crate::extract::EntityKind;
use crate::geo::{
    Cluster, Detail, GeoBounds, GraticuleKind, LonLat, MarkerInput, Point, Polylines, ScreenRect,
    Viewport, cluster, graticule, hit_test, markers_in_rect,
};

/// Markers closer than this on screen are drawn as one, with a count.
const CLUSTER_RADIUS_PX: f32 = 22.0;
/// Outline points closer than this are merged, which keeps the frame cheap.
const SIMPLIFY_PX: f32 = 0.7;

/// A place to draw: the app's entity index, where it is, and its counts in the filter.
#[derive(Debug, Clone, PartialEq)]
pub struct MapMarker {
    pub id: u32,
    pub name: String,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub docs: u32,
    pub mentions: u32,
}

/// What the user did on the map.
#[derive(Debug, Clone, PartialEq)]
pub enum MapAction {
    Select(u32),
    /// The places inside a Shift+drag rectangle.
    FilterRect {
        ids: Vec<u32>,
        label: String,
    },
    /// Where the user clicked in "pick a location" mode.
    PickedLocation {
        lat: f64,
        lon: f64,
    },
}

#[derive(Default)]
pub struct MapPanel {
    viewport: Option<Viewport>,
    outlines: Polylines,
    /// The view and detail `outlines` were computed for.
    outlines_for: Option<(Viewport, Detail)>,
    clusters: Vec<Cluster<u32>>,
    /// The view and the markers' revision `clusters` were computed for.
    clusters_for: Option<(Viewport, u64)>,
    grid: bool,
    /// Where a Shift+drag started, in screen coordinates.
    rect_from: Option<Pos2>,
    picking: bool,
    fit_next: bool,
    /// Where the map was drawn last frame, for [`MapPanel::screen_pos`].
    last_rect: Option<Rect>,
}

impl MapPanel {
    /// Where a point was on screen last frame (None before the map was first drawn).
    pub fn screen_pos(&self, lat: f64, lon: f64) -> Option<Pos2> {
        let (viewport, rect) = (self.viewport?, self.last_rect?);
        let p = viewport.project(LonLat::new(lon, lat));
        Some(rect.min + Vec2::new(p.x, p.y))
    }

    /// The next click on the map gives a location instead of selecting (Esc cancels).
    pub fn start_pick_location(&mut self) {
        self.picking = true;
    }

    /// `revision` changes whenever `markers` do (the filter generation).
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        markers: &[MapMarker],
        revision: u64,
        selected: Option<u32>,
    ) -> Option<MapAction> {
        let mut action = None;
        self.toolbar(ui, markers);
        let size = ui.available_size().max(Vec2::new(100.0, 100.0));
        let (response, painter) = ui.allocate_painter(size, Sense::click_and_drag());
        let rect = response.rect;
        let mut viewport = self.viewport_for(markers, (rect.width(), rect.height()));
        self.navigate(ui, &response, &mut viewport);
        self.viewport = Some(viewport);
        self.last_rect = Some(rect);
        let visuals = ui.visuals();
        self.draw_ground(&painter, rect, &viewport, visuals);
        let origin = rect.min.to_vec2();
        self.refresh_clusters(markers, revision, &viewport);
        self.draw_markers(&painter, markers, selected, origin, visuals.dark_mode);

        let local = |p: Pos2| Point::new(p.x - rect.min.x, p.y - rect.min.y);
        let hovered = response
            .hover_pos()
            .and_then(|p| hit_test(&self.clusters, local(p)));
        if let Some(i) = hovered
            && !self.picking
        {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            response
                .clone()
                .on_hover_text(cluster_text(&self.clusters[i], markers));
        }
        if self.picking {
            ui.ctx().set_cursor_icon(egui::CursorIcon::Crosshair);
            painter.text(
                rect.center_top() + Vec2::new(0.0, 12.0),
                Align2::CENTER_TOP,
                "Click where this place is (Esc cancels)",
                FontId::proportional(15.0),
                visuals.strong_text_color(),
            );
            if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                self.picking = false;
            }
        }
        if response.clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            if self.picking {
                self.picking = false;
                let at = viewport.unproject(local(pos));
                action = Some(MapAction::PickedLocation {
                    lat: at.lat,
                    lon: at.lon,
                });
            } else if let Some(i) = hovered {
                let c = &self.clusters[i];
                if let [only] = c.ids.as_slice() {
                    action = Some(MapAction::Select(*only));
                } else {
                    // A cluster opens up: zoom in on it.
                    viewport.zoom_at(c.center, 3.0);
                    self.viewport = Some(viewport);
                }
            }
        }
        if let Some(a) = self.area_selection(ui, &response, &painter, markers, &viewport) {
            action = Some(a);
        }
        if markers.is_empty() {
            painter.text(
                rect.center(),
                Align2::CENTER_CENTER,
                "No places with coordinates in these documents",
                FontId::proportional(16.0),
                visuals.weak_text_color(),
            );
        }
        action
    }

    /// The view of the map this frame: the last one at the new size, or one fitted to the
    /// markers when asked (or the first time).
    fn viewport_for(&mut self, markers: &[MapMarker], dims: (f32, f32)) -> Viewport {
        let viewport = match self.viewport {
            Some(mut v) => {
                v.set_size(dims);
                v
            }
            None => {
                self.fit_next = true;
                Viewport::whole_world(dims)
            }
        };
        if std::mem::take(&mut self.fit_next) {
            fitted(markers, dims)
        } else {
            viewport
        }
    }

    /// The sea, the graticule when shown, and the countries' outlines.
    fn draw_ground(
        &mut self,
        painter: &egui::Painter,
        rect: egui::Rect,
        viewport: &Viewport,
        visuals: &egui::Visuals,
    ) {
        let (sea, land_line, grid_line) = if visuals.dark_mode {
            (
                Color32::from_rgb(22, 32, 44),
                Color32::from_rgb(120, 135, 150),
                Color32::from_rgb(40, 52, 66),
            )
        } else {
            (
                Color32::from_rgb(228, 238, 246),
                Color32::from_rgb(110, 120, 130),
                Color32::from_rgb(205, 218, 230),
            )
        };
        painter.rect_filled(rect, 0.0, sea);
        let origin = rect.min.to_vec2();
        let to_screen = |p: Point| Pos2::new(p.x, p.y) + origin;
        if self.grid {
            for line in graticule(viewport, 60.0) {
                let stroke = Stroke::new(1.0, grid_line);
                painter.line_segment([to_screen(line.from), to_screen(line.to)], stroke);
                if line.kind == GraticuleKind::Meridian {
                    painter.text(
                        to_screen(line.from) + Vec2::new(3.0, 2.0),
                        Align2::LEFT_TOP,
                        format!("{}°", line.degrees),
                        FontId::proportional(10.0),
                        land_line,
                    );
                }
            }
        }
        self.refresh_outlines(viewport);
        for line in self.outlines.iter() {
            let points: Vec<Pos2> = line.iter().map(|&p| to_screen(p)).collect();
            painter.add(Shape::line(points, Stroke::new(1.0, land_line)));
        }
    }

    fn toolbar(&mut self, ui: &mut egui::Ui, markers: &[MapMarker]) {
        // Wraps, so a narrow central area never pushes the map under the sidebar.
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(!markers.is_empty(), egui::Button::new("Fit to places"))
                .on_hover_text("Zoom to show every place of the filtered documents")
                .clicked()
            {
                self.fit_next = true;
            }
            let zoom = |panel: &mut Self, factor: f64| {
                if let Some(v) = panel.viewport.as_mut() {
                    let (w, h) = v.size();
                    v.zoom_at(Point::new(w / 2.0, h / 2.0), factor);
                }
            };
            if ui.button("+").on_hover_text("Zoom in").clicked() {
                zoom(self, 2.0);
            }
            if ui.button("-").on_hover_text("Zoom out").clicked() {
                zoom(self, 0.5);
            }
            ui.checkbox(&mut self.grid, "Grid");
            ui.label(
                egui::RichText::new("Drag: move · Scroll: zoom · Shift+drag: filter by area")
                    .weak(),
            );
        });
    }

    /// Drag to pan, scroll or double-click to zoom (Shift+drag is the area selection).
    fn navigate(&mut self, ui: &egui::Ui, response: &egui::Response, viewport: &mut Viewport) {
        let shift = ui.input(|i| i.modifiers.shift);
        if response.dragged_by(egui::PointerButton::Primary) && !shift && self.rect_from.is_none() {
            let d = response.drag_delta();
            viewport.pan(d.x, d.y);
        }
        let local = |p: Pos2| Point::new(p.x - response.rect.min.x, p.y - response.rect.min.y);
        if let Some(pos) = response.hover_pos() {
            let scroll = ui.input(|i| i.smooth_scroll_delta.y);
            if scroll != 0.0 {
                viewport.zoom_at(local(pos), (f64::from(scroll) * 0.004).exp());
            }
            let pinch = ui.input(|i| i.zoom_delta());
            if pinch != 1.0 {
                viewport.zoom_at(local(pos), f64::from(pinch));
            }
        }
        if response.double_clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            viewport.zoom_at(local(pos), 2.0);
        }
    }

    fn area_selection(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        painter: &egui::Painter,
        markers: &[MapMarker],
        viewport: &Viewport,
    ) -> Option<MapAction> {
        let shift = ui.input(|i| i.modifiers.shift);
        if response.drag_started() && shift {
            self.rect_from = response.interact_pointer_pos();
        }
        let from = self.rect_from?;
        let to = response
            .interact_pointer_pos()
            .or(ui.input(|i| i.pointer.latest_pos()))?;
        let area = Rect::from_two_pos(from, to);
        let tint = kinds::strong(EntityKind::Place);
        painter.rect_filled(area, 0.0, tint.gamma_multiply(0.15));
        painter.rect_stroke(area, 0.0, Stroke::new(1.5, tint), StrokeKind::Inside);
        if !response.drag_stopped() {
            return None;
        }
        self.rect_from = None;
        let min = response.rect.min;
        let screen = ScreenRect::from_corners(
            Point::new(area.min.x - min.x, area.min.y - min.y),
            Point::new(area.max.x - min.x, area.max.y - min.y),
        );
        let ids = markers_in_rect(&inputs(markers), viewport, screen);
        let label = format!("Map area ({})", count(ids.len(), "place", "places"));
        Some(MapAction::FilterRect { ids, label })
    }

    fn refresh_outlines(&mut self, viewport: &Viewport) {
        let detail = Detail::for_viewport(viewport);
        if self.outlines_for == Some((*viewport, detail)) {
            return;
        }
        // The outlines are embedded; if they cannot be decoded the map shows markers only.
        match detail.basemap().or_else(|_| Detail::Scale110m.basemap()) {
            Ok(basemap) => self.outlines.fill(basemap, viewport, SIMPLIFY_PX),
            Err(_) => self.outlines.clear(),
        }
        self.outlines_for = Some((*viewport, detail));
    }

    fn refresh_clusters(&mut self, markers: &[MapMarker], revision: u64, viewport: &Viewport) {
        if self.clusters_for == Some((*viewport, revision)) {
            return;
        }
        self.clusters = cluster(&inputs(markers), viewport, CLUSTER_RADIUS_PX);
        self.clusters_for = Some((*viewport, revision));
    }

    fn draw_markers(
        &self,
        painter: &egui::Painter,
        markers: &[MapMarker],
        selected: Option<u32>,
        origin: Vec2,
        dark: bool,
    ) {
        let fill = kinds::strong(EntityKind::Place).gamma_multiply(0.75);
        let edge = if dark {
            Color32::WHITE
        } else {
            Color32::from_gray(40)
        };
        let text = if dark {
            Color32::WHITE
        } else {
            Color32::from_gray(20)
        };
        let mut taken: Vec<Rect> = Vec::new();
        // Heaviest first, so the biggest places get their labels.
        let mut order: Vec<&Cluster<u32>> = self.clusters.iter().collect();
        order.sort_by_key(|c| std::cmp::Reverse(c.weight));
        for c in &order {
            let center = Pos2::new(c.center.x, c.center.y) + origin;
            painter.circle_filled(center, c.radius, fill);
            let is_selected = selected.is_some_and(|s| c.ids.contains(&s));
            let stroke = if is_selected {
                Stroke::new(3.0, edge)
            } else {
                Stroke::new(1.0, edge.gamma_multiply(0.6))
            };
            painter.circle_stroke(center, c.radius, stroke);
            if c.ids.len() > 1 {
                painter.text(
                    center,
                    Align2::CENTER_CENTER,
                    thousands(c.ids.len()),
                    FontId::proportional(11.0),
                    Color32::WHITE,
                );
            }
        }
        for c in order {
            let Some(first) = c.ids.first() else {
                continue;
            };
            let name = match c.ids.len() {
                1 => name_of(markers, *first).to_owned(),
                n => format!("{} +{}", name_of(markers, *first), n - 1),
            };
            let at = Pos2::new(c.center.x + c.radius + 3.0, c.center.y) + origin;
            let galley = painter.layout_no_wrap(name, FontId::proportional(12.0), text);
            let label =
                Rect::from_min_size(at - Vec2::new(0.0, galley.size().y / 2.0), galley.size());
            if taken.iter().any(|r| r.intersects(label))
                || !painter.clip_rect().contains_rect(label)
            {
                continue;
            }
            taken.push(label.expand(2.0));
            painter.galley(label.min, galley, text);
        }
    }
}

fn inputs(markers: &[MapMarker]) -> Vec<MarkerInput<u32>> {
    markers
        .iter()
        .map(|m| MarkerInput {
            id: m.id,
            lonlat: LonLat::new(m.lon, m.lat),
            weight: m.docs,
        })
        .collect()
}

/// The view that shows every marker (the whole world when there are none).
fn fitted(markers: &[MapMarker], size: (f32, f32)) -> Viewport {
    match GeoBounds::from_points(markers.iter().map(|m| LonLat::new(m.lon, m.lat))) {
        Some(bounds) => Viewport::fit(bounds, size, 40.0),
        None => Viewport::whole_world(size),
    }
}

fn name_of(markers: &[MapMarker], id: u32) -> &str {
    markers
        .iter()
        .find(|m| m.id == id)
        .map_or("", |m| m.name.as_str())
}

/// Hover text: one place with its counts, or the places of a cluster.
fn cluster_text(c: &Cluster<u32>, markers: &[MapMarker]) -> String {
    let find = |id: u32| markers.iter().find(|m| m.id == id);
    if let [only] = c.ids.as_slice()
        && let Some(m) = find(*only)
    {
        return format!(
            "{} ({})\n{}, {}\nClick to select it",
            m.name,
            m.country,
            count(m.docs as usize, "document", "documents"),
            count(m.mentions as usize, "mention", "mentions")
        );
    }
    let names: Vec<&str> = c
        .ids
        .iter()
        .take(8)
        .filter_map(|&id| find(id))
        .map(|m| m.name.as_str())
        .collect();
    let more = c.ids.len().saturating_sub(names.len());
    let tail = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    format!(
        "{} places: {}{tail}\nClick to zoom in",
        c.ids.len(),
        names.join(", ")
    )
}
