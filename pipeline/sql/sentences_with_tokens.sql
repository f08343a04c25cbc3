-- Every sentence with its tokens gathered into a list, in order.
SELECT s.doc_id, s.sentence_id, s.norm_start, s.text,
       coalesce(list(t.token ORDER BY t.position) FILTER (WHERE t.token IS NOT NULL), []) AS tokens
FROM sentences AS s
LEFT JOIN tokens AS t USING (doc_id, sentence_id)
GROUP BY s.doc_id, s.sentence_id, s.norm_start, s.text
ORDER BY s.doc_id, s.sentence_id
