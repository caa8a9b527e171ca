/**
 * Corrections by the group and answer feedback (issue #16), in the library database. One
 * implementation over both dialects: every operation is a single statement (an insert, an update
 * `… WHERE status = 'pending' RETURNING`, an upsert), so it is atomic on SQLite and PostgreSQL alike
 * without a transaction, and two managers deciding one correction at once cannot both win.
 */

/** A stored correction. Offsets are body offsets of the statement's content when it was proposed. */
export interface StoredCorrection {
  id: number;
  guildId: string;
  articleId: string;
  paragraph: number;
  contentStart: number;
  contentEnd: number;
  /** sha256 (hex) of the content text at proposal time. */
  textHash: string;
  text: string;
  /** The attribution shown before. */
  fromLabel: string;
  /** The proposed speaker; null name: "the article does not name who". */
  toName: string | null;
  toRole: string | null;
  toAffiliation: string | null;
  toSpeakerId: string | null;
  toSource: string;
  proposedBy: string;
  proposedAt: string;
  status: 'pending' | 'accepted' | 'rejected';
  decidedBy: string | null;
  decidedAt: string | null;
}

export type NewCorrection = Omit<StoredCorrection, 'id' | 'status' | 'decidedBy' | 'decidedAt'>;

export interface FeedbackCount {
  command: string;
  up: number;
  down: number;
}

export interface CorrectionStore {
  /** Stores a pending correction; returns its id. */
  propose(c: NewCorrection): Promise<number>;
  /** Pending corrections of a server, oldest first, at most `limit`. */
  pending(guildId: string, limit: number): Promise<StoredCorrection[]>;
  countPending(guildId: string): Promise<number>;
  /** Accepted corrections of a server, in the order they were decided. */
  accepted(guildId: string): Promise<StoredCorrection[]>;
  /** Decides a pending correction; undefined when there is none with that id in that server (or it was decided already). */
  decide(guildId: string, id: number, accept: boolean, by: string, at: string): Promise<StoredCorrection | undefined>;
  get(guildId: string, id: number): Promise<StoredCorrection | undefined>;
  /** One member's vote on one answer; a second vote replaces the first. */
  vote(guildId: string, userId: string, answerKey: string, command: string, up: boolean, at: string): Promise<void>;
  feedbackCounts(guildId: string): Promise<FeedbackCount[]>;
}

