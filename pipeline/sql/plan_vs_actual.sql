-- Targets of a work plan (kind = target) against the same region's reported value of that
-- indicator for the plan's year, from the panel. `met` reads the target's qualifier: at most /
-- under targets are met at or below the target, all others (至少, 不少于, plain 开展1次) at or above.
SELECT
    d.region,
    d.region_code,
    coalesce(t.period_year, d.report_year) AS year,
    t.indicator_code,
    t.value AS target_value,
    t.unit AS target_unit,
    t.qualifier AS target_qualifier,
    t.metric AS target_metric,
    p.value AS actual_value,
    p.unit AS actual_unit,
    CASE
        WHEN p.value IS NULL OR p.unit <> t.unit THEN NULL
        WHEN t.qualifier IN ('at_most', 'under') THEN p.value <= t.value
        ELSE p.value >= t.value
    END AS met,
    t.doc_id AS plan_doc_id,
    t.mention_id AS plan_mention_id,
    p.doc_id AS actual_doc_id
FROM indicators AS t
JOIN documents AS d USING (doc_id)
LEFT JOIN indicator_panel AS p
       ON p.region_code = d.region_code
      AND p.indicator_code = t.indicator_code
      AND p.year = coalesce(t.period_year, d.report_year)
WHERE t.kind = 'target'
  AND t.indicator_code IS NOT NULL
  AND d.region_code IS NOT NULL
ORDER BY d.region_code, year, t.indicator_code, t.doc_id, t.mention_id
