-- Speed of the views at scale (10,000 documents, 2,000 zones):
-- * measure and target counts per document, written with the extraction, so the zone
--   cards add up a few thousand document index entries instead of counting every measure
--   and target row;
-- * the number of agencies each zone names, kept by triggers on `zone_agency_counts`
--   (a zone resolves each canonical agency to one row, so this counts canonical names);
-- * targets of one indicator read in zone, document and outline order from an index,
--   with no sort (replaces the (indicator_id, year) index).

ALTER TABLE documents ADD COLUMN measure_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN target_count INTEGER NOT NULL DEFAULT 0;
UPDATE documents SET
    measure_count = (SELECT count(*) FROM measures m WHERE m.doc_id = documents.id),
    target_count = (SELECT count(*) FROM targets t WHERE t.doc_id = documents.id);
DROP INDEX documents_zone;
CREATE INDEX documents_zone ON documents(zone_id, measure_count, target_count);

CREATE TABLE zone_agency_totals (
    zone_id  INTEGER PRIMARY KEY,
    agencies INTEGER NOT NULL
);

CREATE TRIGGER zone_agency_counts_total_insert AFTER INSERT ON zone_agency_counts
WHEN new.lead + new.co > 0 BEGIN
    INSERT INTO zone_agency_totals (zone_id, agencies) VALUES (new.zone_id, 1)
        ON CONFLICT (zone_id) DO UPDATE SET agencies = agencies + 1;
END;
CREATE TRIGGER zone_agency_counts_total_update AFTER UPDATE OF lead, co ON zone_agency_counts
WHEN (old.lead + old.co > 0) <> (new.lead + new.co > 0) BEGIN
    INSERT INTO zone_agency_totals (zone_id, agencies) VALUES (new.zone_id, 1)
        ON CONFLICT (zone_id) DO UPDATE
        SET agencies = agencies + CASE WHEN new.lead + new.co > 0 THEN 1 ELSE -1 END;
END;
CREATE TRIGGER zone_agency_counts_total_delete AFTER DELETE ON zone_agency_counts
WHEN old.lead + old.co > 0 BEGIN
    UPDATE zone_agency_totals SET agencies = agencies - 1 WHERE zone_id = old.zone_id;
END;

INSERT INTO zone_agency_totals (zone_id, agencies)
    SELECT zone_id, count(*) FROM zone_agency_counts WHERE lead + co > 0 GROUP BY zone_id;

DROP INDEX targets_indicator;
CREATE INDEX targets_indicator ON targets(indicator_id, zone_id, doc_id, ord);

-- Same columns as the UNIQUE (doc_id, ord) constraints' own indexes: every import wrote
-- each of these rows into two identical indexes.
DROP INDEX measures_doc;
DROP INDEX targets_doc;
DROP INDEX statistics_doc;
