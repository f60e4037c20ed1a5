-- Articles keyed by content hash; every input they were read from is a report.
CREATE TABLE articles (
    id             TEXT PRIMARY KEY,
    title          TEXT NOT NULL DEFAULT '',
    text           TEXT NOT NULL,
    abstract       TEXT NOT NULL DEFAULT '',
    author         TEXT NOT NULL DEFAULT '',
    language       TEXT NOT NULL DEFAULT '',
    published      TEXT,            -- RFC 3339, UTC
    published_from TEXT NOT NULL DEFAULT '',
    published_conf REAL NOT NULL DEFAULT 0,
    cleaning       TEXT NOT NULL DEFAULT '{}', -- JSON: removed spans, title span, dateline, credits, warnings
    raw            BLOB,            -- the input exactly as read
    created_at     TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE reports (
    id          INTEGER PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id),
    ext_id      TEXT NOT NULL,
    source      TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT '',
    format      TEXT NOT NULL DEFAULT '',
    origin      TEXT NOT NULL DEFAULT '',
    published   TEXT,
    ingested_at TEXT NOT NULL,
    UNIQUE (article_id, ext_id, source, url)
);
CREATE INDEX reports_ext_id ON reports(ext_id);
CREATE INDEX reports_article ON reports(article_id);

-- Full-text index over Rasad's own stems (text.Variants of each token's
-- normalization key), so SQLite's tokenizer never sees raw Arabic.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body,
    content = '',
    tokenize = 'unicode61 remove_diacritics 0'
);
