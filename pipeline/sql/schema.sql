-- The warehouse schema. The analysis writes per document: the rows of a batch of documents and
-- their entries in document_stages are replaced in one transaction, so a run killed half-way
-- leaves whole documents behind, never half of one, and the next run resumes.

CREATE TABLE IF NOT EXISTS document_texts (
    doc_id      VARCHAR PRIMARY KEY,  -- first 16 hex digits of sha256 of the decoded text
    source_path VARCHAR NOT NULL,     -- path relative to the raw folder
    sha256      VARCHAR NOT NULL,     -- sha256 of the file's bytes
    encoding    VARCHAR NOT NULL,
    size        BIGINT NOT NULL,      -- file size and modification time when it was read:
    mtime_ns    BIGINT NOT NULL,      -- an unchanged file is not read again
    text        VARCHAR NOT NULL      -- decoded text, unchanged: all offsets point into it
);

CREATE TABLE IF NOT EXISTS document_stages (
    doc_id       VARCHAR NOT NULL,
    stage        VARCHAR NOT NULL,    -- the table: documents | sentences | tokens | indicators
    version      VARCHAR NOT NULL,    -- code version that produced the rows; a new version redoes them
    rows         INTEGER NOT NULL,    -- rows the stage wrote for the document
    processed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (doc_id, stage)
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id       VARCHAR PRIMARY KEY,
    source_path  VARCHAR NOT NULL,
    sha256       VARCHAR NOT NULL,    -- sha256 of the file's bytes
    encoding     VARCHAR NOT NULL,    -- encoding the bytes were decoded with
    script       VARCHAR NOT NULL,    -- 'traditional' or 'simplified', as found in the file
    chars        INTEGER NOT NULL,    -- length of the decoded text in characters
    region       VARCHAR,             -- most specific division of the issuing agency; NULL when unknown
    region_code  VARCHAR,             -- GB/T 2260 code of region
    report_year  INTEGER,             -- the year the report covers
    doc_type     VARCHAR NOT NULL,    -- annual_report | work_summary | work_plan | other
    agency       VARCHAR,
    published_on DATE
);

CREATE TABLE IF NOT EXISTS sentences (
    doc_id       VARCHAR NOT NULL,
    sentence_id  INTEGER NOT NULL,    -- 0-based order in the document
    "start"      INTEGER NOT NULL,    -- offsets into document_texts.text
    "end"        INTEGER NOT NULL,
    text         VARCHAR NOT NULL,    -- normalised (simplified, layout breaks removed)
    norm_start   INTEGER NOT NULL,    -- offsets into the normalised document text
    PRIMARY KEY (doc_id, sentence_id)
);

CREATE TABLE IF NOT EXISTS tokens (
    doc_id      VARCHAR NOT NULL,
    sentence_id INTEGER NOT NULL,
    position    INTEGER NOT NULL,     -- 0-based token index in the sentence
    token       VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS indicators (
    doc_id         VARCHAR NOT NULL,
    mention_id     INTEGER NOT NULL,  -- 0-based order in the document
    sentence_id    INTEGER NOT NULL,
    "start"        INTEGER NOT NULL,  -- document_texts.text[start:end] is the mention as written
    "end"          INTEGER NOT NULL,
    mention        VARCHAR NOT NULL,  -- that text
    value          DOUBLE NOT NULL,   -- in base units: 元, persons, percent points...
    unit           VARCHAR NOT NULL,
    unit_implicit  BOOLEAN NOT NULL,
    qualifier      VARCHAR,           -- over | approx | at_least | at_most | under
    metric         VARCHAR,
    indicator_code VARCHAR,
    kind           VARCHAR NOT NULL,  -- count | money | ratio | change | duration | target
    period_year    INTEGER,
    period         VARCHAR,           -- '2021' or a partial period '2022-01..2022-11'
    direction      VARCHAR,           -- up | down, for changes
    basis          VARCHAR,           -- 'yoy' for 同比 / 较上年
    subcount       BOOLEAN NOT NULL,  -- a 其中 part of a total stated before it
    code_evidence  VARCHAR,           -- why the code: 'metric cue 立案查处', 'clause cue …', '; subject: <rule>'
    confidence     VARCHAR,           -- high | medium (clause cue or a structure rule) | low (sentence cue, carried over, no metric)
    target_of      VARCHAR,           -- a target's indicator (targets have no indicator_code: they measure nothing)
    PRIMARY KEY (doc_id, mention_id)
);
-- Warehouses built before these columns existed get them (their rows are redone: a new code version).
ALTER TABLE indicators ADD COLUMN IF NOT EXISTS code_evidence VARCHAR;
ALTER TABLE indicators ADD COLUMN IF NOT EXISTS confidence VARCHAR;
ALTER TABLE indicators ADD COLUMN IF NOT EXISTS target_of VARCHAR;

CREATE TABLE IF NOT EXISTS rejected_files (
    source_path VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,
    size        BIGINT,               -- as for document_texts: an unchanged rejected file is not retried
    mtime_ns    BIGINT
);

-- Reference tables, loaded from pipeline/data/regions.tsv and catalog.tsv.
CREATE TABLE IF NOT EXISTS regions (
    code            VARCHAR PRIMARY KEY,  -- GB/T 2260; 100000 is 全国 (national ministries)
    name            VARCHAR NOT NULL,
    short_name      VARCHAR,
    level           VARCHAR NOT NULL,     -- country | province | prefecture | county
    parent_code     VARCHAR,
    prefecture_code VARCHAR,              -- the division's prefecture (itself for a prefecture)
    province_code   VARCHAR               -- the division's province (itself for a province)
);

CREATE TABLE IF NOT EXISTS indicator_catalog (
    code        VARCHAR PRIMARY KEY,
    name_zh     VARCHAR NOT NULL,
    unit_family VARCHAR NOT NULL,         -- count | money | ratio | change | duration
    cue_terms   VARCHAR
);

-- What the last publish was made from (sql/content_fingerprint.sql): a run whose working copy
-- still has that fingerprint after the analysis has nothing left to rebuild or publish.
CREATE TABLE IF NOT EXISTS published_state (
    fingerprint  VARCHAR NOT NULL,
    published_at TIMESTAMP NOT NULL
);

-- Derived tables, rebuilt whole by each run from the tables above (their columns are those of
-- the queries): indicator_panel (sql/indicator_panel.sql), yoy_comparison
-- (sql/yoy_comparison.sql), plan_vs_actual (sql/plan_vs_actual.sql); views in sql/views/.
