//! The timeline (bottom of the central area): a histogram of the dates mentioned in the
//! filtered documents, binned by zoom (decade, year, month, day), with coarser dates drawn
//! as spans; drag across it to filter by a time range, click a bar for its range; the
//! mentions of the chosen range listed beside it.

use egui::{Align2, FontId, Pos2, Rect, RichText, Sense, Stroke, StrokeKind, Vec2};

use crate::app::format::count;
use crate::app::kinds;
use crate::extract::EntityKind;
use crate::timeline::{BinLevel, Histogram, TimePoint, TimeScale, histogram, range_label, ticks};

/// Bins narrower than this go to the next coarser level.
const MIN_BIN_PX: f64 = 4.0;
const AXIS_PX: f32 = 20.0;
const EVENTS_WIDTH: f32 = 380.0;

/// A mention in the chosen range, for the events list.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEvent {
    pub value_label: String,
    pub sentence: String,
    pub document: String,
    pub doc: usize,
    pub start: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TimelineAction {
    /// Filter to the documents mentioning a date in these days (inclusive), or stop.
    SetRange(Option<(i64, i64)>),
    OpenMention {
        doc: usize,
        start: usize,
    },
}

#[derive(Default)]
pub struct TimelinePanel {
    scale: Option<TimeScale>,
    count_documents: bool,
    /// Day where a brush drag started.
    brush_from: Option<f64>,
    /// Histograms computed for the current data, by level and count mode, so zooming
    /// back and forth across levels does not recount.
    histograms: Vec<((BinLevel, bool), Histogram)>,
    histograms_for: Option<u64>,
    /// Which of `histograms` this frame draws.
    current: usize,
    /// The data revision the view was last fitted to.
    fitted_for: Option<u64>,
    /// The user zoomed or panned: the view stays where they put it as dates arrive,
    /// until "Fit all".
    placed_by_user: bool,
    /// Where the chart was drawn last frame.
    chart: Option<Rect>,
}

impl TimelinePanel {
    /// Where the start of `day` was on screen last frame, and the chart's vertical middle.
    pub fn screen_pos(&self, day: i64) -> Option<Pos2> {
        let (scale, chart) = (self.scale?, self.chart?);
        Some(Pos2::new(
            chart.min.x + scale.x(day as f64),
            chart.center().y,
        ))
    }

