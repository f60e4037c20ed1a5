-- The order in which stored story timelines changed (watches read only the
-- stories changed since their last round): every save or removal of a
-- story's stored timeline gives the story a new, higher seq (its old row is
-- replaced). AUTOINCREMENT never reuses a seq, even after a reset; a reset
-- of all stories adds the row of the empty story ID, which tells a reader
-- to start over.
CREATE TABLE timeline_seq (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    story_id TEXT NOT NULL UNIQUE
);
INSERT INTO timeline_seq(story_id) SELECT story_id FROM story_timelines ORDER BY story_id;
