-- Changes a report states (同比下降13.6%) that differ by more than 0.5 percentage points from the
-- change computed from two years of reported values.
SELECT region, indicator_code, prev_year, prev_value, year, value, pct_change, reported_pct_change
FROM yoy_comparison
WHERE stated_change_agrees = FALSE
ORDER BY region, indicator_code, year
