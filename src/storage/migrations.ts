/**
 * The schema, as a versioned list of migrations shared by both databases. Each store applies the
 * ones it has not recorded in `schema_migrations`, in order, once, under a lock (SQLite: one
 * `BEGIN IMMEDIATE` write transaction; PostgreSQL: a transaction-scoped advisory lock), so two
 * processes starting together never apply one twice.
 *
 * Append new migrations; never edit one that has shipped (a database that applied it would not see
 * the change). The two dialects differ only where they must: the insertion-order column (SQLite
 * `INTEGER PRIMARY KEY AUTOINCREMENT`, PostgreSQL an identity column) and integer widths.
 */

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

/**
 * Uniqueness per server on the article id, the canonical URL and the content hash is enforced by
 * the database, not by a check before the insert, so two concurrent adds of one URL (two members,
 * two processes) cannot both succeed. NULL URLs (file uploads) never collide: SQLite and
 * PostgreSQL 15 both treat NULLs as distinct in a UNIQUE constraint.
 *
 * Times: `added_at` is the ISO text the interface speaks (exact round-trip on both); add records
 * use epoch milliseconds so quota windows compare as numbers.
 */
const ARTICLES_COLUMNS = `
  guild_id TEXT NOT NULL,
  article_id TEXT NOT NULL,
  source_url TEXT,
  source_file TEXT,
  content_hash TEXT NOT NULL,
  document TEXT NOT NULL,
  title TEXT NOT NULL,
  site TEXT,
  author TEXT,
  published TEXT,
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL,
  paragraphs INTEGER NOT NULL,
  quotes INTEGER NOT NULL,
  CONSTRAINT library_articles_id UNIQUE (guild_id, article_id),
  CONSTRAINT library_articles_url UNIQUE (guild_id, source_url),
  CONSTRAINT library_articles_hash UNIQUE (guild_id, content_hash)`;

const SETTINGS_TABLE = `CREATE TABLE library_settings (
  guild_id TEXT PRIMARY KEY,
  manager_role_id TEXT,
  max_articles INTEGER NOT NULL,
  max_article_bytes INTEGER NOT NULL,
  adds_per_hour INTEGER NOT NULL,
  adds_per_user_per_hour INTEGER NOT NULL
)`;

const CACHE_TABLE = `CREATE TABLE analysis_cache (
  cache_key TEXT PRIMARY KEY,
  value TEXT NOT NULL
)`;

const ADDS_INDEXES = `
CREATE INDEX library_adds_guild ON library_adds (guild_id, at_ms);
CREATE INDEX library_adds_user ON library_adds (guild_id, user_id, at_ms)`;

/**
 * "Who said it?" (issue #16). A round's quote, choices and reveal are one JSON payload written once
 * at the start (the quiz never re-reads the knowledge base to close a round, so a restart or another
 * process can close it). The primary key of `quiz_answers` (round, user) is what keeps a member to
 * one answer a round and scores from double-counting: scores are sums over it, never a counter.
 * `quiz_used` remembers the quotes a server has seen, so none repeats until its pool is used up.
 */
function quizTables(big: string): string {
  return `
CREATE TABLE quiz_games (
  quiz_id TEXT PRIMARY KEY,
  guild_id TEXT NOT NULL,
  channel_id TEXT,
  started_by TEXT NOT NULL,
  rounds INTEGER NOT NULL,
  created_ms ${big} NOT NULL
);
CREATE INDEX quiz_games_guild ON quiz_games (guild_id, created_ms);
CREATE TABLE quiz_rounds (
  round_id TEXT PRIMARY KEY,
  quiz_id TEXT NOT NULL REFERENCES quiz_games (quiz_id) ON DELETE CASCADE,
  guild_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  quote_key TEXT NOT NULL,
  payload TEXT NOT NULL,
  correct INTEGER NOT NULL,
  starts_ms ${big},
  ends_ms ${big},
  revealed INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT quiz_rounds_number UNIQUE (quiz_id, number)
);
CREATE TABLE quiz_answers (
  round_id TEXT NOT NULL REFERENCES quiz_rounds (round_id) ON DELETE CASCADE,
  guild_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  choice INTEGER NOT NULL,
  correct INTEGER NOT NULL,
  at_ms ${big} NOT NULL,
  CONSTRAINT quiz_answers_once PRIMARY KEY (round_id, user_id)
);
CREATE INDEX quiz_answers_guild ON quiz_answers (guild_id, user_id);
CREATE TABLE quiz_used (
  guild_id TEXT NOT NULL,
  quote_key TEXT NOT NULL,
  used_ms ${big} NOT NULL,
  CONSTRAINT quiz_used_once PRIMARY KEY (guild_id, quote_key)
)`;
}

