//! Command-line shell: argument parsing and exit codes. Each subcommand lives in its own
//! file and only calls the library.

mod actual;
mod compare;
pub mod db;
mod diff;
pub mod export;
mod import;
mod measures;
mod parse;
pub mod table;
mod targets;
mod translations;
mod zones;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::store::Store;
use crate::store::rows::{ActualRow, Filter};
use table::OutFormat;

/// Compare Chinese development-zone plans: measures, agencies and targets.
#[derive(Debug, Parser)]
#[command(
    name = "zonecompare",
    version,
    about,
    after_help = "Without a subcommand, zonecompare opens the desktop window on the database."
)]
pub struct Cli {
    /// Database file (default: in the platform data directory); its folder must exist.
    #[arg(long, global = true, env = "ZONECOMPARE_DB")]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Output format of `parse`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ParseFormat {
    Json,
    Text,
}

/// The subcommands (see the README § Command line).
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse one file and print what was extracted (no database).
    Parse {
        /// Document to parse: .txt, .html/.htm, .docx or .pdf.
        file: PathBuf,
        /// Output: the JSON of every extracted field, or a readable summary [default: json].
        #[arg(long, value_enum)]
        format: Option<ParseFormat>,
        /// Instead of the document, list every figure with a unit: whether it became a
        /// target, a statistic or nothing, and the rule that decided (as text, or as a JSON
        /// array with --format json given explicitly).
        #[arg(long)]
        explain: bool,
    },
    /// Import documents (files, or folders searched recursively) into the database.
    ///
    /// Folders are searched for .txt, .html/.htm, .docx and .pdf files; other files are
    /// skipped and counted. One line per file on stderr, then a summary line.
    /// `import translations FILE.xlsx` instead reads a filled translation sheet (see
    /// `export translations`).
    Import {
        /// Files and folders to import.
        #[arg(required = true, value_name = "PATH")]
        files: Vec<PathBuf>,
        /// Existing zone the files belong to (required, unless --new-zone is given).
        #[arg(long, conflicts_with = "new_zone")]
        zone: Option<String>,
        /// Create a zone with this name (or use the zone already called so).
        #[arg(long)]
        new_zone: Option<String>,
    },
    /// List the zones with their documents and counts.
    Zones {
        /// Output: an aligned text table, CSV or JSON.
        #[arg(long, value_enum, default_value = "table")]
        format: OutFormat,
        /// Language of names, units and titles (English: glosses and translations, the
        /// Chinese kept in the *_zh columns).
        #[arg(long, default_value = "zh", value_parser = export::langs())]
        lang: crate::charts::Lang,
    },
    /// List measures.
    Measures {
        /// Zone slug(s), comma-separated.
        #[arg(long, value_delimiter = ',')]
        zone: Vec<String>,
        /// Theme id (see data/themes.toml).
        #[arg(long)]
        theme: Option<String>,
        /// Responsible agency (canonical name or as written).
        #[arg(long)]
        agency: Option<String>,
        /// Text to find in measure titles and text.
        #[arg(long)]
        search: Option<String>,
        /// Only measures with at least one quantified target.
        #[arg(long)]
        has_target: bool,
        /// Output: an aligned text table, CSV or JSON.
        #[arg(long, value_enum, default_value = "table")]
        format: OutFormat,
        /// Language of names, units and titles (English: glosses and translations, the
        /// Chinese kept in the *_zh columns).
        #[arg(long, default_value = "zh", value_parser = export::langs())]
        lang: crate::charts::Lang,
    },
    /// List quantified targets with their zones.
    Targets {
        /// Zone slug(s), comma-separated.
        #[arg(long, value_delimiter = ',')]
        zone: Vec<String>,
        /// Canonical indicator id, or part of the indicator as written.
        #[arg(long)]
        indicator: Option<String>,
        /// Deadline year.
        #[arg(long)]
        year: Option<i32>,
        /// Output: an aligned text table, CSV or JSON.
        #[arg(long, value_enum, default_value = "table")]
        format: OutFormat,
        /// Language of names, units and titles (English: glosses and translations, the
        /// Chinese kept in the *_zh columns).
        #[arg(long, default_value = "zh", value_parser = export::langs())]
        lang: crate::charts::Lang,
    },
    /// Record actual outcomes.
    Actual {
        #[command(subcommand)]
        action: ActualCommand,
    },
    /// Write a chart, table or briefing file.
    Export {
        #[command(subcommand)]
        what: export::ExportCommand,
    },
    /// What the zones have in common, what some share and what only one has: per theme,
    /// canonical indicator, policy-instrument sub-type or agency, with counts and items.
    Compare {
        /// Zone slugs, comma-separated (two or more).
        #[arg(long, value_delimiter = ',', required = true)]
        zones: Vec<String>,
        /// What to line the zones up by.
        #[arg(long, value_enum, default_value = "theme")]
        by: compare::By,
        /// Leave out what every zone has.
        #[arg(long)]
        differences_only: bool,
        /// Language of the names.
        #[arg(long, default_value = "zh", value_parser = export::langs())]
        lang: crate::charts::Lang,
        /// Output: an aligned text table, CSV or JSON.
        #[arg(long, value_enum, default_value = "table")]
        format: OutFormat,
    },
    /// What changed between two versions of a plan: measures added, removed or changed;
    /// targets raised, lowered, added, removed, moved to another deadline or unchanged.
    Diff {
        /// The older version: a file (.txt, .html/.htm, .docx, .pdf) or a stored document id.
        old: String,
        /// The newer version: a file or a stored document id.
        new: String,
        /// Output: a summary and one row per change, or JSON.
        #[arg(long, value_enum, default_value = "text")]
        format: diff::DiffFormat,
    },
    /// Database maintenance (recovering a damaged file).
    #[command(hide = true)]
    Db {
        #[command(subcommand)]
        action: db::DbCommand,
    },
}

