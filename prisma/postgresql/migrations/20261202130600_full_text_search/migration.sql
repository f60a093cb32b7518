-- Full-text search (docs/decisions/0021-full-text-search.md). Written by hand: Prisma's schema
-- cannot describe expression indexes, and `prisma migrate diff` compares data models only, so it
-- neither writes nor drops them. Each searched text has a GIN index on the expression that
-- lib/search/full-text-postgresql.ts queries with, word for word; building the indexes indexes
-- the rows already there.

-- The words of a text as SQLite's `unicode61 remove_diacritics 2` tokenizer cuts them, and the
-- search box's parser (lib/search/query.ts): lower case under ICU (whatever the database's
-- locale), accents dropped (NFD, then combining marks U+0300 to U+036F removed), every character
-- that is not a letter or digit (ICU's [:alnum:]) a separator, then the `simple` configuration (no
-- stemming, no stop words). No extension is needed: `unaccent` would need CREATE EXTENSION, which
-- a newsroom's managed server may not grant. A plain SQL function: the planner inlines it, and it
-- may run in parallel scans. For the short texts (claims, comments, sources, titles).
CREATE FUNCTION factdesk_search_vector(value text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT pg_catalog.to_tsvector('pg_catalog.simple'::pg_catalog.regconfig, pg_catalog.regexp_replace(
        pg_catalog.regexp_replace(pg_catalog.normalize(pg_catalog.lower(coalesce(value, '') COLLATE pg_catalog."und-x-icu"), 'NFD'), '[\u0300-\u036f]', '', 'g') COLLATE pg_catalog."und-x-icu",
        '[^[:alnum:]]+', ' ', 'g'))
$$;

-- The same for article texts (up to 2 MB). A tsvector holds at most 1 MB: a text whose words would
-- not fit (mostly distinct tokens) is indexed by its first 200,000 characters instead of failing
-- the import. PARALLEL UNSAFE: the EXCEPTION clause opens a subtransaction, which PostgreSQL
-- refuses in a parallel query ("cannot start subtransactions during a parallel operation").
CREATE FUNCTION factdesk_search_long_vector(value text) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE PARALLEL UNSAFE
AS $$
BEGIN
    RETURN public.factdesk_search_vector(value);
EXCEPTION WHEN program_limit_exceeded THEN
    RETURN public.factdesk_search_vector(pg_catalog.left(value, 200000));
END
$$;

CREATE INDEX "Claim_search_idx" ON "Claim" USING GIN ((setweight(factdesk_search_vector("statement"), 'A') || setweight(factdesk_search_vector("quote"), 'B')));
CREATE INDEX "Claim_rationale_search_idx" ON "Claim" USING GIN (factdesk_search_vector("rationale"));
CREATE INDEX "ClaimComment_search_idx" ON "ClaimComment" USING GIN (factdesk_search_vector("body"));
CREATE INDEX "Source_search_idx" ON "Source" USING GIN ((setweight(factdesk_search_vector("name"), 'A') || setweight(factdesk_search_vector("notes"), 'C') || setweight(factdesk_search_vector("reliability"), 'C')));
CREATE INDEX "Article_search_idx" ON "Article" USING GIN ((setweight(factdesk_search_vector("title"), 'A') || setweight(factdesk_search_vector("outlet"), 'B')));
CREATE INDEX "ArticleVersion_search_idx" ON "ArticleVersion" USING GIN (factdesk_search_long_vector("text"));
