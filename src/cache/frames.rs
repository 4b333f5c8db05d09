//! The cache's file format: a header (magic bytes, format number, engine fingerprint)
//! then length-prefixed postcard records, written as they come and read back one by
//! one, so neither side holds the whole file as bytes.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::CacheError;

const MAGIC: &[u8; 8] = b"CEXCACHE";
/// Bumped whenever a cached type changes shape.
pub const FORMAT: u32 = 2;
/// A record larger than this is taken as damage, not allocated.
const MAX_RECORD: usize = 512 * 1024 * 1024;
/// Written after the last record, so a file cut short is noticed.
const END: u32 = u32::MAX;

/// Appends records to a `.part` file that becomes the real file on
/// [`FrameWriter::finish`] only.
pub struct FrameWriter {
    out: BufWriter<File>,
    part: PathBuf,
    target: PathBuf,
    buffer: Vec<u8>,
}

impl FrameWriter {
    pub fn create(target: &Path, fingerprint: u64) -> Result<Self, CacheError> {
        let part = target.with_extension("part");
        let file = File::create(&part).map_err(|e| CacheError::write(&part, e))?;
        let mut out = BufWriter::with_capacity(1 << 20, file);
        let mut header = Vec::with_capacity(20);
        header.extend_from_slice(MAGIC);
        header.extend_from_slice(&FORMAT.to_le_bytes());
        header.extend_from_slice(&fingerprint.to_le_bytes());
        out.write_all(&header)
            .map_err(|e| CacheError::write(&part, e))?;
        Ok(FrameWriter {
            out,
            part,
            target: target.to_path_buf(),
            buffer: Vec::new(),
        })
    }

    /// Appends one record; the reader must ask for the same type.
    pub fn write(&mut self, record: &impl Serialize) -> Result<(), CacheError> {
        self.buffer.clear();
        let bytes = postcard::to_extend(record, std::mem::take(&mut self.buffer))
            .map_err(|e| CacheError::write(&self.part, std::io::Error::other(e)))?;
        let len = u32::try_from(bytes.len()).map_err(|_| {
            CacheError::write(&self.part, std::io::Error::other("record too large"))
        })?;
        let written = self
            .out
            .write_all(&len.to_le_bytes())
            .and_then(|()| self.out.write_all(&bytes));
        self.buffer = bytes;
        written.map_err(|e| CacheError::write(&self.part, e))
    }

    /// Flushes the records to disk and puts the file in place of the old one.
    pub fn finish(self) -> Result<(), CacheError> {
        let part = self.part.clone();
        let mut out = self.out;
        out.write_all(&END.to_le_bytes())
            .map_err(|e| CacheError::write(&part, e))?;
        let file = out
            .into_inner()
            .map_err(|e| CacheError::write(&part, e.into_error()))?;
        file.sync_all().map_err(|e| CacheError::write(&part, e))?;
        std::fs::rename(&part, &self.target).map_err(|e| CacheError::write(&self.target, e))
    }

    /// Gives up: the file being written is removed, the old one stays.
    pub fn abandon(self) {
        let part = self.part.clone();
        drop(self);
        let _ = std::fs::remove_file(part);
    }
}

/// Records read before they are decoded, in parallel, as one batch.
const DECODE_BATCH: usize = 2048;

