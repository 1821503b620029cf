/**
 * Sentence features for the learned scorer. Cheap on purpose: the whole summarize path has a 5 ms
 * budget per article, so everything here is one pass over tokens wink already produced.
 */
import type { Sentence, Token } from '../../nlp/sentences.js';

/** Feature names, in the order of {@link sentenceFeatures}' vectors (and of the weights file). */
export const FEATURE_NAMES = [
  'first',
  'second',
  'third',
  'inversePosition',
  'relativePosition',
  'words',
  'wordsSquared',
  'short',
  'centroid',
  'leadSimilarity',
  'properNouns',
  'hasNumber',
  'quoted',
  'question',
  'saysVerb',
  'startsWithPronoun',
  'keywordCoverage',
  'keywordDensity',
  'fourthOrFifth',
  'mainEntity',
  'repeatedNames',
  'idfCentroid',
  'firstSimilarity',
  'logSentences',
  'leadInLongArticle',
] as const;

/** How many of the article's most frequent content terms count as its keywords. */
const KEYWORDS = 10;

const PRONOUN_START = /^(?:he|she|it|they|this|that|these|those|his|her|its|their|we|i|you)$/;
const SAYS = new Set(['said', 'says', 'say', 'told', 'added', 'according']);

function isWord(token: Token): boolean {
  return token.type === 'word' || token.type === 'number';
}

/** Content terms of a sentence: lower-case normal forms of non-stop words and numbers. */
export function contentTerms(sentence: Sentence): string[] {
  const terms: string[] = [];
  for (const t of sentence.tokens) {
    if (isWord(t) && !t.stop && t.normal.length > 1) terms.push(t.normal);
  }
  return terms;
}

function termCounts(lists: string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const list of lists) for (const t of list) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

function cosine(terms: string[], vector: Map<string, number>, vectorNorm: number): number {
  if (terms.length === 0 || vectorNorm === 0) return 0;
  const own = termCounts([terms]);
  let dot = 0;
  let ownNorm = 0;
  for (const [t, c] of own) {
    dot += c * (vector.get(t) ?? 0);
    ownNorm += c * c;
  }
  return dot / (Math.sqrt(ownNorm) * vectorNorm);
}

/**
 * Cosine of a sentence to the article's centroid with terms weighted by inverse sentence frequency,
 * so the article's rare, specific terms count more than words every sentence repeats.
 */
function idfCentroidSimilarities(terms: string[][]): number[] {
  const n = terms.length;
  const sentenceFrequency = new Map<string, number>();
  for (const list of terms) for (const t of new Set(list)) sentenceFrequency.set(t, (sentenceFrequency.get(t) ?? 0) + 1);
  const idf = (t: string): number => Math.log((n + 1) / (sentenceFrequency.get(t) ?? 1));
  const weighted = (list: string[]): Map<string, number> => {
    const vector = new Map<string, number>();
    for (const t of list) vector.set(t, (vector.get(t) ?? 0) + idf(t));
    return vector;
  };
  const centroid = weighted(terms.flat());
  const centroidNorm = norm(centroid) || 1;
  return terms.map((list) => {
    const own = weighted(list);
    let dot = 0;
    for (const [t, w] of own) dot += w * (centroid.get(t) ?? 0);
    return dot / ((norm(own) || 1) * centroidNorm);
  });
}

/** Share of a sentence's content terms that the first sentence also has (1 for the first itself). */
function firstSimilarity(own: string[], first: Set<string>, index: number): number {
  if (index === 0) return 1;
  return own.length === 0 ? 0 : own.filter((t) => first.has(t)).length / own.length;
}

function norm(vector: Map<string, number>): number {
  let sum = 0;
  for (const c of vector.values()) sum += c * c;
  return Math.sqrt(sum);
}

/**
 * One feature vector per sentence (see {@link FEATURE_NAMES}).
 * @param sentences - the article's sentences
 *
 * No title feature: the training data has no titles, so its weight could not be learned.
 */
export function sentenceFeatures(sentences: Sentence[]): number[][] {
  const terms = sentences.map(contentTerms);
  const centroid = termCounts(terms);
  const centroidNorm = norm(centroid);
  const lead = termCounts(terms.slice(0, 3));
  const leadNorm = norm(lead);
  const n = sentences.length;
  const keywords = new Set(
    [...centroid.entries()]
      .filter(([, count]) => count >= 2)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, KEYWORDS)
      .map(([term]) => term),
  );
  const names = new Map<string, number>();
  for (const s of sentences) for (const t of s.tokens) if (t.pos === 'PROPN') names.set(t.normal, (names.get(t.normal) ?? 0) + 1);
  const idfSimilarity = idfCentroidSimilarities(terms);
  const firstTerms = new Set(terms[0] ?? []);
  // Longer articles spread their highlights further from the lead.
  const logSentences = Math.log(n + 1) / 4;
  let main = '';
  for (const [name, count] of names) if (count > (names.get(main) ?? 0)) main = name;
  return sentences.map((sentence, i) => {
    const words = sentence.tokens.filter(isWord);
    const wordCount = words.length;
    const own = terms[i] ?? [];
    const proper = words.filter((t) => t.pos === 'PROPN').length;
    const first = words[0]?.normal ?? '';
    return [
      i === 0 ? 1 : 0,
      i === 1 ? 1 : 0,
      i === 2 ? 1 : 0,
      1 / (i + 1),
      n > 1 ? i / (n - 1) : 0,
      Math.min(wordCount, 60) / 40,
      (Math.min(wordCount, 60) / 40) ** 2,
      wordCount < 8 ? 1 : 0,
      cosine(own, centroid, centroidNorm),
      i < 3 ? 1 : cosine(own, lead, leadNorm),
      wordCount > 0 ? proper / wordCount : 0,
      words.some((t) => t.type === 'number' || t.pos === 'NUM') ? 1 : 0,
      /["“”]/.test(sentence.text) ? 1 : 0,
      sentence.text.trim().endsWith('?') ? 1 : 0,
      words.some((t) => SAYS.has(t.normal)) ? 1 : 0,
      PRONOUN_START.test(first) ? 1 : 0,
      keywords.size === 0 ? 0 : new Set(own.filter((t) => keywords.has(t))).size / keywords.size,
      wordCount === 0 ? 0 : own.filter((t) => keywords.has(t)).length / wordCount,
      i === 3 || i === 4 ? 1 : 0,
      words.some((t) => t.normal === main) ? 1 : 0,
      new Set(words.filter((t) => t.pos === 'PROPN' && (names.get(t.normal) ?? 0) >= 2).map((t) => t.normal)).size / 5,
      idfSimilarity[i] ?? 0,
      firstSimilarity(own, firstTerms, i),
      logSentences,
      i < 3 ? logSentences : 0,
    ];
  });
}
