//! The work the schema's triggers do row by row (the full-text index, the per-zone theme
//! and agency counts), done once per bulk-import batch instead.
//!
//! While a batch is written the connection's triggers are off ([`TriggersOff`]): each insert
//! then runs on its own, without the count upserts its triggers would run and without the
//! statement journal SQLite keeps for every statement that fires a trigger (a copy of each
//! page the statement changes). Before the batch commits, [`catch_up`] turns them back on,
//! indexes the batch's measures and adds its theme and agency rows to the counts, in one
//! statement each, so every committed state is the one the triggers would have left.
//! When the import ends, [`merge_index`] merges the index segments its batches left.

use rusqlite::Connection;
use rusqlite::config::DbConfig;

/// Keeps the triggers of one connection switched off until [`TriggersOff::restore`] or the
/// end of its scope (an error or a panic while writing turns them back on too).
pub(crate) struct TriggersOff<'c> {
    conn: &'c Connection,
    restored: bool,
}

impl<'c> TriggersOff<'c> {
    pub(crate) fn new(conn: &'c Connection) -> rusqlite::Result<Self> {
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
        Ok(TriggersOff {
            conn,
            restored: false,
        })
    }

    /// Turns the triggers back on (statements prepared meanwhile are prepared again).
    pub(crate) fn restore(mut self) -> rusqlite::Result<()> {
        self.conn
            .set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, true)?;
        self.restored = true;
        Ok(())
    }
}

impl Drop for TriggersOff<'_> {
    fn drop(&mut self) {
        if !self.restored {
            let _ = self
                .conn
                .set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, true);
        }
    }
}

/// The id the next new measure gets: ids only grow from the largest one, so the rows a
/// batch adds are those from this id on (read inside the batch's write transaction).
pub(crate) fn next_measure_id(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT coalesce(max(id), 0) + 1 FROM measures", [], |r| {
        r.get(0)
    })
}

/// Indexes the measures from `first_new` on and adds their themes and responsible units to
/// the per-zone counts: what the insert triggers of schemas 2, 6 and 8 do. Run with the
/// triggers on, so the agency totals (kept by triggers on the counts) follow.
pub(crate) fn catch_up(
    conn: &Connection,
    triggers: TriggersOff<'_>,
    first_new: i64,
) -> rusqlite::Result<()> {
    triggers.restore()?;
    conn.execute(
        "INSERT INTO measure_fts(rowid, title, text) \
         SELECT id, title, text FROM measures WHERE id >= ?1",
        [first_new],
    )?;
    conn.execute(
        "INSERT INTO zone_theme_counts (zone_id, theme, n) \
         SELECT zone_id, theme, count(*) FROM measure_themes WHERE measure_id >= ?1 \
         GROUP BY zone_id, theme \
         ON CONFLICT (zone_id, theme) DO UPDATE SET n = n + excluded.n",
        [first_new],
    )?;
    conn.execute(
        "INSERT INTO zone_agency_counts (zone_id, agency_id, lead, co) \
         SELECT zone_id, agency_id, sum(role = 'lead'), sum(role = 'co') \
         FROM responsible_units WHERE measure_id >= ?1 GROUP BY zone_id, agency_id \
         ON CONFLICT (zone_id, agency_id) DO UPDATE \
         SET lead = lead + excluded.lead, co = co + excluded.co",
        [first_new],
    )?;
    Ok(())
}

/// Pages of the full-text index one [`merge_index`] may write (about 160 MB).
const MERGE_PAGES: i64 = 40_000;

/// Merges the segments of the full-text index where four or more have gathered on one
/// level: a bulk import leaves one per batch, and every search looks into each segment
/// (17 segments after 10,000 documents made 8-character searches 5–10 % slower than the
/// 11 that per-measure indexing left; merged, 3). Its own transaction, bounded work.
pub(crate) fn merge_index(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO measure_fts(measure_fts, rank) VALUES ('merge', ?1)",
        [MERGE_PAGES],
    )?;
    Ok(())
}
