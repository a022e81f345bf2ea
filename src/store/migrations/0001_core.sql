-- Zones, documents and everything extracted from them.

CREATE TABLE zones (
    id       INTEGER PRIMARY KEY,
    slug     TEXT NOT NULL UNIQUE,
    name_zh  TEXT NOT NULL,
    name_en  TEXT NOT NULL DEFAULT '',
    city     TEXT NOT NULL DEFAULT '',
    province TEXT NOT NULL DEFAULT '',
    level    TEXT NOT NULL DEFAULT '',
    kind     TEXT NOT NULL DEFAULT ''
);

CREATE TABLE documents (
    id             INTEGER PRIMARY KEY,
    zone_id        INTEGER NOT NULL REFERENCES zones(id) ON DELETE CASCADE,
    sha256         TEXT NOT NULL UNIQUE,
    source_name    TEXT NOT NULL,
    source_path    TEXT,
    raw_text       TEXT NOT NULL,
    clean_text     TEXT NOT NULL,
    parser_version TEXT NOT NULL,
    imported_at    TEXT NOT NULL,
    title          TEXT NOT NULL,
    issuer         TEXT,
    doc_number     TEXT,
    date           TEXT,
    period_start   INTEGER,
    period_end     INTEGER,
    kind           TEXT NOT NULL
);
CREATE INDEX documents_zone ON documents(zone_id);

CREATE TABLE sections (
    id         INTEGER PRIMARY KEY,
    doc_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord        INTEGER NOT NULL,
    parent_ord INTEGER,
    number     TEXT,
    title      TEXT NOT NULL,
    level      INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    UNIQUE (doc_id, ord)
);

CREATE TABLE measures (
    id                 INTEGER PRIMARY KEY,
    doc_id             INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord                INTEGER NOT NULL,
    item_key           TEXT NOT NULL,
    number             TEXT,
    path               TEXT NOT NULL,   -- JSON array of strings
    title              TEXT NOT NULL,
    text               TEXT NOT NULL,
    span_start         INTEGER NOT NULL,
    span_end           INTEGER NOT NULL,
    key_enterprises    TEXT NOT NULL,   -- JSON array of strings
    instrument         TEXT,
    instrument_subtype TEXT,
    corrected          INTEGER NOT NULL DEFAULT 0,
    UNIQUE (doc_id, ord)
);
CREATE INDEX measures_instrument ON measures(instrument);

CREATE TABLE agencies (
    id        INTEGER PRIMARY KEY,
    canonical TEXT NOT NULL,
    city      TEXT NOT NULL,            -- '*' for every city
    en        TEXT NOT NULL DEFAULT '',
    UNIQUE (city, canonical)
);
CREATE INDEX agencies_canonical ON agencies(canonical);

CREATE TABLE agency_aliases (
    alias     TEXT NOT NULL,
    agency_id INTEGER NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
    PRIMARY KEY (alias, agency_id)
);

CREATE TABLE responsible_units (
    id         INTEGER PRIMARY KEY,
    measure_id INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    ord        INTEGER NOT NULL,
    name       TEXT NOT NULL,
    agency_id  INTEGER NOT NULL REFERENCES agencies(id),
    role       TEXT NOT NULL CHECK (role IN ('lead', 'co'))
);
CREATE INDEX responsible_units_measure ON responsible_units(measure_id, ord);
CREATE INDEX responsible_units_agency ON responsible_units(agency_id, role);

CREATE TABLE measure_themes (
    measure_id INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    ord        INTEGER NOT NULL,
    theme      TEXT NOT NULL,
    PRIMARY KEY (measure_id, theme)
) WITHOUT ROWID;
CREATE INDEX measure_themes_theme ON measure_themes(theme, measure_id);

CREATE TABLE targets (
    id           INTEGER PRIMARY KEY,
    doc_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord          INTEGER NOT NULL,
    item_key     TEXT NOT NULL,
    measure_id   INTEGER REFERENCES measures(id) ON DELETE SET NULL,
    indicator    TEXT NOT NULL,
    indicator_id TEXT,
    value        REAL NOT NULL,
    value_max    REAL,
    unit         TEXT NOT NULL,
    comparator   TEXT NOT NULL,
    year         INTEGER,
    sentence     TEXT NOT NULL,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    corrected    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (doc_id, ord)
);
CREATE INDEX targets_measure ON targets(measure_id);
CREATE INDEX targets_indicator ON targets(indicator_id, year);
CREATE INDEX targets_year ON targets(year);

CREATE TABLE statistics (
    id           INTEGER PRIMARY KEY,
    doc_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord          INTEGER NOT NULL,
    indicator    TEXT NOT NULL,
    indicator_id TEXT,
    value        REAL NOT NULL,
    unit         TEXT NOT NULL,
    year         INTEGER,
    sentence     TEXT NOT NULL,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    UNIQUE (doc_id, ord)
);
CREATE INDEX statistics_indicator ON statistics(indicator_id, year);

-- User overlays, keyed by what survives a re-parse: the document's content hash and a
-- stable key of the item (not its row id). `original` holds the parsed values the overlay
-- replaced, so "reset to parsed" needs no re-parse.
CREATE TABLE corrections (
    id         INTEGER PRIMARY KEY,
    doc_sha256 TEXT NOT NULL,
    item_kind  TEXT NOT NULL CHECK (item_kind IN ('target', 'measure')),
    item_key   TEXT NOT NULL,
    overlay    TEXT NOT NULL,           -- JSON TargetCorrection / MeasureCorrection
    original   TEXT NOT NULL,           -- JSON of the parsed values
    updated_at TEXT NOT NULL,
    UNIQUE (doc_sha256, item_kind, item_key)
);

CREATE TABLE actuals (
    id           INTEGER PRIMARY KEY,
    zone_id      INTEGER NOT NULL REFERENCES zones(id) ON DELETE CASCADE,
    indicator_id TEXT NOT NULL,
    year         INTEGER NOT NULL,
    value        REAL NOT NULL,
    unit         TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    UNIQUE (zone_id, indicator_id, year)
);
