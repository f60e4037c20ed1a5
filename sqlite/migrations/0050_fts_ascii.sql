-- The full-text index holds Rasad's own stems (text.IndexStems: normalized,
-- stemmed, joined by spaces), so SQLite need not read them with its Unicode
-- tables: the ascii tokenizer splits on ASCII spaces and punctuation and
-- takes every other byte as part of a token, at a fraction of unicode61's
-- cost. Queries are stems made the same way.
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body,
    content = '',
    tokenize = 'ascii'
);
-- The stems of stored articles are computed in Go: sqlite.Open indexes them
-- again and drops this table.
CREATE TABLE fts_reindex (pending INTEGER NOT NULL);
INSERT INTO fts_reindex VALUES (1);
