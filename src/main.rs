//! The `corpus-explorer` command: opens the window on a folder or workspace,
//! or, with `export`, reads a folder headlessly and writes JSON.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use corpus_explorer::corpus::IngestOptions;
use corpus_explorer::export::{
    BulkError, ExportReport, export_folder_with_entities, write_bulk_ndjson,
};
use corpus_explorer::extract::Extractor;
use corpus_explorer::extract::tagger::Tagger;
use corpus_explorer::search::search_folder;
use corpus_explorer::workspace;

const EXAMPLES: &str = "\
Examples:
  corpus-explorer                          open the window on the welcome screen
  corpus-explorer ~/Documents/leaks        open the window on a folder
  corpus-explorer leaks.ron                open a saved workspace
  corpus-explorer export ~/Documents/leaks -o leaks.json
  corpus-explorer search ~/Documents/leaks 'qadhafi~2 OR \"open archives\"'";

const SEARCH_EXAMPLES: &str = "\
Examples:
  corpus-explorer search ~/Documents/leaks okafor
  corpus-explorer search ~/Documents/leaks '\"lagos courier\" -containers' --limit 5
  corpus-explorer search ~/Documents/leaks 'qadhafi~2' --kwic

Query language: words (all must match), \"exact phrases\", AND, OR, NOT or
-word, brackets, prefix* and fuzzy~ or fuzzy~2 (spelling variants within one
or two letters), and title:word or path:folder. Case and accents do not
matter. Prints JSON: the documents matched, best first, with a snippet and
the byte offsets of every match; with --kwic, one line per match with the
words before and after it. The corpus folder is only read.";

const EXPORT_EXAMPLES: &str = "\
Examples:
  corpus-explorer export ~/Documents/leaks > leaks.json
  corpus-explorer export ~/Documents/leaks -o leaks.json --max-file-mb 200
  corpus-explorer export ~/Documents/leaks --workspace leaks.ron -o leaks.json
  corpus-explorer export ~/Documents/leaks --format geojson -o places.geojson
  corpus-explorer export ~/Documents/leaks --format ndjson -o leaks.ndjson
      (then, for OpenSearch: curl -XPOST -H 'Content-Type: application/x-ndjson'
       'http://HOST:9200/leaks/_bulk' --data-binary @leaks.ndjson)

Every file the app can read is listed with its title, size, word count and
encoding; files it skipped are listed too, with \"error\" giving the reason
and title, words and encoding null. With --workspace, the merges, renames,
kind changes and hidden entities saved in that workspace are applied, so the
export matches what the window shows. The corpus folder is only read.";

/// Corpus Explorer: read a folder of documents and see the people,
/// organisations, places and dates they mention. Works offline.
#[derive(Debug, Parser)]
#[command(version, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
struct Cli {
    /// A folder of documents or a saved workspace (.ron) to open in the window.
    path: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read a folder without opening the window and write what was found as JSON or CSV.
    #[command(after_help = EXPORT_EXAMPLES)]
    Export(ExportArgs),
    /// Read a folder without opening the window and print the documents matching a query as JSON.
    #[command(after_help = SEARCH_EXAMPLES)]
    Search(SearchArgs),
    /// Train the built-in name model (developers: see scripts/build_tagger).
    #[command(hide = true)]
    TrainTagger(TrainTaggerArgs),
}

#[derive(Debug, clap::Args)]
struct TrainTaggerArgs {
    /// Annotated sentences: token, part of speech and BIO tag per line, tab-separated,
    /// a `-DOCSTART- ID` line before each document.
    conll: PathBuf,
    /// Where to write the model.
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    /// Passes over the training sentences.
    #[arg(long, default_value_t = 10)]
    epochs: usize,
    /// Hold back every Nth document (the last of each N) for measuring; 0 trains on all.
    #[arg(long, value_name = "N", default_value_t = 0)]
    hold_back_every: usize,
}

#[derive(Debug, clap::Args)]
struct SearchArgs {
    /// The folder of documents to read (it is never written to).
    folder: PathBuf,
    /// What to look for (quote it in the shell).
    query: String,
    /// Print a keyword-in-context line per match instead of one entry per document.
    #[arg(long)]
    kwic: bool,
    /// At most this many documents (or KWIC lines).
    #[arg(long, value_name = "N", default_value_t = 20)]
    limit: usize,
    /// Skip files larger than this many megabytes (as in Preferences).
    #[arg(long, value_name = "MB", default_value_t = 50)]
    max_file_mb: u64,
}

#[derive(Debug, clap::Args)]
struct ExportArgs {
    /// The folder of documents to read (it is never written to).
    folder: PathBuf,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    format: ExportFormat,
    /// Apply the corrections saved in this workspace (.ron) to the entities.
    #[arg(long, value_name = "FILE")]
    workspace: Option<PathBuf>,
    /// Skip files larger than this many megabytes (as in Preferences).
    #[arg(long, value_name = "MB", default_value_t = 50)]
    max_file_mb: u64,
    /// Developers: find names with this trained model instead of the built-in one
    /// ("rules" for the hand-written rules alone).
    #[arg(long, value_name = "FILE", hide = true)]
    name_model: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// One JSON document: {"version", "documents", "entities", "suggestions"}.
    Json,
    /// One row per entity: id, kind, name, aliases, documents, mentions, lat, lon, value.
    Csv,
    /// The places with coordinates as a GeoJSON FeatureCollection of Points.
    Geojson,
    /// Every document with its text and the entities it mentions, one JSON line each
    /// after an {"index":{"_id":PATH}} line: the bulk format of OpenSearch and
    /// Elasticsearch (for Quickwit, keep only the document lines).
    Ndjson,
}

