//! Entry point: no subcommand opens the GUI, anything else goes to the CLI.

use std::process::ExitCode;

fn main() -> ExitCode {
    zonecompare::cli::main()
}
