//! `zonecompare export chart|table|briefing`: files for reports, from the database.

use std::path::{Path, PathBuf};

use anyhow::Context;
use std::str::FromStr;

use clap::Subcommand;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};

use crate::analysis::Dataset;
use crate::catalog::Catalog;
use crate::charts::{ChartKind, ChartOptions, Lang, build_chart};
use crate::export::briefing::{self, BriefingOptions};
use crate::export::table::{self, TableKind};
use crate::export::{self as files, extension};

/// A parser that accepts `values` (listed in `--help` and in errors) and reads them with
/// the type's `FromStr`.
fn choices<T>(values: Vec<PossibleValue>) -> impl TypedValueParser<Value = T>
where
    T: FromStr<Err = String> + Clone + Send + Sync + 'static,
{
    PossibleValuesParser::new(values).try_map(|s| s.parse::<T>())
}

fn chart_kinds() -> impl TypedValueParser<Value = ChartKind> {
    choices(
        ChartKind::ALL
            .iter()
            .map(|k| PossibleValue::new(k.as_str()))
            .collect(),
    )
}

pub(crate) fn langs() -> impl TypedValueParser<Value = Lang> {
    choices(vec![
        PossibleValue::new("zh")
            .aliases(["zh-CN", "cn"])
            .help("Chinese"),
        PossibleValue::new("en").help("English"),
    ])
}

fn table_kinds() -> impl TypedValueParser<Value = TableKind> {
    choices(vec![
        PossibleValue::new("measures").help("every measure of the zones"),
        PossibleValue::new("targets").help("every quantified target of the zones"),
        PossibleValue::new("compare")
            .help("indicator × zone targets with baselines (XLSX adds themes and gaps)"),
    ])
}

/// What to export.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// A chart as SVG or PNG: indicator, timeline, themes, agencies, instruments, progress.
    Chart {
        /// What the chart shows.
        #[arg(value_parser = chart_kinds())]
        kind: ChartKind,
        /// Zone slugs, comma-separated (default: every zone).
        #[arg(long, value_delimiter = ',')]
        zones: Vec<String>,
        /// Canonical indicator id (indicator and progress charts).
        #[arg(long)]
        indicator: Option<String>,
        /// Theme ids, comma-separated (themes chart).
        #[arg(long, value_delimiter = ',')]
        themes: Vec<String>,
        /// Language of titles, labels and names.
        #[arg(long, default_value = "zh", value_parser = langs())]
        lang: Lang,
        /// Output file: .svg or .png.
        #[arg(long)]
        out: PathBuf,
    },
    /// A table as CSV (UTF-8 with BOM) or XLSX: measures, targets, or compare (indicator ×
    /// zone targets with baselines; XLSX adds theme × zone counts and gaps as more sheets).
    Table {
        /// Which table.
        #[arg(value_parser = table_kinds())]
        kind: TableKind,
        /// Zone slugs, comma-separated (default: every zone).
        #[arg(long, value_delimiter = ',')]
        zones: Vec<String>,
        /// Language of titles, labels and names.
        #[arg(long, default_value = "zh", value_parser = langs())]
        lang: Lang,
        /// Output file: .csv or .xlsx.
        #[arg(long)]
        out: PathBuf,
    },
    /// A briefing comparing zones: self-contained HTML, or a Word document (DOCX).
    Briefing {
        /// Zone slugs to compare, comma-separated.
        #[arg(long, value_delimiter = ',', required = true)]
        zones: Vec<String>,
        /// Theme ids with side-by-side tables, comma-separated (default: the five themes
        /// with most measures).
        #[arg(long, value_delimiter = ',')]
        themes: Vec<String>,
        /// Language of titles, labels and names.
        #[arg(long, default_value = "zh", value_parser = langs())]
        lang: Lang,
        /// Output file: .html or .docx.
        #[arg(long)]
        out: PathBuf,
    },
    /// A translation sheet (XLSX): every measure and document title of the zones with its
    /// machine gloss and a "Translation" column to fill in; read it back with
    /// `zonecompare import translations FILE.xlsx`.
    Translations {
        /// Zone slugs, comma-separated (default: every zone).
        #[arg(long, value_delimiter = ',')]
        zones: Vec<String>,
        /// Output file: .xlsx.
        #[arg(long)]
        out: PathBuf,
    },
}

/// Checks the output extension and folder before any work is done.
fn check_out(out: &Path, allowed: &[&str], what: &str) -> anyhow::Result<()> {
    match extension(out) {
        Some(e) if allowed.contains(&e.as_str()) => {}
        _ => anyhow::bail!(
            "{}: {what} is saved as .{}",
            crate::error::shown(out),
            allowed.join(" or .")
        ),
    }
    if out.is_dir() {
        anyhow::bail!("{}: is a folder, not a file", crate::error::shown(out));
    }
    match out.parent() {
        Some(dir) if !dir.as_os_str().is_empty() && !dir.is_dir() => anyhow::bail!(
            "{}: cannot write: folder {} does not exist",
            crate::error::shown(out),
            crate::error::shown(dir)
        ),
        _ => Ok(()),
    }
}

/// Runs one export command against the database at `db` (or the default one).
pub fn run(db: Option<&Path>, cmd: ExportCommand) -> anyhow::Result<()> {
    let catalog = Catalog::in_use();
    match cmd {
        ExportCommand::Chart {
            kind,
            zones,
            indicator,
            themes,
            lang,
            out,
        } => {
            check_out(&out, &["svg", "png"], "a chart")?;
            let ds = Dataset::load(&super::open_store(db.map(Path::to_path_buf))?, &zones)?;
            if let Some(id) = &indicator {
                let known = catalog.indicators.iter().any(|i| &i.id == id)
                    || ds
                        .targets
                        .iter()
                        .any(|t| t.target.indicator_id.as_ref() == Some(id));
                anyhow::ensure!(known, "unknown indicator `{id}`");
            }
            let opts = ChartOptions {
                indicator,
                themes,
                ..ChartOptions::new(kind, lang)
            };
            let chart = build_chart(&ds, catalog, &opts);
            files::save_chart(&chart, &out).context("export chart")?;
        }
        ExportCommand::Table {
            kind,
            zones,
            lang,
            out,
        } => {
            check_out(&out, &["csv", "xlsx"], "a table")?;
            let ds = Dataset::load(&super::open_store(db.map(Path::to_path_buf))?, &zones)?;
            table::save_tables(&table::tables(kind, &ds, catalog, lang), &out)
                .context("export table")?;
        }
        ExportCommand::Briefing {
            zones,
            themes,
            lang,
            out,
        } => {
            check_out(&out, &["html", "htm", "docx"], "a briefing")?;
            let ds = Dataset::load(&super::open_store(db.map(Path::to_path_buf))?, &zones)?;
            let opts = BriefingOptions {
                themes,
                ..BriefingOptions::new(lang)
            };
            briefing::save(&ds, catalog, &opts, &out).context("export briefing")?;
        }
        ExportCommand::Translations { zones, out } => {
            check_out(&out, &["xlsx"], "a translation sheet")?;
            let ds = Dataset::load(&super::open_store(db.map(Path::to_path_buf))?, &zones)?;
            let n = files::translations::save(&ds, &out).context("export translations")?;
            eprintln!("{n} titles written to {}", crate::error::shown(&out));
        }
    }
    Ok(())
}
