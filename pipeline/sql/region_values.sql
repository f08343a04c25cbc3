-- One region's ($1) panel values, optionally one indicator ($2) and one year ($3), with the
-- change from the previous year with a value, the change the report states, how the value was
-- chosen and every whole value reports gave for the year.
SELECT p.indicator_code, p.indicator, p.year, p.value, p.unit, y.prev_year, y.pct_change,
       y.reported_pct_change, p.chosen_by, p.conflict, p.value_options
FROM region_profile AS p
LEFT JOIN yoy_comparison AS y
       ON y.region_code = p.region_code AND y.indicator_code = p.indicator_code AND y.year = p.year
WHERE p.region_code = $1
  AND ($2::VARCHAR IS NULL OR p.indicator_code = $2)
  AND ($3::INTEGER IS NULL OR p.year = $3)
ORDER BY p.indicator_code, p.year
