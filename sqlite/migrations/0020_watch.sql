-- Following feeds (rasad watch): what each feed answered last, the queue of
-- items to fetch and ingest, the watches, what each watch announced, and
-- the notification outbox. Every table is written in single transactions so
-- that a killed watcher resumes without losing or repeating work.
CREATE TABLE feed_state (
    url           TEXT PRIMARY KEY,
    etag          TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    next_poll     TEXT NOT NULL DEFAULT '',
    last_polled   TEXT NOT NULL DEFAULT '',
    last_ok       TEXT NOT NULL DEFAULT '',
    failures      INTEGER NOT NULL DEFAULT 0,
    last_status   INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT NOT NULL DEFAULT '',
    items         INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE fetch_queue (
    id         INTEGER PRIMARY KEY,
    feed       TEXT NOT NULL,
    item_key   TEXT NOT NULL,
    version    TEXT NOT NULL,
    url        TEXT NOT NULL DEFAULT '',
    item       BLOB NOT NULL,
    state      TEXT NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    next_try   TEXT NOT NULL,
    last_error TEXT NOT NULL DEFAULT '',
    article_id TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    UNIQUE (feed, item_key)
);
CREATE INDEX fetch_queue_ready ON fetch_queue(state, next_try, id);

CREATE TABLE watches (
    id      TEXT PRIMARY KEY,
    kind    TEXT NOT NULL,
    target  TEXT NOT NULL,
    webhook TEXT NOT NULL DEFAULT '',
    secret  TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);

CREATE TABLE watch_entries (
    watch_id  TEXT NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
    entry_key TEXT NOT NULL,
    digest    TEXT NOT NULL,
    payload   BLOB NOT NULL,
    first     TEXT NOT NULL,
    updated   TEXT NOT NULL,
    revision  INTEGER NOT NULL,
    PRIMARY KEY (watch_id, entry_key)
);

CREATE TABLE outbox (
    id        INTEGER PRIMARY KEY,
    watch_id  TEXT NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
    entry_key TEXT NOT NULL,
    kind      TEXT NOT NULL,
    revision  INTEGER NOT NULL,
    payload   BLOB NOT NULL,
    created   TEXT NOT NULL,
    state     TEXT NOT NULL,
    attempts  INTEGER NOT NULL DEFAULT 0,
    next_try  TEXT NOT NULL,
    error     TEXT NOT NULL DEFAULT '',
    UNIQUE (watch_id, entry_key, revision)
);
CREATE INDEX outbox_pending ON outbox(state, next_try, id);
