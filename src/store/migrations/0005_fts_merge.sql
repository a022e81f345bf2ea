-- Imports commit one document at a time; letting more index segments gather before FTS5
-- merges them spends less time rewriting the index on every commit.
INSERT INTO measure_fts(measure_fts, rank) VALUES ('automerge', 16);
