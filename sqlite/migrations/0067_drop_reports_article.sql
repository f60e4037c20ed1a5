-- reports(article_id) is the first column of the UNIQUE index on (article_id,
-- ext_id, source, url), which serves every lookup of an article's reports;
-- the second index on it only cost every insert its upkeep (sqlite.Put).
DROP INDEX IF EXISTS reports_article;
