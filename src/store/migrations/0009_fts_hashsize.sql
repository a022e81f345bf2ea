-- The full-text index keeps up to 16 MB of new terms in memory before it writes them out as
-- a segment (the default, 1 MB, wrote a segment every few documents of a bulk import and
-- then spent as long again merging them). A bulk import indexes a batch of files in one
-- statement, so a batch now becomes one or two segments. Only the size of the pending
-- terms changes; the index and what a search finds are the same.
INSERT INTO measure_fts(measure_fts, rank) VALUES ('hashsize', 16777216);
