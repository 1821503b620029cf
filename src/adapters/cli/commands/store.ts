/** `newsbrief store copy --from <sqlite> --to postgres://… [--replace]`: move a deployment to PostgreSQL. */
import type { CliCommand } from '../command.js';
import { write } from '../command.js';
import { UsageError } from '../args.js';
import { ConfigError, NewsbriefError } from '../../../core/errors.js';
import { copySqliteToPostgres } from '../../../core/store/copy/copy-to-postgres.js';
import { parseStoreUrl, redactUrl } from '../../../core/store/store-url.js';

/** The SQLite file `--from` names (`sqlite://path` or a plain path). */
function sourcePath(from: string): string {
  const target = parseStoreUrl(from);
  if (target.kind !== 'sqlite') throw new UsageError(`store copy: --from must be a SQLite file (sqlite://path or a path), got ${redactUrl(from)}`);
  if (!target.path || target.path === ':memory:') throw new UsageError('store copy: --from needs the path of the SQLite file, e.g. sqlite://./data/newsbrief.db');
  return target.path;
}

/** The PostgreSQL URL `--to` names, checked like DATABASE_URL. */
function targetUrl(to: string): string {
  let target;
  try {
    target = parseStoreUrl(to);
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(`store copy: ${err.message.replace(/DATABASE_URL/g, '--to').replace(/ Set --to to .*$/, ' Use postgres://user:password@host:5432/database.')}`);
    throw err;
  }
  if (target.kind !== 'postgres') throw new UsageError(`store copy: --to must be a PostgreSQL URL (postgres://user:password@host:5432/database), got ${redactUrl(to)}`);
  return target.url;
}

export const storeCommand: CliCommand = {
  name: 'store',
  summary: 'copy a deployment from its SQLite file to PostgreSQL (store copy --from … --to …)',
  usage: `Usage: newsbrief store copy --from <sqlite://path | path> --to postgres://user:password@host:5432/database [--replace]

Copies every table of a newsbrief SQLite database (briefings, settings, cache, feeds, items, what each channel
has seen, schedules, digest slots, deliveries, installations) into PostgreSQL in one transaction, exactly:
ids, timestamps and delivered slots stay as they were, so the copied deployment never posts a digest twice.
The PostgreSQL schema is created or upgraded first; the SQLite file is only read. Stop newsbrief before copying.
  --from      the SQLite file (what DATABASE_URL named until now)
  --to        the PostgreSQL database; it must exist and hold no newsbrief data
  --replace   empty the PostgreSQL tables first (in the same transaction) instead of refusing`,
  options: { from: { type: 'string' }, to: { type: 'string' }, replace: { type: 'boolean' } },
  async run({ values, positionals }, ctx) {
    const [action, ...rest] = positionals;
    if (action !== 'copy') throw new UsageError(action ? `store: unknown action "${action}" (only: store copy)` : 'store: missing action: newsbrief store copy --from <sqlite> --to postgres://…');
    if (rest.length) throw new UsageError(`store copy: unexpected argument "${rest[0]}"`);
    if (typeof values.from !== 'string' || !values.from) throw new UsageError('store copy: give --from <sqlite://path | path>');
    if (typeof values.to !== 'string' || !values.to) throw new UsageError('store copy: give --to postgres://user:password@host:5432/database');
    const from = sourcePath(values.from);
    const to = targetUrl(values.to);
    let counts;
    try {
      counts = await copySqliteToPostgres(from, to, { replace: values.replace === true });
    } catch (err) {
      // The target's open error names DATABASE_URL; here the URL came from --to. Exit 1: the copy failed.
      if (err instanceof ConfigError) throw new NewsbriefError('BAD_INPUT', err.message.replace(/DATABASE_URL/g, '--to'), { cause: err });
      throw err;
    }
    const width = Math.max(...counts.map((c) => c.table.length));
    const total = counts.reduce((sum, c) => sum + c.rows, 0);
    write(ctx.stdout, [`Copied ${total} rows from ${from} to ${redactUrl(to)}:`, ...counts.map((c) => `  ${c.table.padEnd(width)}  ${c.rows}`)].join('\n'));
    return 0;
  },
};