fn train_tagger(args: &TrainTaggerArgs) -> anyhow::Result<()> {
    use anyhow::Context as _;
    let conll = std::fs::read_to_string(&args.conll)
        .with_context(|| format!("could not read {}", args.conll.display()))?;
    let extractor = Extractor::load_embedded_rules()?;
    let every = args.hold_back_every;
    let weights = extractor.train_tagger(
        &conll,
        args.epochs,
        |doc| every == 0 || doc % every != every - 1,
        |epoch, mistakes| eprintln!("epoch {epoch}: {mistakes} lines mislabelled"),
    );
    let bytes = weights.to_bytes();
    std::fs::write(&args.output, &bytes)
        .with_context(|| format!("could not write {}", args.output.display()))?;
    eprintln!(
        "{} features, {} bytes written to {}",
        weights.features.len(),
        bytes.len(),
        args.output.display()
    );
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Some(Command::Export(args)) => export(&args),
        Some(Command::Search(args)) => search(&args),
        Some(Command::TrainTagger(args)) => train_tagger(&args),
        None => open_window(cli.path),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("corpus-explorer: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn export(args: &ExportArgs) -> anyhow::Result<()> {
    let options = IngestOptions {
        max_file_bytes: args.max_file_mb.saturating_mul(1024 * 1024),
    };
    // Read the workspace first: a bad one stops the export before the long part.
    let corrections = match &args.workspace {
        Some(path) => workspace::load(path)?.corrections,
        None => Vec::new(),
    };
    let mut extractor = match &args.name_model {
        Some(_) => Extractor::load_embedded_rules()?,
        None => Extractor::load_embedded()?,
    };
    if let Some(path) = &args.name_model {
        let tagger = if path.as_os_str() == "rules" {
            None
        } else {
            let bytes = std::fs::read(path)
                .with_context(|| format!("could not read '{}'", path.display()))?;
            Some(Tagger::from_bytes(&bytes)?)
        };
        extractor = extractor.with_tagger(tagger);
    }
    let mut report = export_folder_with_entities(&args.folder, &options, &extractor)?;
    for problem in report.apply_corrections(&corrections) {
        eprintln!("corpus-explorer: warning: {}", problem.message);
    }
    match &args.output {
        Some(path) => {
            let file = File::create(path)
                .with_context(|| format!("could not create '{}'", path.display()))?;
            write_report(&report, args, &options, BufWriter::new(file))
                .with_context(|| format!("could not write '{}'", path.display()))?;
            let problems = report
                .documents
                .iter()
                .filter(|d| d.error.is_some())
                .count();
            eprintln!(
                "Wrote {} ({} documents, {problems} skipped).",
                path.display(),
                report.documents.len() - problems
            );
        }
        None => {
            let stdout = std::io::stdout().lock();
            match write_report(&report, args, &options, BufWriter::new(stdout)) {
                Err(err) if is_closed_pipe(&err) => {}
                other => other?,
            }
        }
    }
    Ok(())
}

fn search(args: &SearchArgs) -> anyhow::Result<()> {
    let options = IngestOptions {
        max_file_bytes: args.max_file_mb.saturating_mul(1024 * 1024),
    };
    let found = search_folder(&args.folder, &options, &args.query, args.limit, args.kwic)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, &found)?;
    writeln!(out).or_else(ignore_closed_pipe)?;
    out.flush().or_else(ignore_closed_pipe)?;
    Ok(())
}

fn write_report(
    report: &ExportReport,
    args: &ExportArgs,
    options: &IngestOptions,
    out: impl Write,
) -> anyhow::Result<()> {
    match args.format {
        ExportFormat::Json => report.write_json(out)?,
        ExportFormat::Csv => report.write_entities_csv(out)?,
        ExportFormat::Geojson => report.write_places_geojson(out)?,
        // The texts are read a second time rather than all held in memory.
        ExportFormat::Ndjson => {
            write_bulk_ndjson(&args.folder, options, &report.entities, out)?;
        }
    }
    Ok(())
}

/// Whether an export error is only the reader of standard output going away.
fn is_closed_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let io = cause.downcast_ref::<std::io::Error>().or_else(|| {
            match cause.downcast_ref::<BulkError>() {
                Some(BulkError::Write(io)) => Some(io),
                _ => None,
            }
        });
        io.is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// `export … | head` closing the pipe early is not an error worth reporting.
fn ignore_closed_pipe(err: std::io::Error) -> std::io::Result<()> {
    match err.kind() {
        std::io::ErrorKind::BrokenPipe => Ok(()),
        _ => Err(err),
    }
}

#[cfg(feature = "gui")]
fn open_window(path: Option<PathBuf>) -> anyhow::Result<()> {
    corpus_explorer::app::run(path)
}

#[cfg(not(feature = "gui"))]
fn open_window(_path: Option<PathBuf>) -> anyhow::Result<()> {
    anyhow::bail!(
        "this build has no window: it was built without the \"gui\" feature.\n\
         Use `corpus-explorer export FOLDER` to read a folder, or rebuild with default features."
    )
}
