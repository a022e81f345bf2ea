//! Entry point: no subcommand opens the GUI, anything else goes to the CLI.

#![forbid(unsafe_code)]

use std::process::ExitCode;

fn main() -> ExitCode {
    init_logger();
    zonecompare::cli::main()
}

/// Sends `log` messages (the app's own, eframe's, winit's, wgpu's…) to stderr, filtered by
/// `RUST_LOG` (`RUST_LOG=info`, `RUST_LOG=zonecompare=debug`); without it, errors of every
/// crate and warnings of this one.
fn init_logger() {
    let env = env_logger::Env::default().default_filter_or("error,zonecompare=warn");
    let _ = env_logger::Builder::from_env(env).try_init();
}
