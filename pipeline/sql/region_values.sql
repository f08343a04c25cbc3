-- One region's ($1) panel values, optionally one indicator ($2) and one year ($3), with the
-- change from the previous year with a value, the change the report states for the value's period
-- (also when there is no earlier year to compute one from), how the value was chosen and every
-- whole value reports gave for the year; months ('01..11') for a partial period, else ''.
WITH stated AS (
    SELECT indicator_code, year, months, any_value(reported_pct_change) AS reported_pct_change
    FROM stated_changes
    WHERE region_code = $1 AND indicator_code IS NOT NULL
    GROUP BY ALL
)
SELECT p.indicator_code, p.indicator, p.year, p.value, p.unit, y.prev_year, y.pct_change, y.abs_change,
       s.reported_pct_change,
       p.chosen_by, p.conflict, p.value_options, p.months
FROM region_profile AS p
LEFT JOIN yoy_comparison AS y
       ON y.region_code = p.region_code AND y.indicator_code = p.indicator_code AND y.year = p.year
LEFT JOIN stated AS s ON s.indicator_code = p.indicator_code AND s.year = p.year AND s.months = p.months
WHERE p.region_code = $1
  AND ($2::VARCHAR IS NULL OR p.indicator_code = $2)
  AND ($3::INTEGER IS NULL OR p.year = $3)
ORDER BY p.indicator_code, p.year