    /// `points` come in document order; `revision` changes whenever they do.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        points: &[TimePoint],
        revision: u64,
        brushed: Option<(i64, i64)>,
        events: &[TimelineEvent],
    ) -> Option<TimelineAction> {
        let mut action = None;
        // Dates keep arriving while a folder is read: the view follows them all.
        let mut fit = !self.placed_by_user && self.fitted_for != Some(revision);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Timeline").strong());
            ui.label(RichText::new("of the dates written in the documents").weak());
            fit |= ui
                .button("Fit all")
                .on_hover_text("Show every date")
                .clicked();
            let zoom = |panel: &mut Self, factor: f64| {
                if let Some(s) = panel.scale.as_mut() {
                    let middle = s.width() / 2.0;
                    s.zoom_at(middle, factor);
                    panel.placed_by_user = true;
                }
            };
            if ui.button("+").on_hover_text("Zoom in").clicked() {
                zoom(self, 2.0);
            }
            if ui.button("-").on_hover_text("Zoom out").clicked() {
                zoom(self, 0.5);
            }
            ui.selectable_value(&mut self.count_documents, false, "Mentions");
            ui.selectable_value(&mut self.count_documents, true, "Documents");
            if let Some((first, last)) = brushed {
                ui.label(format!("Range: {}", range_label(first, last)));
                if ui.button("Clear range").clicked() {
                    action = Some(TimelineAction::SetRange(None));
                }
            } else {
                ui.label(RichText::new("Drag across the bars to filter by a time range").weak());
            }
        });
        if points.is_empty() {
            ui.centered_and_justified(|ui| {
                ui.label(RichText::new("No dates found in these documents.").weak());
            });
            return action;
        }
        let events_width = EVENTS_WIDTH.min(ui.available_width() * 0.4);
        let chart_size = Vec2::new(
            (ui.available_width() - events_width - 8.0).max(120.0),
            ui.available_height().max(60.0),
        );
        ui.horizontal_top(|ui| {
            let (response, painter) = ui.allocate_painter(chart_size, Sense::click_and_drag());
            let rect = response.rect;
            self.chart = Some(rect);
            let mut scale = self.scale.unwrap_or_else(|| fitted(points, rect.width()));
            scale.set_width(rect.width());
            if fit {
                scale = fitted(points, rect.width());
                self.fitted_for = Some(revision);
                self.placed_by_user = false;
            }
            if let Some(a) = self.interact(ui, &response, &mut scale) {
                action = Some(a);
            }
            self.scale = Some(scale);
            let level = BinLevel::for_zoom(scale.px_per_day(), MIN_BIN_PX);
            self.refresh_histogram(points, revision, level);
            if let Some(a) = self.draw(ui, &response, &painter, &scale, level, brushed) {
                action = Some(a);
            }
            ui.vertical(|ui| {
                ui.set_width(events_width);
                if let Some(a) = events_list(ui, brushed, events) {
                    action = Some(a);
                }
            });
        });
        action
    }

    /// Scroll to zoom, Shift+drag (or right-drag) to pan, drag to brush a range.
    fn interact(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        scale: &mut TimeScale,
    ) -> Option<TimelineAction> {
        let left = response.rect.min.x;
        if let Some(pos) = response.hover_pos() {
            let scroll = ui.input(|i| i.smooth_scroll_delta.y + i.smooth_scroll_delta.x);
            if scroll != 0.0 {
                scale.zoom_at(pos.x - left, (f64::from(scroll) * 0.004).exp());
                self.placed_by_user = true;
            }
        }
        let shift = ui.input(|i| i.modifiers.shift);
        if response.dragged_by(egui::PointerButton::Secondary)
            || response.dragged_by(egui::PointerButton::Primary) && shift
        {
            scale.pan(response.drag_delta().x);
            self.placed_by_user = true;
            return None;
        }
        if response.drag_started_by(egui::PointerButton::Primary) && !shift {
            let from = response.interact_pointer_pos()? - response.drag_delta();
            self.brush_from = Some(scale.day(from.x - left));
        }
        if response.drag_stopped()
            && let Some(from) = self.brush_from.take()
        {
            let to = scale.day(response.interact_pointer_pos()?.x - left);
            let level = BinLevel::for_zoom(scale.px_per_day(), MIN_BIN_PX);
            let (a, b) = if from <= to { (from, to) } else { (to, from) };
            let first = level.bin_of(a.floor() as i64).0;
            let last = level.bin_of(b.floor() as i64).1;
            return Some(TimelineAction::SetRange(Some((first, last))));
        }
        None
    }

    fn refresh_histogram(&mut self, points: &[TimePoint], revision: u64, level: BinLevel) {
        if self.histograms_for != Some(revision) {
            self.histograms.clear();
            self.histograms_for = Some(revision);
        }
        let key = (level, self.count_documents);
        self.current = match self.histograms.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                let h = histogram(points, level, self.count_documents);
                self.histograms.push((key, h));
                self.histograms.len() - 1
            }
        };
    }

    fn draw(
        &self,
        ui: &egui::Ui,
        response: &egui::Response,
        painter: &egui::Painter,
        scale: &TimeScale,
        level: BinLevel,
        brushed: Option<(i64, i64)>,
    ) -> Option<TimelineAction> {
        let rect = response.rect;
        let visuals = ui.visuals();
        painter.rect_filled(rect, 2.0, visuals.extreme_bg_color);
        let plot = Rect::from_min_max(
            rect.min + Vec2::new(0.0, 6.0),
            rect.max - Vec2::new(0.0, AXIS_PX),
        );
        let hist = &self.histograms[self.current].1;
        let bar = kinds::strong(EntityKind::Date);
        let span_fill = bar.gamma_multiply(0.18);
        let max = hist
            .max_count()
            .max(hist.spans.iter().map(|s| s.2).max().unwrap_or(0))
            .max(1);
        let height = |n: u32| plot.height() * n as f32 / max as f32;
        let x_of = |day: i64| rect.min.x + scale.x(day as f64);
        for &(first, last, n) in &hist.spans {
            let r = Rect::from_min_max(
                Pos2::new(x_of(first), plot.max.y - height(n)),
                Pos2::new(x_of(last + 1), plot.max.y),
            );
            painter.rect_filled(r.intersect(plot), 0.0, span_fill);
        }
        if let Some((first, last)) = brushed {
            let r = Rect::from_x_y_ranges(x_of(first)..=x_of(last + 1), plot.y_range());
            painter.rect_filled(
                r.intersect(rect),
                0.0,
                visuals.selection.bg_fill.gamma_multiply(0.35),
            );
        }
        let pointer = response.hover_pos();
        let mut hovered: Option<(i64, i64, u32, bool)> = None;
        for (k, &(first, last, n)) in hist.bins.iter().enumerate() {
            let (x0, x1) = (x_of(first), x_of(last + 1));
            if x1 < rect.min.x || x0 > rect.max.x {
                continue;
            }
            let r = Rect::from_min_max(
                Pos2::new(x0 + 0.5, plot.max.y - height(n).max(2.0)),
                Pos2::new((x1 - 0.5).max(x0 + 1.5), plot.max.y),
            );
            let inside = brushed.is_none_or(|(a, b)| first <= b && a <= last);
            let fill = if inside {
                bar
            } else {
                bar.gamma_multiply(0.35)
            };
            painter.rect_filled(r, 1.0, fill);
            // Dates inferred from their document sit on top, pale and outlined:
            // the reader sees how much of the bar is a guess.
            let inferred = hist.inferred.get(k).copied().unwrap_or(0).min(n);
            if inferred > 0 {
                let top = Rect::from_min_max(
                    r.min,
                    Pos2::new(r.max.x, r.min.y + height(inferred).min(r.height())),
                );
                draw_inferred(painter, top, fill, visuals);
            }
            if pointer.is_some_and(|p| (x0..x1).contains(&p.x) && plot.y_range().contains(p.y)) {
                hovered = Some((first, last, n, true));
            }
        }
        if hovered.is_none()
            && let Some(p) = pointer
        {
            hovered = hist
                .spans
                .iter()
                .find(|&&(a, b, n)| {
                    (x_of(a)..x_of(b + 1)).contains(&p.x) && p.y >= plot.max.y - height(n)
                })
                .map(|&(a, b, n)| (a, b, n, false));
        }
        draw_axis(painter, rect, plot, scale, level, visuals);
        if let (Some(from), Some(p)) = (self.brush_from, pointer) {
            let r = Rect::from_x_y_ranges(
                (rect.min.x + scale.x(from)).min(p.x)..=(rect.min.x + scale.x(from)).max(p.x),
                plot.y_range(),
            );
            painter.rect_stroke(r, 0.0, Stroke::new(1.5, bar), StrokeKind::Inside);
        }
        self.hovered_bar(response, hovered?)
    }

    /// What the bar (or the span of vaguer dates) under the pointer counts; a click on it
    /// chooses its range.
    fn hovered_bar(
        &self,
        response: &egui::Response,
        (first, last, n, is_bin): (i64, i64, u32, bool),
    ) -> Option<TimelineAction> {
        let unit = if self.count_documents {
            ("document", "documents")
        } else {
            ("mention", "mentions")
        };
        let note = if is_bin {
            ""
        } else {
            "\n(written no more precisely than this)"
        };
        response.clone().on_hover_text(format!(
            "{}: {}{note}\nClick to choose this range",
            range_label(first, last),
            count(n as usize, unit.0, unit.1)
        ));
        response
            .clicked()
            .then_some(TimelineAction::SetRange(Some((first, last))))
    }
}

