/**
 * Where each token of a sentence stands in the sentence text, so cue patterns ("X, who …",
 * "he said") can be matched on the text around a run of tokens.
 */
import type { Sentence } from './sentences.js';

/** Character offsets `[start, end)` of each token in `sentence.text` (best effort: a token not found keeps the cursor). */
export function tokenOffsets(sentence: Sentence): Array<[number, number]> {
  const offsets: Array<[number, number]> = [];
  let cursor = 0;
  for (const token of sentence.tokens) {
    const at = sentence.text.indexOf(token.text, cursor);
    if (at === -1) {
      offsets.push([cursor, cursor]);
      continue;
    }
    offsets.push([at, at + token.text.length]);
    cursor = at + token.text.length;
  }
  return offsets;
}
