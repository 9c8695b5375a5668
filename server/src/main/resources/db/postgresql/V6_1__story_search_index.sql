-- PostgreSQL only: the full-text index the catalogue's search uses (H2 searches the same column with LIKE).
create index story_search on story using gin (to_tsvector('english', search_text));
