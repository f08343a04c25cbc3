-- Year-over-year comparison from the panel: each region's value of an indicator against its
-- closest earlier year with a value in the same unit and of the same period (a whole year with a
-- whole year, January-June with January-June; gap_years > 1 when years are missing). A year
-- known only from a 其中 sub-count is not compared: a part never stands in for its total.
-- Where the report also states the change (同比下降13.6%), reported_pct_change holds it and
-- stated_change_agrees says whether it matches the computed change within 0.5 percentage
-- points; it is NULL when either side is missing or the years are not consecutive. A stated change
-- goes with the value of its own period (June's -14.3% never meets the January-June value).
WITH paired AS (
    SELECT
        p.*,
        lag(p.year) OVER w AS prev_year,
        lag(p.value) OVER w AS prev_value,
        lag(p.doc_id) OVER w AS prev_doc_id,
        lag(p.chosen_by) OVER w AS prev_chosen_by
    FROM indicator_panel AS p
    WHERE p.chosen_by <> 'sub-count only'
    WINDOW w AS (PARTITION BY p.region_code, p.indicator_code, p.unit, p.months ORDER BY p.year)
),
stated AS (
    SELECT region_code, indicator_code, year, months, any_value(reported_pct_change) AS reported_pct_change
    FROM stated_changes
    WHERE indicator_code IS NOT NULL
    GROUP BY ALL
),
computed AS (
    SELECT
        pr.region,
        pr.region_code,
        pr.indicator_code,
        pr.year,
        pr.value,
        pr.prev_year,
        pr.prev_value,
        pr.value - pr.prev_value AS abs_change,
        CASE WHEN pr.prev_value <> 0 THEN round(100.0 * (pr.value - pr.prev_value) / abs(pr.prev_value), 4) END
            AS pct_change,
        pr.year - pr.prev_year AS gap_years,
        pr.unit,
        pr.months,
        s.reported_pct_change,
        pr.doc_id,
        pr.prev_doc_id,
        pr.chosen_by,
        pr.prev_chosen_by
    FROM paired AS pr
    LEFT JOIN stated AS s ON s.region_code = pr.region_code AND s.indicator_code = pr.indicator_code
        AND s.year = pr.year AND s.months = pr.months  -- June's stated change is not January-June's
    WHERE pr.prev_year IS NOT NULL
)
SELECT
    *,
    CASE
        WHEN reported_pct_change IS NULL OR pct_change IS NULL OR gap_years <> 1 THEN NULL
        ELSE abs(reported_pct_change - pct_change) <= 0.5
    END AS stated_change_agrees
FROM computed
ORDER BY region_code, indicator_code, year
