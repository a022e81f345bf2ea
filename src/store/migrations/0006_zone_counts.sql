-- Per-zone counts kept up to date by triggers, so the overview (themes per zone) and the
-- agency view (lead / co-owner counts) read a few hundred rows instead of every unit and
-- theme row. Foreign-key cascades fire the delete triggers too.

CREATE TABLE zone_theme_counts (
    zone_id INTEGER NOT NULL,
    theme   TEXT NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (zone_id, theme)
) WITHOUT ROWID;

CREATE TRIGGER measure_themes_count_insert AFTER INSERT ON measure_themes BEGIN
    INSERT INTO zone_theme_counts (zone_id, theme, n) VALUES (new.zone_id, new.theme, 1)
        ON CONFLICT (zone_id, theme) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER measure_themes_count_delete AFTER DELETE ON measure_themes BEGIN
    UPDATE zone_theme_counts SET n = n - 1 WHERE zone_id = old.zone_id AND theme = old.theme;
END;

INSERT INTO zone_theme_counts (zone_id, theme, n)
    SELECT zone_id, theme, count(*) FROM measure_themes WHERE zone_id IS NOT NULL
    GROUP BY zone_id, theme;

CREATE TABLE zone_agency_counts (
    zone_id   INTEGER NOT NULL,
    agency_id INTEGER NOT NULL,
    lead      INTEGER NOT NULL,
    co        INTEGER NOT NULL,
    PRIMARY KEY (zone_id, agency_id)
) WITHOUT ROWID;

CREATE TRIGGER responsible_units_count_insert AFTER INSERT ON responsible_units BEGIN
    INSERT INTO zone_agency_counts (zone_id, agency_id, lead, co)
        VALUES (new.zone_id, new.agency_id, new.role = 'lead', new.role = 'co')
        ON CONFLICT (zone_id, agency_id) DO UPDATE
        SET lead = lead + (new.role = 'lead'), co = co + (new.role = 'co');
END;
CREATE TRIGGER responsible_units_count_delete AFTER DELETE ON responsible_units BEGIN
    UPDATE zone_agency_counts
        SET lead = lead - (old.role = 'lead'), co = co - (old.role = 'co')
        WHERE zone_id = old.zone_id AND agency_id = old.agency_id;
END;

INSERT INTO zone_agency_counts (zone_id, agency_id, lead, co)
    SELECT zone_id, agency_id, sum(role = 'lead'), sum(role = 'co') FROM responsible_units
    WHERE zone_id IS NOT NULL GROUP BY zone_id, agency_id;
