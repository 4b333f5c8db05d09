//! Saving and loading workspaces and the app's own files, in temp folders.

use std::fs;
use std::path::Path;

use corpus_explorer::workspace::{
    self, AppDirs, FORMAT_VERSION, Preferences, RecentKind, RecentList, Recovery, SortColumn,
    Theme, Workspace,
};

fn sample_workspace(corpus: &Path) -> Workspace {
    let mut workspace = Workspace::for_folder(corpus);
    workspace.selected_document = Some("letters/cologne.txt".to_owned());
    workspace.list.sort = SortColumn::Words;
    workspace.list.ascending = false;
    workspace.list.filter = "harbour".to_owned();
    workspace.view.theme = Theme::Dark;
    workspace.view.font_size = 19.5;
    workspace
}

#[test]
fn save_then_load_restores_everything_and_records_the_relative_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).expect("corpus folder");
    let file = dir.path().join("project.ron");
    let workspace = sample_workspace(&corpus);

    workspace::save(&file, &workspace).expect("save");
    let loaded = workspace::load(&file).expect("load");

    assert_eq!(loaded.format_version, FORMAT_VERSION);
    assert_eq!(loaded.corpus.relative.as_deref(), Some(Path::new("corpus")));
    let expected = Workspace {
        corpus: loaded.corpus.clone(),
        ..workspace
    };
    assert_eq!(loaded, expected);
    assert_eq!(
        loaded.corpus.absolute,
        fs::canonicalize(&corpus).expect("real path")
    );
}

#[test]
fn relative_path_climbs_out_of_the_workspace_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("data/corpus");
    let folder = dir.path().join("work/workspaces");
    fs::create_dir_all(&corpus).expect("corpus folder");
    fs::create_dir_all(&folder).expect("workspace folder");
    let file = folder.join("w.ron");

    workspace::save(&file, &Workspace::for_folder(&corpus)).expect("save");
    let loaded = workspace::load(&file).expect("load");

    assert_eq!(
        loaded.corpus.relative.as_deref(),
        Some(Path::new("../../data/corpus"))
    );
}

#[test]
fn corpus_is_found_again_after_moving_it_together_with_the_workspace() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old_home = dir.path().join("old");
    fs::create_dir_all(old_home.join("corpus")).expect("corpus folder");
    fs::write(old_home.join("corpus/a.txt"), "text").expect("document");
    workspace::save(
        &old_home.join("w.ron"),
        &Workspace::for_folder(&old_home.join("corpus")),
    )
    .expect("save");

    let new_home = dir.path().join("moved/elsewhere");
    fs::create_dir_all(new_home.parent().expect("parent")).expect("folders");
    fs::rename(&old_home, &new_home).expect("move both");

    let file = new_home.join("w.ron");
    let loaded = workspace::load(&file).expect("load");
    assert!(
        !loaded.corpus.absolute.exists(),
        "the old absolute path is gone"
    );
    let found = loaded
        .resolve_corpus(&file)
        .expect("found through the relative path");
    assert_eq!(
        found,
        fs::canonicalize(new_home.join("corpus")).expect("real")
    );
    assert!(found.join("a.txt").is_file());
}

#[test]
fn resolve_prefers_the_absolute_path_and_gives_none_when_both_are_gone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).expect("corpus folder");
    let file = dir.path().join("w.ron");
    let mut workspace = Workspace::for_folder(&corpus);
    workspace.corpus.relative = Some("does-not-exist".into());
    assert_eq!(
        workspace.resolve_corpus(&file),
        Some(workspace.corpus.absolute.clone())
    );

    workspace.corpus.absolute = dir.path().join("gone");
    assert_eq!(workspace.resolve_corpus(&file), None);
    workspace.corpus.relative = None;
    assert_eq!(workspace.resolve_corpus(&file), None);
}

#[test]
fn saving_again_replaces_the_file_and_leaves_no_temp_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("w.ron");
    let mut workspace = Workspace::for_folder(dir.path());
    workspace::save(&file, &workspace).expect("first save");
    workspace.selected_document = Some("b.txt".to_owned());
    workspace::save(&file, &workspace).expect("second save");

    let loaded = workspace::load(&file).expect("load");
    assert_eq!(loaded.selected_document.as_deref(), Some("b.txt"));
    let names: Vec<String> = fs::read_dir(dir.path())
        .expect("list")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names, ["w.ron"]);
}

