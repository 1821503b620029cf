#!/usr/bin/env node
/** The `newsbrief` executable. */
import path from 'node:path';
import { readDotEnv } from '../../config/load.js';
import { runCli } from './run-cli.js';

const code = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  // A .env file in the working directory, with the process environment winning.
  env: { ...readDotEnv(path.resolve('.env')), ...process.env },
  // Loaded only by commands that need the whole application.
  createApp: async (config) => (await import('../../main.js')).createApp(config),
});
process.exitCode = code;
