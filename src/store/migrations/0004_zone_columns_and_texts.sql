-- Speed at scale: every extraction row carries its zone, so per-zone counts and filters
-- read small indexes instead of the measure rows; document texts move to their own table
-- so listing documents does not page through them.

ALTER TABLE measures ADD COLUMN zone_id INTEGER REFERENCES zones(id);
UPDATE measures SET zone_id = (SELECT zone_id FROM documents d WHERE d.id = measures.doc_id);
CREATE INDEX measures_zone ON measures(zone_id, doc_id, ord);

ALTER TABLE targets ADD COLUMN zone_id INTEGER REFERENCES zones(id);
UPDATE targets SET zone_id = (SELECT zone_id FROM documents d WHERE d.id = targets.doc_id);
CREATE INDEX targets_zone ON targets(zone_id, doc_id, ord);

ALTER TABLE measure_themes ADD COLUMN zone_id INTEGER REFERENCES zones(id);
UPDATE measure_themes SET zone_id =
    (SELECT m.zone_id FROM measures m WHERE m.id = measure_themes.measure_id);
CREATE INDEX measure_themes_zone ON measure_themes(zone_id, theme);

ALTER TABLE responsible_units ADD COLUMN zone_id INTEGER REFERENCES zones(id);
UPDATE responsible_units SET zone_id =
    (SELECT m.zone_id FROM measures m WHERE m.id = responsible_units.measure_id);
CREATE INDEX responsible_units_zone ON responsible_units(zone_id, agency_id, role);

CREATE TABLE document_texts (
    doc_id     INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    raw_text   TEXT NOT NULL,
    clean_text TEXT NOT NULL
);
INSERT INTO document_texts (doc_id, raw_text, clean_text)
    SELECT id, raw_text, clean_text FROM documents;
ALTER TABLE documents DROP COLUMN raw_text;
ALTER TABLE documents DROP COLUMN clean_text;
