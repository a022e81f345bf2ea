-- The full-text index keeps up to 16 MB of new terms in memory before it writes them out as
-- a segment (the default, 1 MB, wrote a segment every few documents of a bulk import and
-- then spent as long again merging them). A bulk import indexes a batch of files in one
-- statement, so a batch now becomes one or two segments. Only the size of the pending
-- terms changes; the index and what a search finds are the same.
INSERT INTO measure_fts(measure_fts, rank) VALUES ('hashsize', 16777216);

-- A bulk import now switches the connection's triggers off while it writes a batch and
-- indexes the batch itself before committing (store/deferred.rs), so the flag of schema 7
-- that held back only the index trigger is never set any more: the trigger goes back to
-- indexing every new measure unconditionally, and the flag goes.
DROP TRIGGER measures_fts_insert;
CREATE TRIGGER measures_fts_insert AFTER INSERT ON measures BEGIN
    INSERT INTO measure_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
DROP TABLE fts_deferred;
