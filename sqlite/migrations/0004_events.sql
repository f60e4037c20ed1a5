-- Event mentions found by the analysis pipeline, as JSON.
ALTER TABLE analyses ADD COLUMN events TEXT NOT NULL DEFAULT '[]';