/**
 * Corrections (issue #16): a statement is named by its article, its content offsets and the sha256
 * of its content text, so a correction survives re-analysis when the words are still there and is
 * flagged when they are not. Feedback is one vote per member per answer (a second press replaces it).
 */
const CORRECTIONS_COLUMNS = `
  guild_id TEXT NOT NULL,
  article_id TEXT NOT NULL,
  paragraph INTEGER NOT NULL,
  content_start INTEGER NOT NULL,
  content_end INTEGER NOT NULL,
  text_hash TEXT NOT NULL,
  text TEXT NOT NULL,
  from_label TEXT NOT NULL,
  to_name TEXT,
  to_role TEXT,
  to_affiliation TEXT,
  to_speaker_id TEXT,
  to_source TEXT NOT NULL,
  proposed_by TEXT NOT NULL,
  proposed_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
  decided_by TEXT,
  decided_at TEXT`;

const CORRECTIONS_REST = `CREATE INDEX corrections_guild ON corrections (guild_id, status, id);
CREATE TABLE answer_feedback (
  guild_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  answer_key TEXT NOT NULL,
  command TEXT NOT NULL,
  vote INTEGER NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (guild_id, user_id, answer_key)
)`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'library articles, settings, add records, analysis cache',
    sqlite: `
CREATE TABLE library_articles (seq INTEGER PRIMARY KEY AUTOINCREMENT, ${ARTICLES_COLUMNS});
${SETTINGS_TABLE};
CREATE TABLE library_adds (seq INTEGER PRIMARY KEY AUTOINCREMENT, guild_id TEXT NOT NULL, user_id TEXT NOT NULL, at_ms INTEGER NOT NULL);
${ADDS_INDEXES};
${CACHE_TABLE};`,
    postgres: `
CREATE TABLE library_articles (seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, ${ARTICLES_COLUMNS});
${SETTINGS_TABLE};
CREATE TABLE library_adds (seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, guild_id TEXT NOT NULL, user_id TEXT NOT NULL, at_ms BIGINT NOT NULL);
${ADDS_INDEXES};
${CACHE_TABLE};`,
  },
  {
    version: 2,
    name: 'quiz games, rounds, answers, used quotes',
    sqlite: `${quizTables('INTEGER')};`,
    postgres: `${quizTables('BIGINT')};`,
  },
  {
    version: 3,
    name: 'speaker corrections by the group, answer feedback',
    sqlite: `
CREATE TABLE corrections (id INTEGER PRIMARY KEY AUTOINCREMENT, ${CORRECTIONS_COLUMNS});
${CORRECTIONS_REST};`,
    postgres: `
CREATE TABLE corrections (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, ${CORRECTIONS_COLUMNS});
${CORRECTIONS_REST};`,
  },
  {
    // Version 4 (2 and 3 are the quiz's and the corrections'): one row per server holding its built
    // library (parsed articles, analyses, paragraph index) under a key of its articles' contents, so a cold
    // server loads without parsing and indexing again; replaced whenever the library changes.
    version: 4,
    name: 'per-server built library cache',
    sqlite: `CREATE TABLE library_server_cache (guild_id TEXT PRIMARY KEY, cache_key TEXT NOT NULL, value BLOB NOT NULL);`,
    postgres: `CREATE TABLE library_server_cache (guild_id TEXT PRIMARY KEY, cache_key TEXT NOT NULL, value BYTEA NOT NULL);`,
  },
];

/** The bookkeeping table both stores create before reading which migrations ran. */
export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;
