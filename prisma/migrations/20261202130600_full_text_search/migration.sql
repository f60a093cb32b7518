-- Full-text search (docs/decisions/0021-full-text-search.md). Written by hand: Prisma's schema
-- cannot describe FTS5 tables or triggers, and `prisma migrate diff` compares data models only, so
-- it neither writes nor drops them. One external-content FTS5 table per searched table, keyed by
-- that table's rowid, kept in step by triggers; 'rebuild' indexes the rows already there. The
-- team's id is indexed too, so that a search reads only its team's rows (lib/search/full-text-sqlite.ts);
-- prefixes of 2 and 3 characters are indexed for type-ahead.
--
-- A later migration that redefines one of these tables (Prisma's new_<Table> / DROP / RENAME on
-- SQLite) drops its triggers and renumbers its rowids: it must end by running this file's
-- statements for that table again, all but CREATE VIRTUAL TABLE (the triggers, then 'rebuild').
-- `npm run db:check` refuses such a migration without them.

CREATE VIRTUAL TABLE "ClaimSearch" USING fts5("teamId", "statement", "quote", "rationale", content='Claim', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER "ClaimSearch_insert" AFTER INSERT ON "Claim" BEGIN
    INSERT INTO "ClaimSearch" (rowid, "teamId", "statement", "quote", "rationale") VALUES (new.rowid, new."teamId", new."statement", new."quote", new."rationale");
END;
CREATE TRIGGER "ClaimSearch_delete" AFTER DELETE ON "Claim" BEGIN
    INSERT INTO "ClaimSearch" ("ClaimSearch", rowid, "teamId", "statement", "quote", "rationale") VALUES ('delete', old.rowid, old."teamId", old."statement", old."quote", old."rationale");
END;
CREATE TRIGGER "ClaimSearch_update" AFTER UPDATE OF "teamId", "statement", "quote", "rationale" ON "Claim" BEGIN
    INSERT INTO "ClaimSearch" ("ClaimSearch", rowid, "teamId", "statement", "quote", "rationale") VALUES ('delete', old.rowid, old."teamId", old."statement", old."quote", old."rationale");
    INSERT INTO "ClaimSearch" (rowid, "teamId", "statement", "quote", "rationale") VALUES (new.rowid, new."teamId", new."statement", new."quote", new."rationale");
END;
INSERT INTO "ClaimSearch" ("ClaimSearch") VALUES ('rebuild');

CREATE VIRTUAL TABLE "CommentSearch" USING fts5("teamId", "body", content='ClaimComment', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER "CommentSearch_insert" AFTER INSERT ON "ClaimComment" BEGIN
    INSERT INTO "CommentSearch" (rowid, "teamId", "body") VALUES (new.rowid, new."teamId", new."body");
END;
CREATE TRIGGER "CommentSearch_delete" AFTER DELETE ON "ClaimComment" BEGIN
    INSERT INTO "CommentSearch" ("CommentSearch", rowid, "teamId", "body") VALUES ('delete', old.rowid, old."teamId", old."body");
END;
CREATE TRIGGER "CommentSearch_update" AFTER UPDATE OF "teamId", "body" ON "ClaimComment" BEGIN
    INSERT INTO "CommentSearch" ("CommentSearch", rowid, "teamId", "body") VALUES ('delete', old.rowid, old."teamId", old."body");
    INSERT INTO "CommentSearch" (rowid, "teamId", "body") VALUES (new.rowid, new."teamId", new."body");
END;
INSERT INTO "CommentSearch" ("CommentSearch") VALUES ('rebuild');

CREATE VIRTUAL TABLE "SourceSearch" USING fts5("teamId", "name", "notes", "reliability", content='Source', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER "SourceSearch_insert" AFTER INSERT ON "Source" BEGIN
    INSERT INTO "SourceSearch" (rowid, "teamId", "name", "notes", "reliability") VALUES (new.rowid, new."teamId", new."name", new."notes", new."reliability");
END;
CREATE TRIGGER "SourceSearch_delete" AFTER DELETE ON "Source" BEGIN
    INSERT INTO "SourceSearch" ("SourceSearch", rowid, "teamId", "name", "notes", "reliability") VALUES ('delete', old.rowid, old."teamId", old."name", old."notes", old."reliability");
END;
CREATE TRIGGER "SourceSearch_update" AFTER UPDATE OF "teamId", "name", "notes", "reliability" ON "Source" BEGIN
    INSERT INTO "SourceSearch" ("SourceSearch", rowid, "teamId", "name", "notes", "reliability") VALUES ('delete', old.rowid, old."teamId", old."name", old."notes", old."reliability");
    INSERT INTO "SourceSearch" (rowid, "teamId", "name", "notes", "reliability") VALUES (new.rowid, new."teamId", new."name", new."notes", new."reliability");
END;
INSERT INTO "SourceSearch" ("SourceSearch") VALUES ('rebuild');

CREATE VIRTUAL TABLE "ArticleSearch" USING fts5("teamId", "title", "outlet", content='Article', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER "ArticleSearch_insert" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "ArticleSearch" (rowid, "teamId", "title", "outlet") VALUES (new.rowid, new."teamId", new."title", new."outlet");
END;
CREATE TRIGGER "ArticleSearch_delete" AFTER DELETE ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("ArticleSearch", rowid, "teamId", "title", "outlet") VALUES ('delete', old.rowid, old."teamId", old."title", old."outlet");
END;
CREATE TRIGGER "ArticleSearch_update" AFTER UPDATE OF "teamId", "title", "outlet" ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("ArticleSearch", rowid, "teamId", "title", "outlet") VALUES ('delete', old.rowid, old."teamId", old."title", old."outlet");
    INSERT INTO "ArticleSearch" (rowid, "teamId", "title", "outlet") VALUES (new.rowid, new."teamId", new."title", new."outlet");
END;
INSERT INTO "ArticleSearch" ("ArticleSearch") VALUES ('rebuild');

CREATE VIRTUAL TABLE "ArticleTextSearch" USING fts5("teamId", "text", content='ArticleVersion', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER "ArticleTextSearch_insert" AFTER INSERT ON "ArticleVersion" BEGIN
    INSERT INTO "ArticleTextSearch" (rowid, "teamId", "text") VALUES (new.rowid, new."teamId", new."text");
END;
CREATE TRIGGER "ArticleTextSearch_delete" AFTER DELETE ON "ArticleVersion" BEGIN
    INSERT INTO "ArticleTextSearch" ("ArticleTextSearch", rowid, "teamId", "text") VALUES ('delete', old.rowid, old."teamId", old."text");
END;
CREATE TRIGGER "ArticleTextSearch_update" AFTER UPDATE OF "teamId", "text" ON "ArticleVersion" BEGIN
    INSERT INTO "ArticleTextSearch" ("ArticleTextSearch", rowid, "teamId", "text") VALUES ('delete', old.rowid, old."teamId", old."text");
    INSERT INTO "ArticleTextSearch" (rowid, "teamId", "text") VALUES (new.rowid, new."teamId", new."text");
END;
INSERT INTO "ArticleTextSearch" ("ArticleTextSearch") VALUES ('rebuild');