/// Reads every record of a file written by [`FrameWriter`], handing each to `each`
/// in file order; records are decoded in parallel batches. Returns `Ok(false)` when
/// the file does not exist.
pub fn read_frames<T: DeserializeOwned + Send>(
    path: &Path,
    fingerprint: u64,
    mut each: impl FnMut(T),
) -> Result<bool, CacheError> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(CacheError::read(path, e)),
    };
    let mut input = BufReader::with_capacity(1 << 20, file);
    let mut header = [0u8; 20];
    input
        .read_exact(&mut header)
        .map_err(|_| CacheError::damaged(path, "it is shorter than its header"))?;
    if &header[..8] != MAGIC {
        return Err(CacheError::damaged(
            path,
            "it does not start like a cache file",
        ));
    }
    let format = u32::from_le_bytes([header[8], header[9], header[10], header[11]]);
    let mut stamp = [0u8; 8];
    stamp.copy_from_slice(&header[12..20]);
    if format != FORMAT || u64::from_le_bytes(stamp) != fingerprint {
        return Err(CacheError::Outdated {
            path: path.to_path_buf(),
        });
    }
    let mut batch: Vec<Vec<u8>> = Vec::with_capacity(DECODE_BATCH);
    let decode = |batch: &mut Vec<Vec<u8>>, each: &mut dyn FnMut(T)| {
        let records: Result<Vec<T>, CacheError> = batch
            .par_iter()
            .map(|bytes| {
                postcard::from_bytes(bytes)
                    .map_err(|_| CacheError::damaged(path, "a record cannot be decoded"))
            })
            .collect();
        batch.clear();
        records.map(|records| records.into_iter().for_each(each))
    };
    loop {
        let mut len = [0u8; 4];
        match input.read_exact(&mut len) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                return Err(CacheError::damaged(path, "it ends before its last record"));
            }
            Err(e) => return Err(CacheError::read(path, e)),
        }
        let len = u32::from_le_bytes(len);
        if len == END {
            decode(&mut batch, &mut each)?;
            return Ok(true);
        }
        let len = len as usize;
        if len > MAX_RECORD {
            return Err(CacheError::damaged(path, "a record has an impossible size"));
        }
        let mut bytes = vec![0; len];
        input
            .read_exact(&mut bytes)
            .map_err(|_| CacheError::damaged(path, "it ends in the middle of a record"))?;
        batch.push(bytes);
        if batch.len() == DECODE_BATCH {
            decode(&mut batch, &mut each)?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(dir: &Path, records: &[(u32, String)]) -> PathBuf {
        let path = dir.join("records.bin");
        let mut writer = FrameWriter::create(&path, 7).expect("creates");
        for record in records {
            writer.write(record).expect("writes");
        }
        writer.finish().expect("finishes");
        path
    }

    fn read_all(path: &Path, fingerprint: u64) -> Result<Vec<(u32, String)>, CacheError> {
        let mut out = Vec::new();
        read_frames(path, fingerprint, |r: (u32, String)| out.push(r)).map(|_| out)
    }

    #[test]
    fn records_come_back_in_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let records = vec![(1, "Lagos".to_owned()), (2, "Bogotá".to_owned())];
        let path = written(dir.path(), &records);
        assert_eq!(read_all(&path, 7).expect("reads"), records);
        assert!(!path.with_extension("part").exists());
    }

    #[test]
    fn a_cut_file_a_foreign_file_and_another_build_are_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = written(dir.path(), &[(1, "Lagos".to_owned())]);
        let bytes = std::fs::read(&path).expect("reads");
        std::fs::write(&path, &bytes[..bytes.len() - 4]).expect("writes");
        assert!(matches!(
            read_all(&path, 7),
            Err(CacheError::Damaged { .. })
        ));
        std::fs::write(&path, b"not a cache file at all").expect("writes");
        assert!(matches!(
            read_all(&path, 7),
            Err(CacheError::Damaged { .. })
        ));
        let path = written(dir.path(), &[(1, "Lagos".to_owned())]);
        assert!(matches!(
            read_all(&path, 8),
            Err(CacheError::Outdated { .. })
        ));
    }

    #[test]
    fn an_abandoned_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = written(dir.path(), &[(1, "old".to_owned())]);
        let mut writer = FrameWriter::create(&path, 7).expect("creates");
        writer.write(&(2, "new".to_owned())).expect("writes");
        writer.abandon();
        assert_eq!(read_all(&path, 7).expect("reads"), [(1, "old".to_owned())]);
        assert!(!path.with_extension("part").exists());
        assert!(
            read_frames(&dir.path().join("none.bin"), 7, |_: u32| {}).is_ok_and(|found| !found)
        );
    }
}
