//! CPU time of the calling thread or of the whole process, for benches on a machine shared
//! with other work (the wall clock also counts the time spent waiting for a core).

use std::time::Duration;

/// CPU time this thread has used (`CLOCK_THREAD_CPUTIME_ID`, exact to the nanosecond).
pub fn thread_cpu() -> Duration {
    #[cfg(unix)]
    return clock(libc::CLOCK_THREAD_CPUTIME_ID);
    // Without a per-thread CPU clock the CPU columns read zero; the wall-clock figures stand.
    #[cfg(not(unix))]
    return Duration::ZERO;
}

/// CPU time every thread of this process has used (`CLOCK_PROCESS_CPUTIME_ID`): the UI
/// thread and the background jobs together.
#[allow(dead_code)]
pub fn process_cpu() -> Duration {
    #[cfg(unix)]
    return clock(libc::CLOCK_PROCESS_CPUTIME_ID);
    #[cfg(not(unix))]
    return Duration::ZERO;
}

/// Reads a CPU-time clock; zero when the clock cannot be read.
#[cfg(unix)]
#[allow(unsafe_code)]
fn clock(id: libc::clockid_t) -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { libc::clock_gettime(id, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}
