-- The indicator mentions of the given documents ($1: list of doc_id) with the span of their
-- sentence in the original text, by document and mention.
SELECT i.doc_id, i.mention_id, i."start", i."end", i.value, i.unit, i.qualifier, i.metric, i.indicator_code, i.kind,
       coalesce(i.period, CAST(i.period_year AS VARCHAR)) AS period, i.direction,
       s."start" AS sentence_start, s."end" AS sentence_end
FROM indicators AS i
JOIN sentences AS s USING (doc_id, sentence_id)
WHERE i.doc_id IN (SELECT unnest($1::VARCHAR[]))
ORDER BY i.doc_id, i.mention_id
