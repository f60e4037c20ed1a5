-- Story assignment and near-duplicate relations, rebuilt whole by the
-- story stage (deterministic: a rebuild gives the same rows).
CREATE TABLE story_members (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    story_id   TEXT NOT NULL
);
CREATE INDEX story_members_story ON story_members(story_id);

CREATE TABLE copies (
    a          TEXT NOT NULL REFERENCES articles(id),
    b          TEXT NOT NULL REFERENCES articles(id),
    kind       TEXT NOT NULL,
    similarity REAL NOT NULL,
    PRIMARY KEY (a, b)
);
