-- Stored story timelines (rasad timeline, watches): each story's entries as
-- JSON under the version of the rules that built them, and the change marks
-- that say which stories to rebuild. A story step, a new analysis or a copy
-- pair adds a mark in the same transaction; saving a rebuilt timeline
-- clears the marks up to the one it was built after.
CREATE TABLE story_timelines (
    story_id TEXT PRIMARY KEY,
    version  TEXT NOT NULL,
    entries  BLOB NOT NULL
) WITHOUT ROWID;
-- timelines of other rules are found without a scan
CREATE INDEX story_timelines_version ON story_timelines(version);

CREATE TABLE timeline_marks (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    story_id TEXT NOT NULL
);
CREATE INDEX timeline_marks_story ON timeline_marks(story_id);

-- stories stored before this migration have no timeline yet
INSERT INTO timeline_marks(story_id) SELECT DISTINCT story_id FROM story_members ORDER BY story_id;
