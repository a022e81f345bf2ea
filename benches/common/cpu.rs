//! CPU time of the calling thread, for benches on a machine shared with other work (the wall
//! clock also counts the time spent waiting for a core).

use std::time::Duration;

/// CPU time this thread has used (`CLOCK_THREAD_CPUTIME_ID`, exact to the nanosecond).
#[cfg(unix)]
#[allow(unsafe_code)]
pub fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Without a per-thread CPU clock the CPU columns read zero; the wall-clock figures stand.
#[cfg(not(unix))]
pub fn thread_cpu() -> Duration {
    Duration::ZERO
}

/// CPU time every thread of this process has used (`CLOCK_PROCESS_CPUTIME_ID`): the UI
/// thread and the background jobs together.
#[cfg(unix)]
#[allow(unsafe_code, dead_code)]
pub fn process_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Without a process CPU clock the CPU figures read zero.
#[cfg(not(unix))]
#[allow(dead_code)]
pub fn process_cpu() -> Duration {
    Duration::ZERO
}
