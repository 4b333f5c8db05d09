//! The reading pane (centre): the selected document at a comfortable width and size, with
//! Ctrl+F to find words inside it.

use std::ops::Range;

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Align, Color32, FontId, RichText};

use crate::app::command::{Command, MarkAs, MarkScope, MarkText};
use crate::app::fonts::reading_family;
use crate::app::highlight::highlight_segments;
use crate::app::kinds;
use crate::app::model::Model;
use crate::app::panels::doc_details;
use crate::app::panels::find_bar::FindBar;
use crate::app::panels::menu::FIND;
use crate::app::panels::pages;
use crate::app::panels::search_hits::SearchHits;
use crate::corpus::Document;
use crate::entities::{Correction, EntityIndex, MentionRef, phrase_at};
use crate::extract::EntityKind;

/// About 70 characters of body text per line: wide enough to read, narrow enough to follow.
const LINE_LENGTH_EMS: f32 = 36.0;

#[derive(Default)]
pub struct ReaderPanel {
    find: FindBar,
    /// The list search's hits in this document, shown while the find bar is closed.
    search_hits: SearchHits,
    /// The document shown last frame, to notice a new selection.
    shown: Option<usize>,
    /// A byte offset to bring into view once the document is laid out.
    scroll_to: Option<usize>,
    /// Which mention of the selected entity Previous/Next last went to.
    entity_cursor: usize,
    /// What the open right-click menu is about.
    context: Option<ContextTarget>,
    /// Where the shown document's pages start (one page unless it is long).
    page_starts: Vec<usize>,
    /// The page shown, and whether it was just chosen (its top is shown).
    page: usize,
    page_turned: bool,
}

/// What was right-clicked in the text.
enum ContextTarget {
    /// A mention: its entity and byte offset.
    Mention { entity: u32, start: usize },
    /// Plain text: the word, and the run of capitalised words around it.
    Text { word: String, phrase: String },
}

impl ReaderPanel {
    /// The right-click menu: for a mention, select its entity or say it is wrong; for
    /// plain text, mark it as an entity the engine missed.
    fn context_menu(
        &mut self,
        response: &egui::Response,
        model: &Model,
        doc: &Document,
        out: &mut Vec<Command>,
    ) {
        // The pane shows the selected document.
        let index = model.selected.unwrap_or_default();
        let mut close = false;
        match &self.context {
            Some(ContextTarget::Mention { entity, start }) => {
                let (entity_index, start) = (*entity, *start);
                let Some(entity) = model.entities.entity(entity_index) else {
                    return;
                };
                response.context_menu(|ui| {
                    ui.label(
                        RichText::new(format!(
                            "{} ({})",
                            entity.name,
                            kinds::singular(entity.kind)
                        ))
                        .strong(),
                    );
                    if ui.button("Select in the sidebar").clicked() {
                        out.push(Command::SelectEntity(Some(entity_index)));
                        close = true;
                    }
                    if ui
                        .button(format!("Not \"{}\" here", entity.name))
                        .on_hover_text("Only this mention is wrong; the others stay")
                        .clicked()
                    {
                        out.push(Command::Correct(Correction::HideMention {
                            id: entity.id.clone(),
                            path: doc.rel_path.clone(),
                            start,
                        }));
                        close = true;
                    }
                    if ui.button("Not an entity anywhere").clicked() {
                        out.push(Command::Correct(Correction::Hide {
                            id: entity.id.clone(),
                        }));
                        close = true;
                    }
                });
            }
            Some(ContextTarget::Text { word, phrase }) => {
                let choices: Vec<&String> = if word == phrase {
                    vec![word]
                } else {
                    vec![phrase, word]
                };
                response.context_menu(|ui| {
                    for text in choices {
                        ui.menu_button(format!("Mark \"{text}\" as…"), |ui| {
                            for kind in EntityKind::ALL {
                                for everywhere in [false, true] {
                                    let where_ = if everywhere {
                                        "in every document"
                                    } else {
                                        "in this document"
                                    };
                                    let label = format!("{} ({where_})", kinds::singular(kind));
                                    if ui.button(label).clicked() {
                                        out.push(Command::MarkText(MarkText {
                                            query: text.clone(),
                                            doc: index,
                                            scope: if everywhere {
                                                MarkScope::Everywhere
                                            } else {
                                                MarkScope::Document
                                            },
                                            mark_as: MarkAs::New(kind),
                                            take_from_others: false,
                                        }));
                                        close = true;
                                    }
                                }
                            }
                        });
                    }
                });
            }
            None => {}
        }
        if close {
            self.context = None;
        }
    }
}