/// `actual` subcommands.
#[derive(Debug, Subcommand)]
pub enum ActualCommand {
    /// Record the value a zone reached for a canonical indicator in a year.
    Set(ActualArgs),
}

/// Arguments of `actual set`.
#[derive(Debug, Args)]
pub struct ActualArgs {
    /// Zone slug (see `zonecompare zones`).
    pub zone: String,
    /// Canonical indicator id (see data/indicators.toml).
    pub indicator: String,
    /// Year the value was reached.
    pub year: i32,
    /// The value reached.
    #[arg(allow_negative_numbers = true)]
    pub value: f64,
    /// Unit as written (`亿元`, `家`, `%`…).
    #[arg(long, default_value = "")]
    pub unit: String,
    /// Where the figure comes from, or any remark.
    #[arg(long, default_value = "")]
    pub note: String,
    /// Output: an aligned text table, CSV or JSON.
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutFormat,
}

/// Runs the program; returns the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    // An analyst's edited taxonomies, before anything parses or opens the database.
    if let Some(warning) = crate::catalog::install_user_taxonomies() {
        let _ = writeln!(std::io::stderr(), "warning: {warning}");
    }
    let result = match cli.command {
        None => run_gui(cli.db),
        Some(Command::Parse {
            file,
            format,
            explain,
        }) => {
            let json = format == Some(ParseFormat::Json);
            parse::run(
                &file,
                format.unwrap_or(ParseFormat::Json),
                explain.then_some(json),
            )
        }
        Some(Command::Export { what }) => export::run(cli.db.as_deref(), what),
        Some(Command::Db { action }) => db_path(cli.db).and_then(|p| db::run(&p, action)),
        Some(Command::Diff { old, new, format }) => diff::run(cli.db, &old, &new, format),
        Some(command) => run_data(cli.db, command),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error: {}", one_line(&e));
            ExitCode::FAILURE
        }
    }
}

/// Opens the database of `--db` / `ZONECOMPARE_DB`, else the default one, re-parsing
/// documents stored by an older parser.
pub fn open_store(db: Option<PathBuf>) -> anyhow::Result<Store> {
    let path = db_path(db)?;
    let mut store = match Store::open(&path) {
        Ok(store) => store,
        Err(e) if e.is_damaged() => {
            anyhow::bail!(db::damaged_message(&path, &e))
        }
        Err(e) => return Err(e.into()),
    };
    let stale = store.stale_documents()?;
    if stale > 0 {
        check_before_writing(&store)?;
        eprintln!("re-parsing {stale} documents stored by another parser version");
        store.reparse_all()?;
    }
    Ok(store)
}

/// Refuses to write into a damaged database (SQLite's quick check), with the one-line
/// message naming `db recover` and the backup.
pub(crate) fn check_before_writing(store: &Store) -> anyhow::Result<()> {
    let Err(e) = store.check_sound() else {
        return Ok(());
    };
    if e.is_damaged() {
        anyhow::bail!(db::damaged_message(store.path(), &e));
    }
    Err(e.into())
}

