-- For listing stories without decoding their counts: outlets and the top
-- entities' names, one per line.
ALTER TABLE story_clusters ADD COLUMN outlets TEXT NOT NULL DEFAULT '';
ALTER TABLE story_clusters ADD COLUMN top TEXT NOT NULL DEFAULT '';
