-- Listing stories (rasad stories, StoryClusters without centroids) reads
-- this index alone: in the table, size, outlets and top come after the
-- centroid and info blobs, so reading them walked each row's overflow
-- pages (about 0.3 s of CPU on 17k stories).
CREATE INDEX story_clusters_list ON story_clusters(seq, last, id, first, rep, rep_sim, title, ss, size, outlets, top);
