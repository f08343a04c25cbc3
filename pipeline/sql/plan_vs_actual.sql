-- Targets (kind = target) against what was done: the result stated right after the target in the
-- same sentence, with the code the target aims at (target_of) and its unit (全年计划重点检查246家次，
-- 实际重点检查253家次), else the same region's panel value of that indicator for the target's year. `actual_source` says which.
-- `met` reads the target's qualifier: at most / under targets are met at or below the target, all
-- others (至少, 不少于, plain 开展1次) at or above.
WITH stated_result AS (
    SELECT t.doc_id, t.mention_id, arg_min(r.value, r.mention_id) AS value, arg_min(r.unit, r.mention_id) AS unit
    FROM indicators AS t
    JOIN indicators AS r
      ON r.doc_id = t.doc_id AND r.sentence_id = t.sentence_id AND r.mention_id > t.mention_id
     AND r.indicator_code = t.target_of AND r.unit = t.unit AND r.kind <> 'target'
    WHERE t.kind = 'target'
    GROUP BY t.doc_id, t.mention_id
), paired AS (
    SELECT
        d.region,
        d.region_code,
        coalesce(t.period_year, d.report_year) AS year,
        t.target_of AS indicator_code,
        t.value AS target_value,
        t.unit AS target_unit,
        t.qualifier AS target_qualifier,
        t.metric AS target_metric,
        coalesce(s.value, p.value) AS actual_value,
        CASE WHEN s.value IS NOT NULL THEN s.unit ELSE p.unit END AS actual_unit,
        CASE WHEN s.value IS NOT NULL THEN 'same sentence' WHEN p.value IS NOT NULL THEN 'panel' END AS actual_source,
        t.doc_id AS plan_doc_id,
        t.mention_id AS plan_mention_id,
        CASE WHEN s.value IS NOT NULL THEN t.doc_id ELSE p.doc_id END AS actual_doc_id
    FROM indicators AS t
    JOIN documents AS d USING (doc_id)
    LEFT JOIN stated_result AS s ON s.doc_id = t.doc_id AND s.mention_id = t.mention_id
    LEFT JOIN indicator_panel AS p
           ON p.region_code = d.region_code
          AND p.indicator_code = t.target_of
          AND p.year = coalesce(t.period_year, d.report_year)
    WHERE t.kind = 'target'
      AND t.target_of IS NOT NULL
      AND d.region_code IS NOT NULL
)
SELECT
    region, region_code, year, indicator_code, target_value, target_unit, target_qualifier, target_metric,
    actual_value, actual_unit, actual_source,
    CASE
        WHEN actual_value IS NULL OR actual_unit <> target_unit THEN NULL
        WHEN target_qualifier IN ('at_most', 'under') THEN actual_value <= target_value
        ELSE actual_value >= target_value
    END AS met,
    plan_doc_id, plan_mention_id, actual_doc_id
FROM paired
ORDER BY region_code, year, indicator_code, plan_doc_id, plan_mention_id