#[test]
fn recent_list_dedupes_caps_orders_and_removes() {
    let mut recent = RecentList::default();
    for i in 0..20 {
        recent.add(Path::new(&format!("/corpora/{i}")), RecentKind::Folder);
    }
    recent.add(Path::new("/corpora/15"), RecentKind::Folder);
    recent.add(Path::new("/w.ron"), RecentKind::Workspace);

    assert_eq!(recent.entries.len(), RecentList::MAX);
    let paths: Vec<_> = recent
        .entries
        .iter()
        .map(|e| e.path.to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        &paths[..4],
        ["/w.ron", "/corpora/15", "/corpora/19", "/corpora/18"]
    );
    assert_eq!(paths.iter().filter(|p| *p == "/corpora/15").count(), 1);
    assert_eq!(recent.entries[0].kind, RecentKind::Workspace);

    recent.remove(Path::new("/corpora/15"));
    assert_eq!(recent.entries.len(), RecentList::MAX - 1);
    assert!(
        recent
            .entries
            .iter()
            .all(|e| e.path != Path::new("/corpora/15"))
    );
}

#[test]
fn recent_list_survives_a_save_and_load_in_a_new_config_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dirs = AppDirs::at(dir.path());
    let mut recent = RecentList::default();
    recent.add(dir.path(), RecentKind::Folder);
    recent.add(&dir.path().join("w.ron"), RecentKind::Workspace);
    recent
        .save(&dirs.recent_file())
        .expect("save creates the folder");

    let loaded = RecentList::load(&dirs.recent_file());
    assert_eq!(loaded, recent);
    assert!(loaded.entries[1].exists());
    assert!(!loaded.entries[0].exists(), "w.ron was never written");
}

#[test]
fn recovery_write_read_clear() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = AppDirs::at(dir.path()).recovery_file();
    assert_eq!(workspace::read_recovery(&file).expect("no copy yet"), None);

    let recovery = Recovery::now(sample_workspace(dir.path()), Some(dir.path().join("w.ron")));
    assert!(recovery.saved_at_unix > 1_600_000_000);
    workspace::write_recovery(&file, &recovery).expect("write");
    assert_eq!(
        workspace::read_recovery(&file).expect("read"),
        Some(recovery)
    );

    workspace::clear_recovery(&file).expect("clear");
    assert!(!file.exists());
    workspace::clear_recovery(&file).expect("clearing twice is fine");
    assert_eq!(workspace::read_recovery(&file).expect("read"), None);
}

#[test]
fn preferences_default_then_saved_value() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = AppDirs::at(dir.path()).preferences_file();
    assert_eq!(Preferences::load(&file).max_file_mb, 50);
    Preferences { max_file_mb: 200 }.save(&file).expect("save");
    assert_eq!(Preferences::load(&file).max_file_mb, 200);
}

#[test]
fn app_dirs_follow_the_override_variable() {
    // Setting a variable in this process is unsafe (and forbidden here), so a child
    // copy of this test binary reads it and prints what it found.
    let exe = std::env::current_exe().expect("test binary");
    if std::env::var_os("WORKSPACE_TEST_PRINT_DIRS").is_some() {
        let dirs = AppDirs::new().expect("dirs");
        println!("DIRS {}|{}", dirs.config.display(), dirs.data.display());
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let output = std::process::Command::new(exe)
        .args([
            "--exact",
            "app_dirs_follow_the_override_variable",
            "--nocapture",
        ])
        .env("WORKSPACE_TEST_PRINT_DIRS", "1")
        .env("CORPUS_EXPLORER_HOME", dir.path())
        .output()
        .expect("child runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let expected = format!(
        "DIRS {}|{}",
        dir.path().join("config").display(),
        dir.path().join("data").display()
    );
    assert!(stdout.contains(&expected), "{stdout}");
}
