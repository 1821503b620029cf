/**
 * Word counting that works beyond spaces: a run of Chinese or Japanese characters counts as
 * one word per two characters, since those scripts do not separate words.
 */
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/** Roughly how many words `text` has. */
export function countWords(text: string): number {
  let words = 0;
  for (const token of text.match(TOKEN_RE) ?? []) {
    const cjk = token.match(CJK_RE)?.length ?? 0;
    words += cjk === 0 ? 1 : Math.max(1, Math.ceil(cjk / 2)) + (token.length - cjk > 0 ? 1 : 0);
  }
  return words;
}
