//! The text layer of PDF pages, laid out as lines and paragraphs.
//!
//! `lopdf` decodes page content and font encodings; this walker follows the text
//! position operators so that a move to a new line becomes a line break, a larger
//! vertical gap a paragraph break, and a jump along the same line a space.
//! Text inside form XObjects is not visited.

use std::collections::BTreeMap;

use lopdf::content::{Content, Operation};
use lopdf::{Document, Encoding, Object, ObjectId};

use super::FormatError;

/// Most decompressed content one page (or one font's data) may inflate to.
const MAX_PAGE_CONTENT: usize = 64 * 1024 * 1024;

/// Text of all pages, pages separated by a paragraph break. Pages that cannot be
/// decoded are skipped unless none can be.
pub fn document_text(
    document: &Document,
    pages: &BTreeMap<u32, ObjectId>,
) -> Result<String, FormatError> {
    let mut text = String::new();
    let mut last_error = None;
    let mut pages_read = 0;
    for &page_id in pages.values() {
        match page_text(document, page_id) {
            Ok(page) => {
                pages_read += 1;
                text.push_str(&page);
                text.push_str("\n\n");
            }
            Err(err) => last_error = Some(err),
        }
    }
    match last_error {
        Some(err) if pages_read == 0 => Err(FormatError::damaged(format!(
            "no page could be read: {err}"
        ))),
        _ => Ok(text),
    }
}

fn page_text(document: &Document, page_id: ObjectId) -> lopdf::Result<String> {
    let encodings: BTreeMap<Vec<u8>, Encoding<'_>> = document
        .get_page_fonts(page_id)?
        .into_iter()
        .filter_map(|(name, font)| {
            let encoding = font
                .get_font_encoding_with_limit(document, MAX_PAGE_CONTENT)
                .ok()?;
            Some((name, encoding))
        })
        .collect();
    let content =
        Content::decode(&document.get_page_content_with_limit(page_id, MAX_PAGE_CONTENT)?)?;
    let mut layout = Layout::default();
    let mut font: Option<&Encoding<'_>> = None;
    for operation in &content.operations {
        match operation.operator.as_str() {
            "BT" => layout.begin_text(),
            "Tf" => {
                font = operation
                    .operands
                    .first()
                    .and_then(|name| name.as_name().ok())
                    .and_then(|name| encodings.get(name));
                layout.font_size = number(operation, 1).unwrap_or(layout.font_size).abs();
            }
            "TL" => layout.leading = number(operation, 0).unwrap_or(layout.leading),
            "Td" | "TD" => {
                let (tx, ty) = (
                    number(operation, 0).unwrap_or(0.0),
                    number(operation, 1).unwrap_or(0.0),
                );
                if operation.operator == "TD" {
                    layout.leading = -ty;
                }
                layout.move_line(tx, ty);
            }
            "Tm" => layout.set_matrix(operation),
            "T*" => layout.next_line(),
            "Tj" | "TJ" => layout.show(&decode(font, &operation.operands)),
            "'" => {
                layout.next_line();
                layout.show(&decode(font, &operation.operands));
            }
            "\"" => {
                layout.next_line();
                layout.show(&decode(
                    font,
                    operation.operands.get(2..).unwrap_or_default(),
                ));
            }
            _ => {}
        }
    }
    Ok(layout.text)
}

fn number(operation: &Operation, index: usize) -> Option<f32> {
    operation
        .operands
        .get(index)?
        .as_float()
        .ok()
        .filter(|value| value.is_finite())
}

/// The characters shown by a text operator's string and array operands.
fn decode(font: Option<&Encoding<'_>>, operands: &[Object]) -> String {
    let Some(encoding) = font else {
        return String::new();
    };
    let mut text = String::new();
    for operand in operands {
        match operand {
            Object::String(bytes, _) => {
                if let Ok(decoded) = encoding.bytes_to_string(bytes) {
                    text.push_str(&decoded);
                }
            }
            Object::Array(items) => text.push_str(&decode(font, items)),
            // A large negative kerning step inside TJ is how many writers space words.
            Object::Integer(step) if *step < -200 => text.push(' '),
            Object::Real(step) if *step < -200.0 => text.push(' '),
            _ => {}
        }
    }
    text
}

/// Where the text cursor is, and the text laid out so far.
struct Layout {
    text: String,
    font_size: f32,
    leading: f32,
    /// Vertical scale of the text matrix: sizes and moves are in text space.
    scale: f32,
    line_y: f32,
    moved: bool,
    last_y: Option<f32>,
    smallest_gap: Option<f32>,
}

impl Default for Layout {
    fn default() -> Self {
        Self {
            text: String::new(),
            font_size: 12.0,
            leading: 0.0,
            scale: 1.0,
            line_y: 0.0,
            moved: false,
            last_y: None,
            smallest_gap: None,
        }
    }
}

impl Layout {
    fn begin_text(&mut self) {
        self.scale = 1.0;
        self.line_y = 0.0;
        self.moved = true;
    }

    fn move_line(&mut self, _tx: f32, ty: f32) {
        self.line_y += ty * self.scale;
        self.moved = true;
    }

    fn next_line(&mut self) {
        let leading = if self.leading.abs() > f32::EPSILON {
            self.leading
        } else {
            self.font_size * 1.2
        };
        self.move_line(0.0, -leading);
    }

    fn set_matrix(&mut self, operation: &Operation) {
        let scale = number(operation, 3).unwrap_or(1.0).abs();
        self.scale = if scale > f32::EPSILON { scale } else { 1.0 };
        self.line_y = number(operation, 5).unwrap_or(0.0);
        self.moved = true;
    }

    /// Appends shown text, first breaking the line or paragraph if the cursor moved.
    fn show(&mut self, shown: &str) {
        if shown.is_empty() {
            return;
        }
        let size = (self.font_size * self.scale).max(1.0);
        if let Some(last_y) = self.last_y {
            let gap = last_y - self.line_y;
            if gap.abs() < size * 0.5 {
                if self.moved
                    && !self.text.ends_with(char::is_whitespace)
                    && !shown.starts_with(' ')
                {
                    self.text.push(' ');
                }
            } else if gap > 0.0 {
                let usual = self.smallest_gap.unwrap_or(f32::MAX).min(size * 1.4);
                self.text
                    .push_str(if gap > usual * 1.45 { "\n\n" } else { "\n" });
                self.smallest_gap =
                    Some(self.smallest_gap.map_or(gap, |smallest| smallest.min(gap)));
            } else {
                // Moving up the page: a new column or a header; keep it apart.
                self.text.push_str("\n\n");
            }
        }
        self.text.push_str(shown);
        self.last_y = Some(self.line_y);
        self.moved = false;
    }
}
