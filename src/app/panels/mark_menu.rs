//! The find bar's "Mark as…" menu: which matches (the one shown, all in this document, all
//! everywhere), what they become (a new person, organisation, place or date, or more
//! mentions of a name already found), and a warning when some already belong to a name.

use std::ops::Range;

use egui::RichText;

use crate::app::command::{MarkAs, MarkScope};
use crate::app::format::thousands;
use crate::app::kinds;
use crate::entities::EntityIndex;
use crate::extract::EntityKind;

/// Names offered under "add to a name already found".
const EXISTING_SHOWN: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Scope {
    #[default]
    Match,
    Document,
    Everywhere,
}

/// The menu's choices, kept while the find bar is open.
#[derive(Default)]
pub struct MarkMenu {
    scope: Scope,
    take_from_others: bool,
    existing_query: String,
}

/// What the user asked to mark, and as what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkRequest {
    pub scope: MarkScope,
    pub mark_as: MarkAs,
    pub take_from_others: bool,
}

impl MarkMenu {
    /// Draws the menu for the find bar's `matches` in document `doc` (`current` is the one
    /// shown); returns the request once the user chose what to mark them as.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        matches: &[Range<usize>],
        current: usize,
        entities: &EntityIndex,
        doc: usize,
    ) -> Option<MarkRequest> {
        ui.radio_value(&mut self.scope, Scope::Match, "This match only");
        ui.radio_value(
            &mut self.scope,
            Scope::Document,
            format!("All {} in this document", thousands(matches.len())),
        );
        ui.radio_value(&mut self.scope, Scope::Everywhere, "In every document");
        let chosen = match self.scope {
            Scope::Match => matches.get(current..=current).unwrap_or_default(),
            Scope::Document | Scope::Everywhere => matches,
        };
        let owned = self.owners(ui, chosen, entities, doc);
        ui.separator();
        let mut mark_as = None;
        for kind in EntityKind::ALL {
            if ui
                .button(format!("Mark as {}", kinds::singular(kind)))
                .clicked()
            {
                mark_as = Some(MarkAs::New(kind));
            }
        }
        ui.separator();
        if let Some(id) = self.existing(ui, entities) {
            mark_as = Some(MarkAs::Existing(id));
        }
        let scope = match self.scope {
            Scope::Match => MarkScope::Match(matches.get(current)?.clone()),
            Scope::Document => MarkScope::Document,
            Scope::Everywhere => MarkScope::Everywhere,
        };
        Some(MarkRequest {
            scope,
            mark_as: mark_as?,
            // Only when the user was told which names would lose them.
            take_from_others: owned && self.take_from_others,
        })
    }

    /// Says which names the chosen matches already belong to, with the choice to take
    /// them anyway. Returns whether any do.
    fn owners(
        &mut self,
        ui: &mut egui::Ui,
        chosen: &[Range<usize>],
        entities: &EntityIndex,
        doc: usize,
    ) -> bool {
        let owners: Vec<u32> = chosen
            .iter()
            .filter_map(|r| entities.mention_over(doc, r.start, r.end))
            .collect();
        if owners.is_empty() {
            return false;
        }
        let mut names: Vec<String> = Vec::new();
        for e in owners.iter().filter_map(|&i| entities.entity(i)) {
            let name = format!("\"{}\" ({})", e.name, kinds::singular(e.kind));
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let names = names.join(", ");
        let text = match (self.scope, owners.len()) {
            (Scope::Match, _) => format!("This match is part of {names}."),
            (_, 1) => format!("1 match here is part of {names}."),
            (_, n) => format!("{n} matches here are part of {names}."),
        };
        ui.separator();
        ui.label(RichText::new(text).color(ui.visuals().warn_fg_color));
        ui.checkbox(&mut self.take_from_others, "Take them from it")
            .on_hover_text("Unticked, they stay with the name they belong to");
        true
    }

    /// "Add to a name already found": a name typed, the entities it matches to pick from.
    fn existing(&mut self, ui: &mut egui::Ui, entities: &EntityIndex) -> Option<String> {
        ui.label("Or add to a name already found:");
        ui.add(
            egui::TextEdit::singleline(&mut self.existing_query)
                .hint_text("Type a name…")
                .desired_width(200.0),
        );
        let needle = self.existing_query.trim().to_lowercase();
        if needle.is_empty() {
            return None;
        }
        let mut found: Vec<_> = entities
            .live_entities()
            .filter(|(_, e)| e.matches(&needle))
            .map(|(_, e)| e)
            .collect();
        if found.is_empty() {
            ui.label(RichText::new("No name found.").weak());
        }
        found.sort_by(|a, b| b.docs.len().cmp(&a.docs.len()).then(a.name.cmp(&b.name)));
        let mut picked = None;
        for e in found.into_iter().take(EXISTING_SHOWN) {
            let label = format!("Add to \"{}\" ({})", e.name, kinds::singular(e.kind));
            if ui.button(label).clicked() {
                picked = Some(e.id.clone());
            }
        }
        picked
    }
}
