/**
 * Moves a deployment from its SQLite file to PostgreSQL (`newsbrief store copy`): every table of
 * the store, row for row, in one PostgreSQL transaction.
 *
 * The copy is generic, table by table, with the column lists read from the two live schemas
 * rather than going through the Store's methods: those stamp new times and sequence numbers
 * (first-seen, updated-at, seq) and have no "list everything", while the point here is that
 * ids, timestamps, JSON, slot and delivery state arrive exactly as they were, so a copied
 * deployment never re-posts a delivered slot or treats old items as new.
 */
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { NewsbriefError } from '../../errors.js';
import { PG_MIGRATIONS } from '../postgres/migrations.js';
import { createPostgresStore } from '../postgres/pg-store.js';
import { withTransaction } from '../postgres/pg-database.js';
import { MIGRATIONS } from '../sqlite/migrations.js';
import { redactUrl } from '../store-url.js';
import { openSqliteSource, sqliteColumns } from './sqlite-source.js';

export interface CopyOptions {
  /** Empty the target's tables first (in the same transaction) instead of refusing a non-empty target. */
  replace?: boolean;
}

export interface TableCopyCount {
  table: string;
  rows: number;
}

interface PgColumn {
  name: string;
  type: string;
  serial: boolean;
}

/** The tables the migrations create, in creation order. */
export function tablesOf(migrations: readonly { sql: string }[]): string[] {
  return migrations.flatMap((m) => [...m.sql.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?([a-z_][a-z0-9_]*)/gi)].map((x) => x[1]!.toLowerCase()));
}

/** Every table of the store (the same in both schemas; a test holds them together). */
export const STORE_TABLES: readonly string[] = tablesOf(PG_MIGRATIONS);

/** Rows per INSERT: well under PostgreSQL's 65 535 parameters, and a bounded amount of JSON in memory. */
const BATCH_ROWS = 500;

/**
 * Copies the newsbrief SQLite database at `sqlitePath` into the PostgreSQL database at `pgUrl`,
 * whose schema is first brought up to date by opening it as a Store. The SQLite file is only read.
 * @returns the rows copied per table, in STORE_TABLES order
 * @throws NewsbriefError FORBIDDEN (nothing written) when the target already holds data and
 *   `replace` is not set; NOT_FOUND / BAD_INPUT for an unreadable source; ConfigError when the
 *   target cannot be opened (its message never holds the password)
 */
export async function copySqliteToPostgres(sqlitePath: string, pgUrl: string, options: CopyOptions = {}): Promise<TableCopyCount[]> {
  assertSameTables();
  const source = openSqliteSource(sqlitePath);
  try {
    const target = await createPostgresStore(pgUrl, { maxConnections: 1 });
    try {
      return await withTransaction(target.pool, (client) => copyTables(source, client, pgUrl, options));
    } finally {
      await target.close();
    }
  } finally {
    source.close();
  }
}

async function copyTables(source: Database.Database, client: pg.PoolClient, pgUrl: string, options: CopyOptions): Promise<TableCopyCount[]> {
  const list = STORE_TABLES.map(quote).join(', ');
  // No other instance writes (or reads half a copy) until this transaction ends.
  await client.query(`LOCK TABLE ${list} IN ACCESS EXCLUSIVE MODE`);
  const filled: string[] = [];
  for (const table of STORE_TABLES) {
    const { rows } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quote(table)}) AS any`);
    if (rows[0]?.any) filled.push(table);
  }
  if (filled.length && !options.replace) {
    throw new NewsbriefError('FORBIDDEN', `${redactUrl(pgUrl)} already holds newsbrief data (${filled.join(', ')}); nothing was copied. Add --replace to overwrite it.`);
  }
  if (filled.length) await client.query(`TRUNCATE ${list}`);

  // One read transaction on the source: a consistent snapshot even if an instance is still writing to it.
  source.exec('BEGIN');
  try {
    const counts: TableCopyCount[] = [];
    for (const table of STORE_TABLES) counts.push({ table, rows: await copyTable(source, client, table) });
    return counts;
  } finally {
    source.exec('COMMIT');
  }
}

/** Copies one table; returns its row count. */
async function copyTable(source: Database.Database, client: pg.PoolClient, table: string): Promise<number> {
  const columns = await pgColumns(client, table);
  const select = sourceSelect(table, columns, sqliteColumns(source, table));
  const insert = `INSERT INTO ${quote(table)} (${columns.map((c) => quote(c.name)).join(', ')}) VALUES `;
  // Integers as BigInt: ids and expiry times beyond 2^53 arrive exact.
  const rows = source.prepare(select).safeIntegers(true).raw(true).iterate() as IterableIterator<unknown[]>;
  let batch: unknown[][] = [];
  let count = 0;
  const flush = async (): Promise<void> => {
    if (!batch.length) return;
    const params = batch.flatMap((row) => row.map((v, i) => toPg(v, columns[i]!)));
    const tuples = batch.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
    await client.query(insert + tuples.join(', '), params);
    count += batch.length;
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
  // New rows must not reuse a copied sequence number.
  for (const c of columns.filter((col) => col.serial)) {
    await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(MAX(${quote(c.name)}), 0) + 1, false) FROM ${quote(table)}`, [table, c.name]);
  }
  return count;
}

/**
 * The SELECT that yields the source's rows in the target's column order. PostgreSQL's `seq`
 * stands in for SQLite's rowid (the tie-breaker between rows saved at the same instant), so it
 * takes the rowid and the order between such rows survives.
 */
function sourceSelect(table: string, target: PgColumn[], sourceColumns: string[]): string {
  const missing = sourceColumns.filter((s) => !target.some((c) => c.name === s));
  if (missing.length) throw new Error(`store copy: ${table}.${missing.join(', ')} exists in SQLite but not in PostgreSQL`);
  const exprs = target.map((c) => {
    if (sourceColumns.includes(c.name)) return quote(c.name);
    if (c.serial && c.name === 'seq') return 'rowid';
    throw new Error(`store copy: ${table}.${c.name} exists in PostgreSQL but not in SQLite`);
  });
  return `SELECT ${exprs.join(', ')} FROM ${quote(table)} ORDER BY rowid`;
}

async function pgColumns(client: pg.PoolClient, table: string): Promise<PgColumn[]> {
  const { rows } = await client.query<{ name: string; type: string; dflt: string | null }>(
    `SELECT column_name AS name, data_type AS type, column_default AS dflt FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => ({ name: r.name, type: r.type, serial: r.dflt?.startsWith('nextval(') ?? false }));
}

/** A SQLite value as PostgreSQL takes it: 0/1 into BOOLEAN columns, BigInt as exact decimal text. */
function toPg(value: unknown, column: PgColumn): unknown {
  if (value === null || value === undefined) return null;
  if (column.type === 'boolean') return value === true || (typeof value !== 'boolean' && Number(value) !== 0);
  return typeof value === 'bigint' ? value.toString() : value;
}

function quote(identifier: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(identifier)) throw new Error(`store copy: unexpected identifier ${identifier}`);
  return `"${identifier}"`;
}

/** A table only one schema has would be silently left behind: stop instead. */
function assertSameTables(): void {
  const sqlite = [...new Set(tablesOf(MIGRATIONS))].sort().join(', ');
  const postgres = [...new Set(STORE_TABLES)].sort().join(', ');
  if (sqlite !== postgres) throw new Error(`store copy: the SQLite tables (${sqlite}) differ from the PostgreSQL ones (${postgres})`);
}
