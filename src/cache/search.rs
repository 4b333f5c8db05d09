//! The search index kept in the cache: reused when it was built from the same
//! documents (paths, titles and texts), otherwise built again and kept.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use xxhash_rust::xxh3::Xxh3;

use super::{CacheDir, text_hash};
use crate::search::{SearchError, SearchIndex, SearchSource, numbered};

impl CacheDir {
    /// The search index of `docs` (document `i` is `docs[i]`), and whether it came
    /// from the cache. Built in memory when the cache folder cannot be used.
    pub fn search_index(
        &self,
        docs: &[SearchSource<'_>],
        cancel: &AtomicBool,
    ) -> Result<(SearchIndex, bool), SearchError> {
        let dir = self.path().join("search");
        let signature_file = self.path().join("search.signature");
        let signature = signature(docs);
        let saved = std::fs::read_to_string(&signature_file).ok();
        if saved.as_deref() == Some(signature.as_str())
            && let Ok(index) = SearchIndex::open(&dir)
            && index.len() == docs.len()
        {
            return Ok((index, true));
        }
        let _ = std::fs::remove_file(&signature_file);
        match build_kept(&dir, docs, cancel) {
            Ok(index) => {
                // Written last: an index without its signature is never trusted.
                let part = signature_file.with_extension("part");
                let _ = std::fs::write(&part, &signature)
                    .and_then(|()| std::fs::rename(&part, &signature_file));
                Ok((index, false))
            }
            Err(SearchError::Cancelled) => Err(SearchError::Cancelled),
            Err(_) => {
                SearchIndex::build(numbered(docs), cancel, |_| {}).map(|index| (index, false))
            }
        }
    }
}

fn build_kept(
    dir: &Path,
    docs: &[SearchSource<'_>],
    cancel: &AtomicBool,
) -> Result<SearchIndex, SearchError> {
    match std::fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
        _ => {}
    }
    SearchIndex::build_in(dir, numbered(docs), cancel, |_| {})
}

/// What the index was built from, in a few bytes.
fn signature(docs: &[SearchSource<'_>]) -> String {
    let mut hasher = Xxh3::new();
    for (path, title, text) in docs {
        hasher.update(path.as_bytes());
        hasher.update(&[0]);
        hasher.update(title.as_bytes());
        hasher.update(&[0]);
        hasher.update(&text_hash(text).to_le_bytes());
    }
    format!("{}:{:016x}", docs.len(), hasher.digest())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_index_is_reused_only_for_the_same_documents() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let cache = CacheDir::for_corpus(tmp.path(), Path::new("/corpus"));
        let cancel = AtomicBool::new(false);
        let docs = [
            ("a.txt", "A", "The harbour at Lagos."),
            ("b.txt", "B", "A bridge in Bogotá."),
        ];
        let query = crate::search::parse_query("bogota").expect("parses");
        let (index, reused) = cache.search_index(&docs, &cancel).expect("builds");
        assert!(!reused);
        assert_eq!(index.search(&query).expect("searches").len(), 1);
        drop(index);
        let (index, reused) = cache.search_index(&docs, &cancel).expect("opens");
        assert!(reused);
        assert_eq!(index.search(&query).expect("searches")[0].doc, 1);
        drop(index);
        let changed = [docs[0], ("b.txt", "B", "A bridge in Medellín.")];
        let (index, reused) = cache.search_index(&changed, &cancel).expect("rebuilds");
        assert!(!reused);
        assert!(index.search(&query).expect("searches").is_empty());
    }
}
