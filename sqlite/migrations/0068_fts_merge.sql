-- How the full-text index merges its segments (settings kept in
-- articles_fts_config; the postings and every search result stay the same):
-- hashsize: a batch's postings are held in memory up to 8 MiB and written
-- as one segment at commit, not flushed every 1 MiB as several;
-- automerge: eight segments of a level are merged into one of the next,
-- not four, so a posting is rewritten about half as often during an ingest
-- (a search then reads a few more segments: 8 instead of 6 after ant-dev).
INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 8388608);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 8);
