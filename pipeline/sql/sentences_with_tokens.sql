-- Every sentence of the given documents ($1: list of doc_id) with its tokens gathered into a list, in order.
SELECT s.doc_id, s.sentence_id, s.norm_start, s.text,
       coalesce(list(t.token ORDER BY t.position) FILTER (WHERE t.token IS NOT NULL), []) AS tokens
FROM sentences AS s
LEFT JOIN tokens AS t USING (doc_id, sentence_id)
WHERE s.doc_id IN (SELECT unnest($1::VARCHAR[]))
GROUP BY s.doc_id, s.sentence_id, s.norm_start, s.text
ORDER BY s.doc_id, s.sentence_id