/// A highlighted mention as laid out: character offsets in the galley, and its entity.
struct LaidOutMention {
    chars: Range<usize>,
    entity: u32,
    /// Byte offset of the mention in the text.
    start: usize,
}

impl ReaderPanel {
    /// Scrolls to the byte offset `start` of the document selected next.
    pub fn scroll_to_offset(&mut self, start: usize) {
        self.scroll_to = Some(start);
    }

    pub fn show(&mut self, ui: &mut egui::Ui, model: &Model, out: &mut Vec<Command>) {
        if ui.input_mut(|i| i.consume_shortcut(&FIND)) {
            self.find.open = true;
            self.find.focus_field = true;
            self.find.computed_for = None;
        }
        let Some(index) = model.selected.filter(|&i| i < model.documents.len()) else {
            self.shown = None;
            ui.centered_and_justified(|ui| {
                ui.label(
                    RichText::new("Select a document on the left to read it.")
                        .size(17.0)
                        .weak(),
                );
            });
            return;
        };
        let doc = &model.documents[index];
        let new_document = self.shown != Some(index);
        self.shown = Some(index);
        if new_document {
            self.entity_cursor = 0;
            self.page_starts = pages::page_starts(&doc.text);
            self.page = 0;
        }
        if self.find.open {
            let mark = egui::Panel::top("find_bar")
                .show(ui, |ui| self.find.show(ui, &model.entities, index))
                .inner;
            if let Some(mark) = mark {
                out.push(Command::MarkText(MarkText {
                    query: self.find.query.clone(),
                    doc: index,
                    scope: mark.scope,
                    mark_as: mark.mark_as,
                    take_from_others: mark.take_from_others,
                }));
            }
            self.find.refresh(index, &doc.text);
            self.search_hits.clear();
        } else if let Some(active) = model
            .search
            .active
            .as_ref()
            .filter(|a| a.mask.get(index).copied().unwrap_or(false))
        {
            let first = self
                .search_hits
                .refresh(index, model.search.revision, &doc.text, active);
            // Opening a document from the search shows its first hit, unless the
            // user asked for a particular place.
            if self.scroll_to.is_none() {
                self.scroll_to = first;
            }
            if let Some(start) = self.search_hits.bar(ui, &active.text) {
                self.scroll_to = Some(start);
            }
        } else {
            self.search_hits.clear();
        }
        let mentions = model.entities.mentions_in(index);
        self.entity_bar(ui, model, mentions);
        let font_size = model.workspace.view.font_size;
        // A place to show on another page turns to it first.
        if let Some(target) = self.pending_target() {
            self.page = pages::page_of(&self.page_starts, target);
        }
        let mut scroll = egui::ScrollArea::vertical().auto_shrink([false, false]);
        let turned = std::mem::take(&mut self.page_turned);
        if (new_document || turned) && self.pending_target().is_none() {
            scroll = scroll.vertical_scroll_offset(0.0);
        }
        scroll.show(ui, |ui| {
            let available = ui.available_width();
            let width = (font_size * LINE_LENGTH_EMS)
                .min(available - 24.0)
                .max(200.0);
            ui.horizontal(|ui| {
                ui.add_space(((available - width) / 2.0).max(0.0));
                ui.vertical(|ui| {
                    ui.set_width(width);
                    self.document(ui, model, doc, mentions, font_size, width, out);
                });
            });
        });
    }

