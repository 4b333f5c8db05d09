//! The model's weights: for each feature hash, a weight per label, and a weight for each
//! pair of neighbouring labels; stored compactly (16-bit weights, gzip) and built into
//! the binary like the gazetteer.

use std::io::{Read, Write};

use foldhash::{HashMap, HashMapExt};

use super::features::{FEATURE_VERSION, Sequence};
use super::labels::{LABELS, OUTSIDE, allowed};

const MAGIC: &[u8; 8] = b"CETAGGR1";

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("the name model could not be unpacked: {0}")]
    Io(#[from] std::io::Error),
    #[error("the name model is not in the expected format")]
    Format,
    #[error(
        "the name model was trained on other features (version {0}, expected {FEATURE_VERSION})"
    )]
    Version(u32),
}

/// Label weights of a position's features, and label-to-label weights. Row `LABELS` of
/// `transitions` is the start of a line.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    pub features: HashMap<u64, [f32; LABELS]>,
    pub transitions: [[f32; LABELS]; LABELS + 1],
}

/// What Viterbi needs of a model: each position's label scores and the label-pair
/// weights. Training decodes with its running `Weights`; the tagger with `Compact`.
pub trait Scores {
    fn emissions(&self, features: &[u64]) -> [f32; LABELS];
    fn transitions(&self) -> &[[f32; LABELS]; LABELS + 1];
}

impl Scores for Weights {
    fn emissions(&self, features: &[u64]) -> [f32; LABELS] {
        let mut scores = [0.0; LABELS];
        for f in features {
            if let Some(w) = self.features.get(f) {
                for (s, w) in scores.iter_mut().zip(w) {
                    *s += w;
                }
            }
        }
        scores
    }

    fn transitions(&self) -> &[[f32; LABELS]; LABELS + 1] {
        &self.transitions
    }
}

/// The weights as the tagger reads them: 16-bit, as stored, so the table is a third of
/// the size and more of it stays in the processor's cache.
#[derive(Debug, Clone)]
pub struct Compact {
    features: HashMap<u64, [i16; LABELS]>,
    scale: f32,
    transitions: [[f32; LABELS]; LABELS + 1],
}

impl Compact {
    /// How many features the model weighs.
    pub fn feature_count(&self) -> usize {
        self.features.len()
    }
}

impl From<&Weights> for Compact {
    fn from(weights: &Weights) -> Compact {
        let scale = weights.scale();
        let features = weights
            .features
            .iter()
            .map(|(k, w)| (*k, w.map(|w| (w / scale).round() as i16)))
            .filter(|(_, w)| w.iter().any(|v| *v != 0))
            .collect();
        Compact {
            features,
            scale,
            transitions: weights.transitions,
        }
    }
}

impl Scores for Compact {
    fn emissions(&self, features: &[u64]) -> [f32; LABELS] {
        let mut sums = [0i32; LABELS];
        for f in features {
            if let Some(w) = self.features.get(f) {
                for (s, w) in sums.iter_mut().zip(w) {
                    *s += i32::from(*w);
                }
            }
        }
        sums.map(|s| s as f32 * self.scale)
    }

    fn transitions(&self) -> &[[f32; LABELS]; LABELS + 1] {
        &self.transitions
    }
}

/// The best labels of the positions `range` of `seq` (one line); skipped positions are
/// outside. A skipped position can only be outside, so the line falls apart at them:
/// each run of scored positions is decoded alone, entered from "outside" (or the line's
/// start) and, when a skipped position follows, left into "outside".
pub fn decode(
    model: &impl Scores,
    seq: &Sequence,
    range: std::ops::Range<usize>,
    out: &mut Vec<usize>,
) {
    out.clear();
    out.resize(range.len(), OUTSIDE);
    let mut p = range.start;
    while p < range.end {
        if seq.skipped[p] {
            p += 1;
            continue;
        }
        let run_end = (p..range.end)
            .find(|&q| seq.skipped[q])
            .unwrap_or(range.end);
        let entered_from = (p > range.start).then_some(OUTSIDE);
        let left_into = (run_end < range.end).then_some(OUTSIDE);
        let labels = &mut out[p - range.start..run_end - range.start];
        decode_run(model, seq, p..run_end, entered_from, left_into, labels);
        p = run_end;
    }
}

