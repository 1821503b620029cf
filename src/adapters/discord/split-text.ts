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
    const cut = space > max / 2 ? space : max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
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
