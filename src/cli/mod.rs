//! Command-line shell: argument parsing and exit codes. Each subcommand lives in its own
//! file and only calls the library.

mod parse;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Compare Chinese development-zone plans: measures, agencies and targets.
#[derive(Debug, Parser)]
#[command(name = "zonecompare", version, about)]
pub struct Cli {
    /// Database file (default: in the platform data directory).
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

/// The subcommands of PRODUCT.md § CLI.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse one file and print what was extracted (no database).
    Parse {
        file: PathBuf,
        #[arg(long, value_enum, default_value = "json")]
        format: ParseFormat,
    },
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
    let result = match cli.command {
        None => run_gui(cli.db),
        Some(Command::Parse { file, format }) => parse::run(&file, format),
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

#[cfg(feature = "gui")]
fn run_gui(db: Option<PathBuf>) -> anyhow::Result<()> {
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
