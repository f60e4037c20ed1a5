-- What the analysis pipeline found in each article: temporal expressions
-- and entity mentions, as JSON (offsets index articles.text). Replaced
-- whole when an article is analysed again (rasad analyze).
CREATE TABLE analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    version    INTEGER NOT NULL,
    timexes    TEXT NOT NULL DEFAULT '[]',
    mentions   TEXT NOT NULL DEFAULT '[]',
    analysed_at TEXT NOT NULL
);
