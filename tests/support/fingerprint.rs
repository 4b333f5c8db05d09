//! What "the corpus folder is never written" is checked against: every file and
//! folder below a root, with a hash of its contents and its modification time.

use std::collections::BTreeMap;
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;
use std::time::SystemTime;

/// Content hash and modification time of every file and folder below `root`.
pub fn fingerprint(root: &Path) -> BTreeMap<String, (u64, SystemTime)> {
    let mut prints = BTreeMap::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{e}"))
            .flatten()
        {
            let path = entry.path();
            let meta = fs::symlink_metadata(&path).unwrap_or_else(|e| panic!("{e}"));
            if meta.is_dir() {
                pending.push(path.clone());
            }
            let mut hasher = DefaultHasher::new();
            if meta.is_file() {
                fs::read(&path).unwrap_or_default().hash(&mut hasher);
            }
            let mtime = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
            prints.insert(path.display().to_string(), (hasher.finish(), mtime));
        }
    }
    prints
}
