/**
 * A throwaway PostgreSQL server for tests: initdb into a temp dir, start on 127.0.0.1 and a free
 * port (fsync off), trust login for the `postgres` role, a fresh database per call to
 * createDatabase(), and everything stopped and deleted by stop(). Root cannot run postgres, so
 * under root the server runs as the `postgres` OS user.
 *
 * Binaries: $NEWSBRIEF_PG_BIN, else the newest /usr/lib/postgresql/<version>/bin. When none is
 * found, postgresUnavailable() says why and the PostgreSQL suites skip.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';

export interface PostgresServer {
  port: number;
  /** Milliseconds initdb + start took. */
  startMs: number;
  /** A new, empty database; returns its URL. */
  createDatabase(prefix?: string): Promise<string>;
  /** Stops the server and deletes its files. */
  stop(): Promise<void>;
}

interface OsUser {
  uid: number;
  gid: number;
}

function findBinDir(): string | undefined {
  const fromEnv = process.env.NEWSBRIEF_PG_BIN;
  if (fromEnv) return fs.existsSync(path.join(fromEnv, 'postgres')) ? fromEnv : undefined;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

/** Under root: the `postgres` OS user to run the server as (postgres refuses to run as root). */
function serverUser(): OsUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  return uid && gid ? { uid: Number(uid), gid: Number(gid) } : undefined;
}

/** Why PostgreSQL tests cannot run here, or undefined when they can. */
export function postgresUnavailable(): string | undefined {
  if (!findBinDir()) return 'no PostgreSQL server binaries (set NEWSBRIEF_PG_BIN or install postgresql under /usr/lib/postgresql)';
  if (process.getuid?.() === 0 && !serverUser()) return 'running as root and there is no `postgres` OS user to run the server as';
  return undefined;
}

/** Starts a server (see the file comment). */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = findBinDir();
  if (!bin) throw new Error(postgresUnavailable());
  const user = serverUser();
  const t0 = performance.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbrief-pg-'));
  const data = path.join(dir, 'data');
  if (user) fs.chownSync(dir, user.uid, user.gid);
  const asUser = { cwd: dir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' }, ...(user ?? {}) };

  const init = spawnSync(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'], { ...asUser, encoding: 'utf8' });
  if (init.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${init.stderr || init.error?.message}`);
  }
  const port = await freePort();
  const child = spawn(
    path.join(bin, 'postgres'),
    ['-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', dir, '-F', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=60', '-c', 'shared_buffers=16MB'],
    { ...asUser, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // If the test process dies without stop(), take the server down with it (immediate shutdown).
  const onExit = (): void => {
    child.kill('SIGQUIT');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  await waitReady(child);
  const startMs = performance.now() - t0;

  let counter = 0;
  return {
    port,
    startMs,
    async createDatabase(prefix = 'nb') {
      const name = `${prefix}_${process.pid}_${++counter}`;
      const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      process.removeListener('exit', onExit);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGINT'); // fast shutdown: ends sessions, no checkpoint wait for clients
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves when the server logs that it accepts connections; rejects if it exits or stalls first. */
function waitReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const done = (err?: Error): void => {
      clearTimeout(timer);
      child.stderr?.removeListener('data', onData);
      child.removeListener('exit', onExit);
      child.stderr?.resume(); // keep draining so the server never blocks on a full pipe
      if (!err) return resolve();
      child.kill('SIGKILL');
      reject(err);
    };
    const onData = (chunk: Buffer): void => {
      log += chunk.toString();
      if (log.includes('ready to accept connections')) done();
    };
    const onExit = (code: number | null): void => done(new Error(`postgres exited (${code}) before it was ready:\n${log}`));
    const timer = setTimeout(() => done(new Error(`postgres did not start in 15 s:\n${log}`)), 15_000);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}
