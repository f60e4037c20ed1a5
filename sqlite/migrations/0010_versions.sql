-- An updated article under the same URL: its new text is stored as an
-- article of its own (a new content ID) and recorded here as the next
-- version of the text stored before it under that URL. Version 1 is the
-- first text read under the URL and has no row.
CREATE TABLE versions (
    article_id  TEXT PRIMARY KEY REFERENCES articles(id),
    url         TEXT NOT NULL,
    version     INTEGER NOT NULL,
    previous_id TEXT NOT NULL REFERENCES articles(id)
);
CREATE INDEX versions_url ON versions(url, version);
CREATE INDEX reports_url ON reports(url);