/// Viterbi over one run of scored positions.
fn decode_run(
    model: &impl Scores,
    seq: &Sequence,
    run: std::ops::Range<usize>,
    entered_from: Option<usize>,
    left_into: Option<usize>,
    out: &mut [usize],
) {
    let transitions = model.transitions();
    let n = run.len();
    let mut score = vec![[f32::NEG_INFINITY; LABELS]; n];
    let mut back = vec![[OUTSIDE as u8; LABELS]; n];
    for (i, p) in run.enumerate() {
        let emit = model.emissions(seq.features(p));
        for label in 0..LABELS {
            if i == 0 {
                if allowed(entered_from, label) {
                    let row = entered_from.unwrap_or(LABELS);
                    score[0][label] = emit[label] + transitions[row][label];
                }
                continue;
            }
            let mut best = (f32::NEG_INFINITY, OUTSIDE);
            for (prev, &s) in score[i - 1].iter().enumerate() {
                if s == f32::NEG_INFINITY || !allowed(Some(prev), label) {
                    continue;
                }
                let s = s + transitions[prev][label];
                if s > best.0 {
                    best = (s, prev);
                }
            }
            score[i][label] = best.0 + emit[label];
            back[i][label] = best.1 as u8;
        }
    }
    let last = score[n - 1];
    // Ties go as in one Viterbi pass over the whole line: to the first best label before
    // an outside position, to the last at the end of the line.
    let mut label = match left_into {
        Some(next) => {
            let mut best = (f32::NEG_INFINITY, OUTSIDE);
            for (label, &s) in last.iter().enumerate() {
                let s = s + transitions[label][next];
                if s > best.0 {
                    best = (s, label);
                }
            }
            best.1
        }
        None => (0..LABELS)
            .max_by(|a, b| last[*a].total_cmp(&last[*b]))
            .unwrap_or(OUTSIDE),
    };
    for i in (0..n).rev() {
        out[i] = label;
        label = back[i][label] as usize;
    }
}

impl Weights {
    /// The step of the stored 16-bit weights.
    fn scale(&self) -> f32 {
        let largest = self
            .features
            .values()
            .flatten()
            .chain(self.transitions.iter().flatten())
            .fold(0.0f32, |m, w| m.max(w.abs()));
        if largest > 0.0 {
            largest / 32767.0
        } else {
            1.0
        }
    }

