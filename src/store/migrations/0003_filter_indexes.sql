-- Indexes for the filters every view applies (zone, deadline year, agency by name).

CREATE INDEX measures_doc ON measures(doc_id, ord);
CREATE INDEX targets_doc ON targets(doc_id, ord);
CREATE INDEX statistics_doc ON statistics(doc_id, ord);
CREATE INDEX corrections_doc ON corrections(doc_sha256);
CREATE INDEX actuals_indicator ON actuals(indicator_id, year);