/// The top of a bar that counts dates inferred from their document: pale and outlined.
fn draw_inferred(painter: &egui::Painter, top: Rect, fill: egui::Color32, visuals: &egui::Visuals) {
    painter.rect_filled(top, 1.0, visuals.extreme_bg_color);
    painter.rect_filled(top, 1.0, fill.gamma_multiply(0.3));
    painter.rect_stroke(top, 1.0, Stroke::new(1.0, fill), StrokeKind::Inside);
}

/// The time axis under the bars with its ticks, and which bins the bars are.
fn draw_axis(
    painter: &egui::Painter,
    rect: Rect,
    plot: Rect,
    scale: &TimeScale,
    level: BinLevel,
    visuals: &egui::Visuals,
) {
    for tick in ticks(scale) {
        let x = rect.min.x + tick.x;
        painter.line_segment(
            [Pos2::new(x, plot.max.y), Pos2::new(x, plot.max.y + 4.0)],
            Stroke::new(1.0, visuals.weak_text_color()),
        );
        painter.text(
            Pos2::new(x + 2.0, plot.max.y + 3.0),
            Align2::LEFT_TOP,
            tick.label,
            FontId::proportional(11.0),
            visuals.text_color(),
        );
    }
    let level_name = match level {
        BinLevel::Decade => "decades",
        BinLevel::Year => "years",
        BinLevel::Month => "months",
        BinLevel::Day => "days",
    };
    painter.text(
        rect.right_top() + Vec2::new(-6.0, 4.0),
        Align2::RIGHT_TOP,
        format!("bars: {level_name}"),
        FontId::proportional(11.0),
        visuals.weak_text_color(),
    );
}

/// The view that shows every point.
fn fitted(points: &[TimePoint], width: f32) -> TimeScale {
    let first = points.iter().map(|p| p.first_day).min().unwrap_or(0);
    let last = points.iter().map(|p| p.last_day).max().unwrap_or(first);
    TimeScale::fit(first, last, width)
}

fn events_list(
    ui: &mut egui::Ui,
    brushed: Option<(i64, i64)>,
    events: &[TimelineEvent],
) -> Option<TimelineAction> {
    let Some((first, last)) = brushed else {
        ui.label(
            RichText::new("Choose a range to list its dates here, each in its sentence.").weak(),
        );
        return None;
    };
    ui.label(
        RichText::new(format!(
            "{} in {}",
            count(events.len(), "date", "dates"),
            range_label(first, last)
        ))
        .strong(),
    );
    let mut action = None;
    egui::ScrollArea::vertical()
        .id_salt("timeline_events")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for event in events {
                let response = ui
                    .add(
                        egui::Label::new(
                            RichText::new(format!("{}  {}", event.value_label, event.document))
                                .small()
                                .strong(),
                        )
                        .selectable(false)
                        .sense(Sense::click()),
                    )
                    .on_hover_text("Open the document at this date");
                let sentence = ui.add(
                    egui::Label::new(&event.sentence)
                        .selectable(false)
                        .wrap()
                        .sense(Sense::click()),
                );
                if response.clicked() || sentence.clicked() {
                    action = Some(TimelineAction::OpenMention {
                        doc: event.doc,
                        start: event.start,
                    });
                }
                ui.add_space(4.0);
            }
        });
    action
}
