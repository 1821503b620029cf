/**
 * Argument parsing for the CLI on node:util parseArgs (strict): an unknown flag or a missing
 * input is a UsageError, printed as one line with exit code 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  override name = 'UsageError';
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parses argv strictly; `--help`/`-h` is always accepted. */
export function parseCommandArgs(argv: string[], options: OptionSpec, command: string): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (err) {
    const msg = (err as Error).message.split('\n')[0]!.replace(/^Unknown option '(.+?)'.*$/, "unknown option '$1'").replace(/\. To specify a positional.*$/, '');
    throw new UsageError(`${command}: ${msg} (see newsbrief ${command} --help)`);
  }
}
