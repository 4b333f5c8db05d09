//! The tags the sequence model chooses between: outside, or the beginning or inside of a
//! person, organisation or place name.

use crate::extract::EntityKind;

pub const LABELS: usize = 7;
pub const OUTSIDE: usize = 0;

/// The kinds the model names, in label order (B = 1 + 2k, I = 2 + 2k).
pub const KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
];

pub fn begin(kind: usize) -> usize {
    1 + 2 * kind
}

pub fn inside(kind: usize) -> usize {
    2 + 2 * kind
}

/// The kind index of a label, `None` for outside.
pub fn kind_of(label: usize) -> Option<usize> {
    (label != OUTSIDE).then(|| (label - 1) / 2)
}

pub fn is_inside(label: usize) -> bool {
    label != OUTSIDE && label.is_multiple_of(2)
}

/// Whether `label` may follow `previous` (`None` at the start of a line): an inside
/// label only continues a name of its own kind.
pub fn allowed(previous: Option<usize>, label: usize) -> bool {
    if !is_inside(label) {
        return true;
    }
    previous.is_some_and(|p| kind_of(p) == kind_of(label))
}

/// Index of a kind in [`KINDS`].
pub fn kind_index(kind: EntityKind) -> Option<usize> {
    KINDS.iter().position(|k| *k == kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_follows_only_its_own_kind() {
        assert!(allowed(None, begin(0)));
        assert!(!allowed(None, inside(0)));
        assert!(allowed(Some(begin(1)), inside(1)));
        assert!(allowed(Some(inside(1)), inside(1)));
        assert!(!allowed(Some(begin(0)), inside(1)));
        assert!(!allowed(Some(OUTSIDE), inside(2)));
        assert_eq!(kind_of(inside(2)), Some(2));
        assert_eq!(kind_of(OUTSIDE), None);
    }
}
