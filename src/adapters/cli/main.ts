#!/usr/bin/env node
/** The `newsbrief` executable. */
import { createApp } from '../../main.js';
import { runCli } from './run-cli.js';

const code = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  createApp,
});
process.exitCode = code;
