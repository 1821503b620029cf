/**
 * Runs the real CLI in-process with string streams, and the real application behind it.
 */
import { PassThrough, Readable } from 'node:stream';
import { loadConfig } from '../../src/config/index.js';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { createApp } from '../../src/main.js';
import { silentLogger } from '../../src/core/logger.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCliForTest(argv: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const env = { DATABASE_URL: 'sqlite://:memory:', ...options.env };
  const code = await runCli(argv, {
    stdin: Readable.from([options.stdin ?? '']),
    stdout,
    stderr,
    env,
    createApp: (config) => createApp(config ?? loadConfig({ env }), { logger: silentLogger }),
  });
  return { code, stdout: out, stderr: err };
}