/// The database file of `--db` / `ZONECOMPARE_DB`, else the default one. A path the user
/// gave must be in a folder that exists: a mistyped folder is refused rather than created
/// (the default database's folder is created on first use).
fn db_path(db: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    Ok(match db {
        Some(p) => {
            check_db_folder(&p)?;
            p
        }
        None => Store::default_path()?,
    })
}

/// Refuses a database path whose folder does not exist.
fn check_db_folder(path: &std::path::Path) -> anyhow::Result<()> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() && !dir.is_dir() => anyhow::bail!(
            "{}: folder {} does not exist (create it first, or choose another --db)",
            path.display(),
            dir.display()
        ),
        _ => Ok(()),
    }
}

fn run_data(db: Option<PathBuf>, command: Command) -> anyhow::Result<()> {
    let mut store = open_store(db)?;
    match command {
        Command::Parse { .. }
        | Command::Export { .. }
        | Command::Db { .. }
        | Command::Diff { .. } => Ok(()),
        Command::Import {
            files,
            zone,
            new_zone,
        } if translations::is_sheet_import(&files) => {
            if zone.is_some() || new_zone.is_some() {
                anyhow::bail!("import translations takes no --zone or --new-zone");
            }
            check_before_writing(&store)?;
            translations::import(&mut store, &files[1])
        }
        Command::Import {
            files,
            zone,
            new_zone,
        } => {
            let target = match (zone, new_zone) {
                (Some(slug), _) => import::Target::Zone(slug),
                (None, Some(name)) => import::Target::NewZone(name),
                (None, None) => anyhow::bail!("import needs --zone SLUG or --new-zone NAME"),
            };
            // The files are checked against the database while they are parsed (the
            // batch importer checks the file before its first write).
            import::run(&mut store, &files, &target)
        }
        Command::Zones { format, lang } => zones::run(&store, format, lang),
        Command::Measures {
            zone,
            theme,
            agency,
            search,
            has_target,
            format,
            lang,
        } => {
            check_zones(&store, &zone)?;
            let filter = Filter {
                zones: zone,
                theme,
                agency,
                search,
                has_target,
                ..Filter::default()
            };
            measures::run(&store, &filter, format, lang)
        }
        Command::Targets {
            zone,
            indicator,
            year,
            format,
            lang,
        } => {
            check_zones(&store, &zone)?;
            let filter = Filter {
                zones: zone,
                indicator,
                year,
                ..Filter::default()
            };
            targets::run(&store, &filter, format, lang)
        }
        Command::Compare {
            zones,
            by,
            differences_only,
            lang,
            format,
        } => {
            check_zones(&store, &zones)?;
            let options = compare::Options {
                zones,
                by,
                format,
                lang,
                differences_only,
            };
            compare::run(&store, &options)
        }
        Command::Actual {
            action: ActualCommand::Set(a),
        } => {
            let row = ActualRow {
                id: 0,
                zone_slug: a.zone,
                indicator_id: a.indicator,
                year: a.year,
                value: a.value,
                unit: a.unit,
                note: a.note,
            };
            actual::set(&mut store, &row, a.format)
        }
    }
}

/// Refuses a `--zone` slug that names no zone, rather than listing nothing.
fn check_zones(store: &Store, slugs: &[String]) -> anyhow::Result<()> {
    for slug in slugs {
        if store.zone(slug)?.is_none() {
            anyhow::bail!("unknown zone '{slug}' (see `zonecompare zones`)");
        }
    }
    Ok(())
}

/// Hook for the desktop app: `zonecompare` without a subcommand.
#[cfg(feature = "gui")]
fn run_gui(db: Option<PathBuf>) -> anyhow::Result<()> {
    if let Some(path) = &db {
        check_db_folder(path)?;
    }
    crate::gui::run(db)
}

#[cfg(not(feature = "gui"))]
fn run_gui(_db: Option<PathBuf>) -> anyhow::Result<()> {
    anyhow::bail!("the desktop window is not part of this build; use a subcommand (see --help)")
}

/// Formats an error chain as one line: outermost context first.
fn one_line(e: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in e.chain() {
        let s = cause.to_string();
        if !parts.iter().any(|p| p.contains(&s)) {
            parts.push(s);
        }
    }
    parts.join(": ").replace('\n', " ")
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
