//! Entry point: no subcommand opens the GUI, anything else goes to the CLI.

#![forbid(unsafe_code)]

use std::process::ExitCode;

fn main() -> ExitCode {
    init_logger();
    zonecompare::cli::main()
}

/// What is logged without `RUST_LOG`: this crate's warnings and errors only. A library's
/// own error log is not for users: a PDF reader recovering from bad cross-reference offsets
/// logged a line per object, while the app reports in one line what went wrong, if anything.
const DEFAULT_LOG_FILTER: &str = "off,zonecompare=warn";

/// Sends `log` messages (the app's own, eframe's, winit's, lopdf's…) to stderr, filtered by
/// `RUST_LOG` (`RUST_LOG=info`, `RUST_LOG=lopdf=error`); without it, [`DEFAULT_LOG_FILTER`].
fn init_logger() {
    let env = env_logger::Env::default().default_filter_or(DEFAULT_LOG_FILTER);
    let _ = env_logger::Builder::from_env(env).try_init();
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_the_apps_own_warnings_are_logged_by_default() {
        let logger = env_logger::Builder::new()
            .parse_filters(super::DEFAULT_LOG_FILTER)
            .build();
        let at = |target: &str, level: log::Level| {
            log::Log::enabled(
                &logger,
                &log::Metadata::builder().target(target).level(level).build(),
            )
        };
        assert!(at("zonecompare::ingest", log::Level::Warn));
        assert!(!at("zonecompare::ingest", log::Level::Info));
        assert!(!at("lopdf::reader", log::Level::Error));
        assert!(!at("winit", log::Level::Error));
    }
}
