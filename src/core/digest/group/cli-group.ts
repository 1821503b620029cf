/**
 * `newsbrief group --jsonl`: story grouping on its own, for evaluation and scripting.
 * Reads JSON Lines items, groups them all at once, writes one `{"id","story"}` line per input line in
 * input order. A line that is not a valid item gets `{"id"?, "error"}` instead and is left out of grouping.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { groupStories } from './group-stories.js';
import { type ParsedLine, parseGroupInputLine } from './parse-input.js';
import type { GroupOptions } from './types.js';

async function writeLine(output: Writable, value: unknown): Promise<void> {
  if (!output.write(`${JSON.stringify(value)}\n`)) await once(output, 'drain');
}

/**
 * Groups JSON Lines items from `input` into stories and writes the assignment to `output`.
 * @param input - lines of `{"id","title","summary"?,"url"?,"source"?,"published"?}`; blank lines are skipped.
 * @param output - receives `{"id","story"}` per item (the story id is its earliest item's id).
 * @param options - grouping options, as for {@link groupStories}.
 */
export async function runGroupJsonl(input: Readable, output: Writable, options: GroupOptions = {}): Promise<void> {
  const lines: ParsedLine[] = [];
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line.trim() !== '') lines.push(parseGroupInputLine(line));
  }
  const items = lines.flatMap((line) => (line.ok ? [line.value] : []));
  const { storyOf } = groupStories(items, options);
  for (const line of lines) {
    if (line.ok) await writeLine(output, { id: line.value.id, story: storyOf.get(line.value.id) });
    else await writeLine(output, line.id === undefined ? { error: line.error } : { id: line.id, error: line.error });
  }
}
