-- Users' English translations of measure and document titles, keyed by the Chinese title as
-- parsed: a translation applies wherever that title appears and survives re-parsing (the
-- key is the text, not a row id). Written in place in the app or read from a translation
-- sheet (`import translations`).
CREATE TABLE title_translations (
    zh TEXT PRIMARY KEY NOT NULL,
    en TEXT NOT NULL,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