    /// When the selected entity is mentioned here: how often, with Previous/Next.
    fn entity_bar(&mut self, ui: &mut egui::Ui, model: &Model, mentions: &[MentionRef]) {
        let Some((selected, entity)) = model
            .selected_entity
            .and_then(|i| Some((i, model.entities.entity(i)?)))
        else {
            return;
        };
        let own: Vec<usize> = mentions
            .iter()
            .filter(|m| m.entity == selected)
            .map(|m| m.start)
            .collect();
        if own.is_empty() {
            return;
        }
        egui::Panel::top("entity_mentions_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                kinds::swatch(ui, entity.kind);
                let n = own.len();
                let at = self.entity_cursor.min(n - 1);
                ui.label(format!("{}: mention {} of {} here", entity.name, at + 1, n));
                if ui.button("Previous").clicked() {
                    self.entity_cursor = (at + n - 1) % n;
                    self.scroll_to = Some(own[self.entity_cursor]);
                }
                if ui.button("Next").clicked() {
                    self.entity_cursor = (at + 1) % n;
                    self.scroll_to = Some(own[self.entity_cursor]);
                }
            });
        });
    }

    /// The byte offset the pane is asked to bring into view, if any.
    fn pending_target(&self) -> Option<usize> {
        if self.find.scroll_to_current {
            self.find.matches.get(self.find.current).map(|r| r.start)
        } else {
            self.scroll_to
        }
    }

    /// "Page 3 of 2,081" with buttons, when the document has more than one page.
    fn pager(&mut self, ui: &mut egui::Ui) {
        let count = self.page_starts.len();
        if count > 1
            && let Some(page) = pages::pager(ui, self.page, count)
        {
            self.page = page;
            self.page_turned = true;
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn document(
        &mut self,
        ui: &mut egui::Ui,
        model: &Model,
        doc: &Document,
        mentions: &[MentionRef],
        font_size: f32,
        width: f32,
        out: &mut Vec<Command>,
    ) {
        ui.add_space(16.0);
        ui.add(egui::Label::new(RichText::new(&doc.title).size(font_size * 1.6).strong()).wrap());
        ui.add_space(4.0);
        ui.label(RichText::new(&doc.rel_path).monospace().weak());
        doc_details::show(ui, doc);
        if !mentions.is_empty() {
            legend(ui);
        }
        ui.add_space(8.0);
        ui.separator();
        self.pager(ui);
        ui.add_space(8.0);
        let page = pages::page_range(&self.page_starts, doc.text.len(), self.page);
        let page_text = &doc.text[page.clone()];
        let page_mentions = pages::mentions_on(mentions, &page);
        let (job, laid_out) = self.body_job(
            ui,
            page_text,
            page.start,
            &model.entities,
            &page_mentions,
            model.selected_entity,
            font_size,
            width,
        );
        let galley = ui.painter().layout_job(job);
        let response = ui.add(egui::Label::new(galley.clone()).selectable(true));
        let origin = response.rect.min.to_vec2();
        let hovered = response.hover_pos().and_then(|pos| {
            // The cursor nearest the pointer sits before or after the character under it.
            let index = galley.cursor_from_pos((pos - origin).to_vec2()).index.0;
            laid_out
                .iter()
                .find(|m| m.chars.start <= index && index <= m.chars.end)
        });
        if let Some(mention) = hovered
            && let Some(entity) = model.entities.entity(mention.entity)
        {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            let mut text = format!("{} ({})", entity.name, kinds::singular(entity.kind));
            if !entity.aliases.is_empty() {
                text.push_str(&format!("\nAlso written: {}", entity.aliases.join(", ")));
            }
            text.push_str("\nClick to select it; right-click for more");
            response.clone().on_hover_text(text);
            if response.clicked() {
                out.push(Command::SelectEntity(Some(mention.entity)));
            }
            if response.secondary_clicked() {
                self.context = Some(ContextTarget::Mention {
                    entity: mention.entity,
                    start: mention.start,
                });
            }
        } else if response.secondary_clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            let index = galley.cursor_from_pos((pos - origin).to_vec2()).index.0;
            let at = page.start
                + page_text
                    .char_indices()
                    .nth(index)
                    .map_or(page_text.len(), |(i, _)| i);
            self.context = phrase_at(&doc.text, at).map(|(word, phrase)| ContextTarget::Text {
                word: doc.text[word].to_owned(),
                phrase: doc.text[phrase].to_owned(),
            });
        }
        self.context_menu(&response, model, doc, out);
        let scroll_to = if std::mem::take(&mut self.find.scroll_to_current) {
            self.find.matches.get(self.find.current).map(|r| r.start)
        } else {
            self.scroll_to.take()
        };
        if let Some(start) = scroll_to
            .filter(|s| page.contains(s))
            .map(|s| s - page.start)
            .filter(|&s| page_text.is_char_boundary(s))
        {
            let chars = page_text[..start].chars().count();
            let at = galley.pos_from_cursor(CCursor::new(chars));
            ui.scroll_to_rect(at.translate(origin), Some(Align::Center));
        }
        ui.add_space(16.0);
        self.pager(ui);
        ui.add_space(16.0);
    }

    #[allow(clippy::too_many_arguments)]
    /// The body text of the page starting at byte `offset`, with entity mentions
    /// (moved to the page) tinted by kind (the selected entity underlined) and find
    /// matches (or, with the find bar closed, search hits) highlighted over them, the
    /// current one more strongly.
    fn body_job(
        &self,
        ui: &egui::Ui,
        text: &str,
        offset: usize,
        entities: &EntityIndex,
        mentions: &[MentionRef],
        selected: Option<u32>,
        font_size: f32,
        width: f32,
    ) -> (LayoutJob, Vec<LaidOutMention>) {
        let visuals = ui.visuals();
        let dark = visuals.dark_mode;
        let plain = TextFormat {
            font_id: FontId::new(font_size, reading_family()),
            color: visuals.text_color(),
            line_height: Some(font_size * 1.5),
            ..Default::default()
        };
        let (hit, current) = if dark {
            (
                Color32::from_rgb(90, 80, 20),
                Color32::from_rgb(170, 100, 0),
            )
        } else {
            (
                Color32::from_rgb(255, 240, 150),
                Color32::from_rgb(255, 170, 60),
            )
        };
        let kind_of = |entity: u32| entities.entity(entity).map(|e| e.kind);
        let mut job = LayoutJob::default();
        job.wrap.max_width = width;
        let mut laid_out: Vec<LaidOutMention> = Vec::new();
        let mut chars = 0;
        let (all_matches, current_match) = if self.find.open {
            (&self.find.matches, self.find.current)
        } else {
            (&self.search_hits.ranges, self.search_hits.current)
        };
        let (matches, first_match) = pages::matches_on(all_matches, &(offset..offset + text.len()));
        for segment in highlight_segments(text.len(), &matches, mentions) {
            let piece = &text[segment.range.clone()];
            let mut format = plain.clone();
            if let Some(m) = segment.mention
                && let Some(kind) = kind_of(m.entity)
            {
                format.background = kinds::tint(kind, dark);
                if selected == Some(m.entity) {
                    format.underline = egui::Stroke::new(2.0, kinds::strong(kind));
                }
            }
            if let Some(i) = segment.find {
                let i = first_match + i;
                format.background = if i == current_match { current } else { hit };
            }
            let n = piece.chars().count();
            if let Some(m) = segment.mention {
                match laid_out.last_mut() {
                    // A mention cut by a find match continues in the next run.
                    Some(last) if last.start == offset + m.start => last.chars.end = chars + n,
                    _ => laid_out.push(LaidOutMention {
                        chars: chars..chars + n,
                        entity: m.entity,
                        start: offset + m.start,
                    }),
                }
            }
            chars += n;
            job.append(piece, 0.0, format);
        }
        (job, laid_out)
    }
}

/// The kinds' colours, as a key above the text.
fn legend(ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("Highlighted:").weak());
        for kind in EntityKind::ALL {
            kinds::swatch(ui, kind);
            ui.label(RichText::new(kinds::singular(kind)).weak());
        }
    });
}
