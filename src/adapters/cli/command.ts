/**
 * The shape of a CLI command, and the context every command runs in.
 */
import type { Readable, Writable } from 'node:stream';
import type { Config } from '../../config/index.js';
import type { App } from '../../main.js';
import type { OptionSpec } from './args.js';

export interface CliContext {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  /** Loads the configuration (once). */
  config(): Config;
  /** Builds the application (store, summarizers, core) once, lazily: `summarize` never opens the store. */
  app(): Promise<App>;
}

export interface CliCommand {
  name: string;
  /** One line for `newsbrief --help`. */
  summary: string;
  /** Full usage text for `newsbrief <name> --help`. */
  usage: string;
  options: OptionSpec;
  /** Returns the exit code. */
  run(args: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] }, ctx: CliContext): Promise<number>;
}

/** C0 and C1 control characters but tab and newline: an article must not drive the terminal (ESC, CSI, CR). */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Writes a line of text for a person, without control characters. */
export const write = (stream: Writable, text: string): void => {
  const safe = text.replace(TERMINAL_CONTROLS, '');
  stream.write(safe.endsWith('\n') ? safe : `${safe}\n`);
};
