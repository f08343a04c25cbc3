-- The panel: one value per region, year and indicator code, and how it was chosen.
--
-- Candidates are coded counts, money, ratios and durations of documents with a known region
-- (targets and changes are not levels; work plans state targets). Within one document the
-- value for a code and year is its first whole-year mention that is not a 其中 sub-count,
-- falling back to a sub-count or a partial period (1-11月) only when nothing better exists, and
-- then to the partial period that covers the most months (1-6月 before 6月). A report may give
-- one code several whole-year values (重点检查253家次…共开展行政执法检查457家次; 行政复议4件、行政诉讼3件):
-- report_values lists them in the report's order, so that a reader sees what the first one stands among.
-- Across documents, in order:
--   1. the report covering that year beats a later report restating it (由2020年的74%...),
--      which fills the year only when no report of that year gives the indicator;
--   2. a whole-year value beats a partial period, and a longer partial period a shorter one;
--   3. the most recently published document, then doc_id, for a stable choice.
-- Reports that disagree on a year's whole value (two reports of the year, or a later report
-- restating it differently) are flagged (conflict), not merged: value_options lists what each
-- said. Units are compared as written except 名, which counts persons like 人. `months` is ''
-- for a whole year and the months of a partial period ('01..06', '01'), so that a comparison
-- pairs like periods only.
WITH candidates AS (
    SELECT
        d.region_code,
        d.region,
        i.indicator_code,
        coalesce(i.period_year, d.report_year) AS year,
        i.value,
        CASE i.unit WHEN '名' THEN '人' ELSE i.unit END AS unit,
        i.kind,
        i.doc_id,
        i.mention_id,
        i.subcount,
        d.report_year = coalesce(i.period_year, d.report_year) AS same_year_report,
        coalesce(i.period NOT LIKE '%-%', TRUE) AS whole_year,  -- '2023', not '2023-01' or '2023-01..2023-06'
        CASE WHEN whole_year THEN '' ELSE regexp_replace(i.period, '\d{4}-', '', 'g') END AS months,
        -- months covered: 12 for a whole year, 6 for '2023-01..2023-06', 1 for '2023-06'
        CASE WHEN whole_year THEN 12
             ELSE greatest(1, CAST(right(i.period, 2) AS INTEGER)
                              - CAST(substr(i.period, 6, 2) AS INTEGER) + 1) END AS months_covered,
        d.published_on
    FROM indicators AS i
    JOIN documents AS d USING (doc_id)
    WHERE i.indicator_code IS NOT NULL
      AND d.region_code IS NOT NULL
      AND d.doc_type <> 'work_plan'
      AND i.kind IN ('count', 'money', 'ratio', 'duration')
      AND coalesce(i.period_year, d.report_year) IS NOT NULL
),
per_document AS (
    SELECT
        *,
        -- ordered by the window's frame, not list(… ORDER BY …): DuckDB before 1.2 has no ordered window aggregates
        list(value) FILTER (WHERE whole_year AND NOT subcount) OVER (
            PARTITION BY doc_id, indicator_code, year ORDER BY mention_id
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS report_values
    FROM candidates
    QUALIFY row_number() OVER (
        PARTITION BY doc_id, indicator_code, year
        ORDER BY whole_year DESC, subcount, months_covered DESC, mention_id) = 1
),
ranked AS (
    SELECT
        *,
        row_number() OVER w AS pick,
        count(*) OVER (PARTITION BY region_code, indicator_code, year) AS sources
    FROM per_document
    WINDOW w AS (
        PARTITION BY region_code, indicator_code, year
        ORDER BY same_year_report DESC, whole_year DESC, months_covered DESC, published_on DESC NULLS LAST, doc_id)
),
year_values AS (
    SELECT region_code, indicator_code, year,
           list(DISTINCT value ORDER BY value) AS value_options
    FROM per_document
    WHERE whole_year AND NOT subcount
    GROUP BY ALL
)
SELECT
    r.region_code,
    r.region,
    r.year,
    r.indicator_code,
    r.value,
    r.unit,
    r.kind,
    r.months,
    CASE
        WHEN NOT r.same_year_report THEN 'restated in a later report'
        WHEN NOT r.whole_year THEN 'partial period only'
        WHEN r.subcount THEN 'sub-count only'
        ELSE 'report of the year'
    END AS chosen_by,
    r.sources,
    coalesce(len(s.value_options) > 1, FALSE) AS conflict,
    s.value_options,
    r.report_values,
    r.doc_id,
    r.mention_id
FROM ranked AS r
LEFT JOIN year_values AS s USING (region_code, indicator_code, year)
WHERE r.pick = 1
ORDER BY r.region_code, r.indicator_code, r.year
