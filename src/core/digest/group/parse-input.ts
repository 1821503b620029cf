/**
 * Parses one JSON line into a {@link GroupInput}, with a message naming what is wrong when it is not one.
 */
import { z } from 'zod';
import type { GroupInput } from './types.js';

const groupInputSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  summary: z.string().nullish(),
  url: z.string().optional(),
  source: z.string().optional(),
  published: z.string().optional(),
});

export type ParsedLine =
  | { ok: true; value: GroupInput; raw: Record<string, unknown> }
  | { ok: false; id?: string; error: string };

/**
 * @param line - one line of JSON Lines input.
 * @returns the item (and the raw object, for extra fields such as gold labels), or why the line was refused.
 */
export function parseGroupInputLine(line: string): ParsedLine {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { ok: false, error: 'Line is not valid JSON; expected {"id","title",...} on one line.' };
  }
  const parsed = groupInputSchema.safeParse(raw);
  if (parsed.success) {
    const { summary, url, source, published } = parsed.data;
    const value: GroupInput = { id: parsed.data.id, title: parsed.data.title };
    if (summary != null) value.summary = summary;
    if (url !== undefined) value.url = url;
    if (source !== undefined) value.source = source;
    if (published !== undefined) value.published = published;
    return { ok: true, value, raw: raw as Record<string, unknown> };
  }
  const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
    ? (raw as { id: string }).id
    : undefined;
  const problem = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || 'line'}: ${issue.message}`)
    .join('; ');
  const error = `Not a news item (${problem}); each line needs a string "id" and "title".`;
  return id === undefined ? { ok: false, error } : { ok: false, id, error };
}
