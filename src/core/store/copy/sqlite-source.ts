/**
 * The SQLite side of `newsbrief store copy`: the deployment's file opened read-only (never
 * modified), and a file from an older newsbrief brought up to the current schema in memory.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { NewsbriefError } from '../../errors.js';
import { MIGRATIONS } from '../sqlite/migrations.js';
import { migrate } from '../sqlite/sqlite-store.js';

const LATEST = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Opens the newsbrief SQLite database at `file` for reading. An older schema is upgraded in an
 * in-memory copy, so the file itself is never written.
 * @throws NewsbriefError NOT_FOUND for a missing file, BAD_INPUT for a file that is not a newsbrief database
 */
export function openSqliteSource(file: string): Database.Database {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new NewsbriefError('NOT_FOUND', `No SQLite database at ${file}: give the file DATABASE_URL named (sqlite://./data/newsbrief.db).`);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = schemaVersion(db, file);
    if (version > LATEST) {
      throw new NewsbriefError('BAD_INPUT', `${file} was written by a newer newsbrief (schema ${version}, this one knows ${LATEST}): copy it with that version.`);
    }
    if (version === LATEST) return db;
    // An older file: upgrade a copy in memory rather than the file itself.
    const image = db.serialize();
    // Bytes 18-19 say WAL (2), which an in-memory database cannot open; 1 is the rollback journal.
    image[18] = 1;
    image[19] = 1;
    const copy = new Database(image);
    db.close();
    migrate(copy);
    return copy;
  } catch (err) {
    db?.close();
    if (err instanceof NewsbriefError) throw err;
    throw new NewsbriefError('BAD_INPUT', `Cannot read ${file} as a newsbrief database: ${(err as Error).message}.`, { cause: err });
  }
}

function schemaVersion(db: Database.Database, file: string): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!table) throw new NewsbriefError('BAD_INPUT', `${file} is not a newsbrief database (it has no schema_migrations table).`);
  return (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
}

/** The column names of a SQLite table, in order. */
export function sqliteColumns(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
}
