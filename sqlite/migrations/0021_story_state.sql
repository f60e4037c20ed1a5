-- Incremental story assignment (rasad watch, rasad stories): document
-- frequencies of story terms, the stories with their centroids (dropped
-- once a story leaves the active window), signatures of the copy window,
-- and a one-row header. story_members and copies (0003) hold the result.
CREATE TABLE story_meta (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    n        INTEGER NOT NULL,
    latest   TEXT NOT NULL,
    next_seq INTEGER NOT NULL,
    version  INTEGER NOT NULL
);

CREATE TABLE story_df (
    term TEXT PRIMARY KEY,
    df   INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE story_clusters (
    id       TEXT PRIMARY KEY,
    seq      INTEGER NOT NULL,
    first    TEXT NOT NULL,
    last     TEXT NOT NULL,
    rep      TEXT NOT NULL,
    rep_sim  REAL NOT NULL,
    title    TEXT NOT NULL,
    ss       REAL NOT NULL,
    centroid BLOB,
    size     INTEGER NOT NULL,
    info     BLOB NOT NULL -- JSON: entities, names, outlets
);
CREATE INDEX story_clusters_last ON story_clusters(last);

CREATE TABLE story_sigs (
    article_id TEXT PRIMARY KEY,
    seq        INTEGER NOT NULL,
    published  TEXT NOT NULL,
    sig        BLOB NOT NULL
);
CREATE INDEX story_sigs_published ON story_sigs(published);
