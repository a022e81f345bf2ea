-- Full-text search over measure titles and text. The trigram tokenizer matches Chinese
-- phrases of three or more characters; shorter queries fall back to LIKE.

CREATE VIRTUAL TABLE measure_fts USING fts5(
    title, text,
    content = 'measures', content_rowid = 'id',
    tokenize = 'trigram'
);

CREATE TRIGGER measures_fts_insert AFTER INSERT ON measures BEGIN
    INSERT INTO measure_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER measures_fts_delete AFTER DELETE ON measures BEGIN
    INSERT INTO measure_fts(measure_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER measures_fts_update AFTER UPDATE OF title, text ON measures BEGIN
    INSERT INTO measure_fts(measure_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO measure_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- Measures stored before this index existed.
INSERT INTO measure_fts(measure_fts) VALUES ('rebuild');
