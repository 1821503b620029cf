/**
 * ROUGE as Google's `rouge_score` computes it (the scorer CNN/DM and XSum results are reported with):
 * lower-case, replace everything but [a-z0-9] by spaces, Porter-stem tokens longer than 3 characters,
 * ROUGE-N F1 over clipped n-gram counts, and ROUGE-Lsum as the summary-level union LCS over
 * newline-separated sentences.
 *
 * Stemmer: the `stemmer` package implements Porter's 1980 algorithm as published on tartarus.org
 * (with its `bli→ble` and `logi→log` revisions). rouge_score uses NLTK's `PorterStemmer()` in its default
 * NLTK_EXTENSIONS mode, which additionally maps a few irregular forms (`dying→die`, `skies→sky`,
 * `news→news`), keeps `y` after a vowel (`days→day`, where Porter gives `dai`), turns `ies` into `ie` on
 * four-letter words and adds `fulli→ful` and `lessli→less`. Both sides of a comparison are stemmed the
 * same way, so these differences change a score only when two surface forms meet under one stem and not
 * the other; on the dev sets Lead-3 reproduces the published figures to within 0.1 (see README).
 */
import { stemmedWords } from '../nlp/stemmed-words.js';

export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

export interface RougeScores {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeLsum: RougeScore;
}

/**
 * Tokenizes like rouge_score's default tokenizer with `use_stemmer=True` (nlp/stemmed-words.ts).
 * @param text - any text
 */
export function tokenizeForRouge(text: string): string[] {
  return stemmedWords(text);
}

function toScore(overlap: number, predicted: number, reference: number): RougeScore {
  const precision = predicted > 0 ? overlap / predicted : 0;
  const recall = reference > 0 ? overlap / reference : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function countNgrams(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i += 1) {
    const gram = n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/**
 * ROUGE-N of token lists (already tokenized with {@link tokenizeForRouge}).
 * @param reference - reference tokens
 * @param candidate - candidate tokens
 */
export function rougeN(reference: string[], candidate: string[], n: number): RougeScore {
  const refCounts = countNgrams(reference, n);
  const candCounts = countNgrams(candidate, n);
  let overlap = 0;
  for (const [gram, count] of candCounts) overlap += Math.min(count, refCounts.get(gram) ?? 0);
  return toScore(overlap, Math.max(candidate.length - n + 1, 0), Math.max(reference.length - n + 1, 0));
}

/** Indexes into `reference` of one longest common subsequence with `candidate` (rouge_score's lcs_ind). */
function lcsIndexes(reference: string[], candidate: string[]): number[] {
  const rows = reference.length;
  const cols = candidate.length;
  const table: Uint16Array[] = Array.from({ length: rows + 1 }, () => new Uint16Array(cols + 1));
  for (let i = 1; i <= rows; i += 1) {
    const row = table[i]!;
    const previous = table[i - 1]!;
    for (let j = 1; j <= cols; j += 1) {
      row[j] = reference[i - 1] === candidate[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    }
  }
  // Backtrack as rouge_score's _backtrack_norec does: move left only when strictly better.
  const picked: number[] = [];
  let i = rows;
  let j = cols;
  while (i > 0 && j > 0) {
    if (reference[i - 1] === candidate[j - 1]) {
      picked.unshift(i - 1);
      i -= 1;
      j -= 1;
    } else if (table[i]![j - 1]! > table[i - 1]![j]!) {
      j -= 1;
    } else {
      i -= 1;
    }
  }
  return picked;
}

/**
 * ROUGE-Lsum: for each reference sentence, the union of its LCS hits with every candidate sentence;
 * hits are clipped by token counts so a token is not credited more often than it occurs on either side.
 * @param reference - reference sentences, each tokenized
 * @param candidate - candidate sentences, each tokenized
 */
export function rougeLsum(reference: string[][], candidate: string[][]): RougeScore {
  const refTotal = reference.reduce((n, s) => n + s.length, 0);
  const candTotal = candidate.reduce((n, s) => n + s.length, 0);
  const refCounts = new Map<string, number>();
  const candCounts = new Map<string, number>();
  for (const s of reference) for (const t of s) refCounts.set(t, (refCounts.get(t) ?? 0) + 1);
  for (const s of candidate) for (const t of s) candCounts.set(t, (candCounts.get(t) ?? 0) + 1);
  let hits = 0;
  for (const refSentence of reference) {
    const union = new Set<number>();
    for (const candSentence of candidate) {
      for (const j of lcsIndexes(refSentence, candSentence)) union.add(j);
    }
    for (const j of [...union].sort((a, b) => a - b)) {
      const token = refSentence[j]!;
      const inCand = candCounts.get(token) ?? 0;
      const inRef = refCounts.get(token) ?? 0;
      if (inCand > 0 && inRef > 0) {
        hits += 1;
        candCounts.set(token, inCand - 1);
        refCounts.set(token, inRef - 1);
      }
    }
  }
  return toScore(hits, candTotal, refTotal);
}

/**
 * Scores a candidate summary against a reference, both given as lists of sentences (bullets).
 * @param reference - reference sentences (joined with newlines for ROUGE-1/2, as rouge_score does)
 * @param candidate - candidate sentences
 */
export function scoreRouge(reference: string[], candidate: string[]): RougeScores {
  const refSentences = reference.map(tokenizeForRouge).filter((s) => s.length > 0);
  const candSentences = candidate.map(tokenizeForRouge).filter((s) => s.length > 0);
  const refTokens = refSentences.flat();
  const candTokens = candSentences.flat();
  return {
    rouge1: rougeN(refTokens, candTokens, 1),
    rouge2: rougeN(refTokens, candTokens, 2),
    rougeLsum: rougeLsum(refSentences, candSentences),
  };
}