/** Runs one statement with `?` placeholders and returns its rows (none for a statement without). */
export type RunSql = (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

const COLUMNS = [
  'guild_id',
  'article_id',
  'paragraph',
  'content_start',
  'content_end',
  'text_hash',
  'text',
  'from_label',
  'to_name',
  'to_role',
  'to_affiliation',
  'to_speaker_id',
  'to_source',
  'proposed_by',
  'proposed_at',
  'status',
] as const;

const TEXT_MAX = 4000;
const NAME_MAX = 300;

/** PostgreSQL TEXT cannot hold U+0000; neither store accepts it, and lengths are bounded. */
function clean(s: string, max: number): string {
  return s.split('\u0000').join('').slice(0, max);
}

function toCorrection(r: Record<string, unknown>): StoredCorrection {
  const text = (k: string) => (r[k] === null || r[k] === undefined ? null : String(r[k]));
  return {
    id: Number(r.id),
    guildId: String(r.guild_id),
    articleId: String(r.article_id),
    paragraph: Number(r.paragraph),
    contentStart: Number(r.content_start),
    contentEnd: Number(r.content_end),
    textHash: String(r.text_hash),
    text: String(r.text),
    fromLabel: String(r.from_label),
    toName: text('to_name'),
    toRole: text('to_role'),
    toAffiliation: text('to_affiliation'),
    toSpeakerId: text('to_speaker_id'),
    toSource: String(r.to_source),
    proposedBy: String(r.proposed_by),
    proposedAt: String(r.proposed_at),
    status: String(r.status) as StoredCorrection['status'],
    decidedBy: text('decided_by'),
    decidedAt: text('decided_at'),
  };
}

/** The correction store of one library database; `dialect` picks the placeholder style. */
export class SqlCorrectionStore implements CorrectionStore {
  constructor(
    private readonly runSql: RunSql,
    private readonly dialect: 'sqlite' | 'postgres',
  ) {}

  private q(sql: string, params: unknown[]): Promise<Array<Record<string, unknown>>> {
    let n = 0;
    return this.runSql(this.dialect === 'postgres' ? sql.replace(/\?/g, () => `$${++n}`) : sql, params);
  }

  async propose(c: NewCorrection): Promise<number> {
    for (const n of [c.paragraph, c.contentStart, c.contentEnd]) if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`bad offset ${n}`);
    const values = [
      c.guildId,
      c.articleId,
      c.paragraph,
      c.contentStart,
      c.contentEnd,
      c.textHash,
      clean(c.text, TEXT_MAX),
      clean(c.fromLabel, NAME_MAX),
      c.toName === null ? null : clean(c.toName, NAME_MAX),
      c.toRole === null ? null : clean(c.toRole, NAME_MAX),
      c.toAffiliation === null ? null : clean(c.toAffiliation, NAME_MAX),
      c.toSpeakerId === null ? null : clean(c.toSpeakerId, NAME_MAX),
      clean(c.toSource, NAME_MAX),
      c.proposedBy,
      c.proposedAt,
      'pending',
    ];
    const rows = await this.q(`INSERT INTO corrections (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')}) RETURNING id`, values);
    return Number(rows[0]!.id);
  }

  async pending(guildId: string, limit: number): Promise<StoredCorrection[]> {
    return (await this.q("SELECT * FROM corrections WHERE guild_id = ? AND status = 'pending' ORDER BY id LIMIT ?", [guildId, limit])).map(toCorrection);
  }

  async countPending(guildId: string): Promise<number> {
    return Number((await this.q("SELECT COUNT(*) AS n FROM corrections WHERE guild_id = ? AND status = 'pending'", [guildId]))[0]!.n);
  }

  async accepted(guildId: string): Promise<StoredCorrection[]> {
    return (await this.q("SELECT * FROM corrections WHERE guild_id = ? AND status = 'accepted' ORDER BY decided_at, id", [guildId])).map(toCorrection);
  }

  async decide(guildId: string, id: number, accept: boolean, by: string, at: string): Promise<StoredCorrection | undefined> {
    if (!Number.isSafeInteger(id) || id <= 0) return undefined;
    const rows = await this.q(
      "UPDATE corrections SET status = ?, decided_by = ?, decided_at = ? WHERE guild_id = ? AND id = ? AND status = 'pending' RETURNING *",
      [accept ? 'accepted' : 'rejected', by, at, guildId, id],
    );
    return rows[0] ? toCorrection(rows[0]) : undefined;
  }

  async get(guildId: string, id: number): Promise<StoredCorrection | undefined> {
    if (!Number.isSafeInteger(id) || id <= 0) return undefined;
    const rows = await this.q('SELECT * FROM corrections WHERE guild_id = ? AND id = ?', [guildId, id]);
    return rows[0] ? toCorrection(rows[0]) : undefined;
  }

  async vote(guildId: string, userId: string, answerKey: string, command: string, up: boolean, at: string): Promise<void> {
    await this.q(
      `INSERT INTO answer_feedback (guild_id, user_id, answer_key, command, vote, at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (guild_id, user_id, answer_key) DO UPDATE SET vote = excluded.vote, at = excluded.at`,
      [guildId, userId, clean(answerKey, 100), clean(command, 40), up ? 1 : -1, at],
    );
  }

  async feedbackCounts(guildId: string): Promise<FeedbackCount[]> {
    const rows = await this.q(
      `SELECT command, SUM(CASE WHEN vote > 0 THEN 1 ELSE 0 END) AS up, SUM(CASE WHEN vote < 0 THEN 1 ELSE 0 END) AS down
       FROM answer_feedback WHERE guild_id = ? GROUP BY command ORDER BY command`,
      [guildId],
    );
    return rows.map((r) => ({ command: String(r.command), up: Number(r.up), down: Number(r.down) }));
  }
}
