//! Runs third-party parsers so that a panic inside them becomes an error message instead
//! of a crash, without printing a panic report for the panics it catches.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

static INSTALL: Once = Once::new();

/// Installs (once) a panic hook that stays silent for panics inside [`guarded`] on the
/// current thread and defers to the previous hook for every other panic.
fn install_hook() {
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !GUARDED.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Runs `f`; a panic inside it is reported as `"{what}: internal parser failure"`.
pub fn guarded<T>(what: &str, f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    install_hook();
    let was = GUARDED.with(|g| g.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(was));
    result.unwrap_or_else(|_| Err(format!("{what}: the file is malformed (parser failure)")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_become_errors() {
        let r: Result<(), String> = guarded("corrupt PDF", || panic!("boom"));
        assert!(r.unwrap_err().contains("corrupt PDF"));
        assert_eq!(guarded("x", || Ok(3)), Ok(3));
    }
}
