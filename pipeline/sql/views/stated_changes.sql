-- Changes a report states (同比下降13.6%), signed (a fall is negative), with the indicator they
-- are about: the coded level mention just before them in the same sentence with the same
-- metric (事故70起、死亡37人，同比分别下降38.6%和33.9%), else the change code without `_yoy`.
-- Changes against a multi-year average or a named base year are left out. `months` is '' for a
-- change of the whole year, else the months of its partial period ('06', '01..06'), as in the panel.
CREATE OR REPLACE VIEW stated_changes AS
SELECT
    d.region_code,
    d.region,
    coalesce(c.period_year, d.report_year) AS year,
    CASE WHEN coalesce(c.period NOT LIKE '%-%', TRUE) THEN '' ELSE regexp_replace(c.period, '\d{4}-', '', 'g') END
        AS months,
    coalesce(
        (SELECT p.indicator_code
         FROM indicators AS p
         WHERE p.doc_id = c.doc_id AND p.sentence_id = c.sentence_id AND p.mention_id < c.mention_id
           AND p.kind <> 'change' AND p.indicator_code IS NOT NULL AND p.metric = c.metric
         ORDER BY p.mention_id DESC
         LIMIT 1),
        CASE WHEN c.indicator_code LIKE '%\_yoy' ESCAPE '\' THEN c.indicator_code[:-5] END
    ) AS indicator_code,
    CASE WHEN c.direction = 'down' THEN -c.value ELSE c.value END AS reported_pct_change,
    c.basis,
    c.doc_id,
    c.mention_id
FROM indicators AS c
JOIN documents AS d USING (doc_id)
WHERE c.kind = 'change' AND c.unit = '%' AND d.region_code IS NOT NULL
  AND coalesce(c.basis, 'yoy') = 'yoy'  -- not a change against an average or a named year
