-- Collection knowledge (rasad.KnowledgeStore): what the analysis of one
-- article learns from the others (common words, surnames named in full,
-- how often a word form stands in a document), as counts that add up over
-- articles. An article's counts are added in the transaction that stores
-- it, once per content ID. kind is a letter the analysis defines
-- (entities.Tally*); key is empty for most kinds.
CREATE TABLE knowledge (
    kind INTEGER NOT NULL,
    form TEXT    NOT NULL,
    key  TEXT    NOT NULL DEFAULT '',
    n    INTEGER NOT NULL,
    PRIMARY KEY (kind, form, key)
) WITHOUT ROWID;

-- One row: the generation grows with every change to the counts; complete
-- is 0 when articles were stored without their counts (the knowledge is
-- then rebuilt from the stored articles). No row: generation 0, complete
-- when no article is stored (a store made before this migration is not).
CREATE TABLE knowledge_state (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL,
    complete   INTEGER NOT NULL
);

-- Each batch's counts are appended here as one row (cheap to write) and
-- folded into knowledge when the log grows long; the knowledge is the sum
-- of both. delta: entries of kind (1 byte), form and key (uvarint length +
-- bytes) and count (varint).
CREATE TABLE knowledge_log (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    delta BLOB NOT NULL
);
