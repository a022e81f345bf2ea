-- Bulk imports add measures to the full-text index once per batch of files instead of once
-- per statement (FTS5 flushes its pending terms at every statement savepoint, which made
-- the index the largest cost of an import). `deferred` is set to 1 only inside a bulk
-- import transaction and reset before that transaction commits, so every committed state
-- has it at 0 and the trigger indexes each new measure as before.

CREATE TABLE fts_deferred (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    deferred INTEGER NOT NULL
);
INSERT INTO fts_deferred (id, deferred) VALUES (1, 0);

DROP TRIGGER measures_fts_insert;
CREATE TRIGGER measures_fts_insert AFTER INSERT ON measures
WHEN (SELECT deferred FROM fts_deferred WHERE id = 1) = 0 BEGIN
    INSERT INTO measure_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
