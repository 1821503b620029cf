/**
 * Cutting text to Discord's length limits without losing any of it: split at line breaks,
 * then at spaces, and only as a last resort inside a word. Pure functions.
 */

/** Shorten `text` to at most `max` characters, ending in an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** Split one line into pieces of at most `max` characters, preferring spaces. */
function splitLine(line: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > max) {
    const space = rest.lastIndexOf(' ', max);
    // A cut in the first half would waste most of the chunk: cut the word instead.
    const cut = space > max / 2 ? space : safeCut(rest, max);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

/**
 * Moves a hard cut at `index` back so it neither splits a surrogate pair (an emoji) nor separates a
 * markdown escape's backslash from the character it escapes.
 */
function safeCut(text: string, index: number): number {
  let cut = index;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  let backslashes = 0;
  while (cut - backslashes - 1 >= 0 && text[cut - backslashes - 1] === '\\') backslashes += 1;
  if (backslashes % 2 === 1) cut -= 1;
  return cut > 0 ? cut : index;
}

/**
 * Group lines into chunks of at most `max` characters (joined by `\n`); a line longer than
 * `max` is split across chunks. Every character of the input except the separators survives.
 */
export function chunkLines(lines: readonly string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines.flatMap((l) => (l.length > max ? splitLine(l, max) : [l]))) {
    const next = current === '' ? line : `${current}\n${line}`;
    if (next.length <= max) {
      current = next;
    } else {
      if (current !== '') chunks.push(current);
      current = line;
    }
  }
  if (current.trim() !== '') chunks.push(current);
  return chunks;
}