    /// The weights as stored: features sorted by hash, weights scaled to 16 bits,
    /// features whose weights all round to zero left out; gzip.
    pub fn to_bytes(&self) -> Vec<u8> {
        let scale = self.scale();
        let quantise = |w: f32| (w / scale).round() as i16;
        let mut keys: Vec<(u64, [i16; LABELS])> = self
            .features
            .iter()
            .map(|(k, w)| (*k, w.map(quantise)))
            .filter(|(_, w)| w.iter().any(|v| *v != 0))
            .collect();
        keys.sort_unstable_by_key(|(k, _)| *k);
        let mut raw = Vec::with_capacity(keys.len() * 22 + 256);
        raw.extend_from_slice(MAGIC);
        raw.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        raw.extend_from_slice(&scale.to_le_bytes());
        for w in self.transitions.iter().flatten() {
            raw.extend_from_slice(&quantise(*w).to_le_bytes());
        }
        raw.extend_from_slice(&(keys.len() as u64).to_le_bytes());
        for (k, _) in &keys {
            raw.extend_from_slice(&k.to_le_bytes());
        }
        for (_, w) in &keys {
            for v in w {
                raw.extend_from_slice(&v.to_le_bytes());
            }
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        // Writing to a Vec cannot fail.
        let _ = gz.write_all(&raw);
        gz.finish().unwrap_or_default()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Weights, ModelError> {
        Compact::from_bytes(bytes).map(|compact| Weights::from(&compact))
    }
}

impl From<&Compact> for Weights {
    fn from(compact: &Compact) -> Weights {
        let features = compact
            .features
            .iter()
            .map(|(k, w)| (*k, w.map(|w| f32::from(w) * compact.scale)))
            .collect();
        Weights {
            features,
            transitions: compact.transitions,
        }
    }
}

impl Compact {
    /// Reads a model written by `Weights::to_bytes`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Compact, ModelError> {
        let mut raw = Vec::with_capacity(bytes.len() * 2);
        flate2::read::GzDecoder::new(bytes).read_to_end(&mut raw)?;
        let mut reader = Reader { raw: &raw, at: 0 };
        if reader.take(MAGIC.len())? != MAGIC {
            return Err(ModelError::Format);
        }
        let version = u32::from_le_bytes(reader.array()?);
        if version != FEATURE_VERSION {
            return Err(ModelError::Version(version));
        }
        let scale = f32::from_le_bytes(reader.array()?);
        let mut transitions = [[0.0; LABELS]; LABELS + 1];
        for row in transitions.iter_mut() {
            for w in row.iter_mut() {
                *w = f32::from(i16::from_le_bytes(reader.array()?)) * scale;
            }
        }
        let count =
            usize::try_from(u64::from_le_bytes(reader.array()?)).map_err(|_| ModelError::Format)?;
        let keys = reader.take(count.checked_mul(8).ok_or(ModelError::Format)?)?;
        let values = reader.take(count * LABELS * 2)?;
        let mut features = HashMap::with_capacity(count);
        for (key, value) in keys.chunks_exact(8).zip(values.chunks_exact(LABELS * 2)) {
            let mut w = [0; LABELS];
            for (w, v) in w.iter_mut().zip(value.chunks_exact(2)) {
                *w = i16::from_le_bytes([v[0], v[1]]);
            }
            let key: [u8; 8] = key.try_into().map_err(|_| ModelError::Format)?;
            features.insert(u64::from_le_bytes(key), w);
        }
        Ok(Compact {
            features,
            scale,
            transitions,
        })
    }
}

struct Reader<'a> {
    raw: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).ok_or(ModelError::Format)?;
        let bytes = self.raw.get(self.at..end).ok_or(ModelError::Format)?;
        self.at = end;
        Ok(bytes)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        self.take(N)?.try_into().map_err(|_| ModelError::Format)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_survive_storage_within_rounding() {
        let mut w = Weights::default();
        w.features.insert(42, [1.0, -2.0, 0.5, 0.0, 0.0, 0.0, 3.0]);
        w.features.insert(7, [0.0; LABELS]);
        w.transitions[LABELS][1] = -1.5;
        let back = Weights::from_bytes(&w.to_bytes()).expect("reads back");
        assert_eq!(back.features.len(), 1, "all-zero features are left out");
        let got = back.features[&42];
        assert!((got[1] + 2.0).abs() < 1e-3 && (got[6] - 3.0).abs() < 1e-3);
        assert!((back.transitions[LABELS][1] + 1.5).abs() < 1e-3);
    }

    #[test]
    fn damaged_models_are_refused() {
        assert!(Weights::from_bytes(b"not a model").is_err());
        let mut w = Weights::default();
        w.features.insert(1, [1.0; LABELS]);
        let bytes = w.to_bytes();
        let mut raw = Vec::new();
        let _ = flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut raw);
        raw.truncate(raw.len() - 3);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let _ = gz.write_all(&raw);
        let cut = gz.finish().unwrap_or_default();
        assert!(matches!(Weights::from_bytes(&cut), Err(ModelError::Format)));
    }
}
