-- The indicator mentions of the given documents ($1: list of doc_id) with the span of their
-- sentence in the original text, why each got its code and how sure that is, and the code's
-- Chinese name (for a target, of the indicator it aims at), by document and mention.
SELECT i.doc_id, i.mention_id, i."start", i."end", i.value, i.unit, i.qualifier, i.metric, i.indicator_code, i.kind,
       coalesce(i.period, CAST(i.period_year AS VARCHAR)) AS period, i.direction,
       s."start" AS sentence_start, s."end" AS sentence_end,
       i.code_evidence, i.confidence, c.name_zh AS indicator, i.target_of
FROM indicators AS i
JOIN sentences AS s USING (doc_id, sentence_id)
LEFT JOIN indicator_catalog AS c ON c.code = coalesce(i.indicator_code, i.target_of)
WHERE i.doc_id IN (SELECT unnest($1::VARCHAR[]))
ORDER BY i.doc_id, i.mention_id
