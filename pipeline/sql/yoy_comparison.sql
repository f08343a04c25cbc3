-- Year-over-year comparison: for each region, indicator and year, the headline value of that
-- year against the headline value of the closest earlier year with one.
--
-- Headline value of (region, indicator, year): among whole-year mentions (period not partial)
-- that are counts, money, ratios or durations (not changes or targets), the first one in document
-- order: reports state the total before its 其中 sub-counts. The report covering that year wins
-- over a later report that restates it (由2020年的74%...); values in different units never pair.
WITH candidates AS (
    SELECT
        d.region,
        d.region_code,
        i.indicator_code,
        coalesce(i.period_year, d.report_year) AS year,
        i.value,
        i.unit,
        i.doc_id,
        row_number() OVER (
            PARTITION BY d.region_code, i.indicator_code, i.unit, coalesce(i.period_year, d.report_year)
            ORDER BY (d.report_year IS NOT DISTINCT FROM coalesce(i.period_year, d.report_year)) DESC,
                     d.report_year DESC, i.doc_id, i.mention_id
        ) AS rank_in_year
    FROM indicators AS i
    JOIN documents AS d USING (doc_id)
    WHERE i.indicator_code IS NOT NULL
      AND d.region_code IS NOT NULL
      AND coalesce(i.period_year, d.report_year) IS NOT NULL
      AND i.kind IN ('count', 'money', 'ratio', 'duration')
      AND (i.period IS NULL OR i.period NOT LIKE '%..%')
),
headline AS (
    SELECT * EXCLUDE (rank_in_year) FROM candidates WHERE rank_in_year = 1
),
paired AS (
    SELECT
        h.*,
        lag(h.year) OVER w AS prev_year,
        lag(h.value) OVER w AS prev_value,
        lag(h.doc_id) OVER w AS prev_doc_id
    FROM headline AS h
    WINDOW w AS (PARTITION BY h.region_code, h.indicator_code, h.unit ORDER BY h.year)
)
SELECT
    region,
    region_code,
    indicator_code,
    year,
    value,
    prev_year,
    prev_value,
    value - prev_value AS abs_change,
    CASE WHEN prev_value <> 0 THEN round(100.0 * (value - prev_value) / abs(prev_value), 4) END AS pct_change,
    unit,
    doc_id,
    prev_doc_id
FROM paired
WHERE prev_year IS NOT NULL
ORDER BY region_code, indicator_code, year
