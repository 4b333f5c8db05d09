//! A generated folder of ordinary news-like reports, for tests that need a corpus of a
//! given size rather than particular texts.

use std::path::Path;

/// Writes `folders` folders of `per_folder` reports below `root`, each a few kilobytes
/// with a person, an organisation, places and dates.
pub fn write_reports(root: &Path, folders: usize, per_folder: usize) {
    for folder in 0..folders {
        let dir = root.join(format!("f{folder}"));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        for i in 0..per_folder {
            let text = format!(
                "Report {i}\n\nAmina Okafor met officials of the Ministry of Health in Lagos \
                 on 3 March 1999. The harbour contract was signed in Geneva in the 1980s. {}",
                "The shipment waited at the port while the inspectors wrote. ".repeat(40)
            );
            std::fs::write(dir.join(format!("doc{i}.txt")), text).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}
