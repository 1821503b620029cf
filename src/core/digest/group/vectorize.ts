/**
 * Builds one unit-length TF-IDF vector per item from its headline, lead and link slug.
 *
 * Weighting, and why:
 * - a term counts once per field (headlines are short; repeats there are style, not signal), a slug
 *   word `slugWeight` of a headline word (it mostly repeats the headline, sometimes uncut), a
 *   lead term counts `summaryWeight` of a headline term (the headline states the event, the lead
 *   adds context that other outlets word differently);
 * - IDF is computed over the items being grouped, so a word common in this batch links little;
 * - named-entity-like terms get `entityBoost`: a term is entity-like in an item when it is a number,
 *   an acronym or capitalised mid-sentence there, or when across the whole batch it is capitalised
 *   in most of its sentence-case occurrences (so "Sbarro" in "Sbarro Files For Bankruptcy Again",
 *   a title-case headline, still counts as a name).
 */
import { type SparseVector, toUnitVector } from './sparse-vector.js';
import { type Token, stripEllipsis, tokenize } from './tokenize.js';
import { slugWords } from './url-slug.js';

export interface TextFields {
  title: string;
  summary?: string | null | undefined;
  url?: string | undefined;
}

export interface VectorizeOptions {
  summaryWeight: number;
  entityBoost: number;
  slugWeight: number;
}

export interface Vectorized {
  /** `vectors[i]` is item i's unit vector (empty when it has no usable term). */
  vectors: SparseVector[];
  /** Document frequency per term number. */
  documentFrequency: number[];
}

/** A term's majority rule: capitalised in at least this share of its informative occurrences. */
const ENTITY_MIN_SHARE = 0.5;

interface ItemTerms {
  /** term → raw field weight (1 per headline, `summaryWeight` per lead). */
  weights: Map<string, number>;
  entities: Set<string>;
}

function collectTerms(item: TextFields, options: VectorizeOptions, caps: Map<string, [number, number]>): ItemTerms {
  const weights = new Map<string, number>();
  const entities = new Set<string>();
  const addField = (tokens: Token[], weight: number): void => {
    const seen = new Set<string>();
    for (const token of tokens) {
      if (token.entity) entities.add(token.term);
      if (token.caseInformative) {
        const counts = caps.get(token.term) ?? [0, 0];
        counts[0] += token.entity ? 1 : 0;
        counts[1] += 1;
        caps.set(token.term, counts);
      }
      if (seen.has(token.term)) continue;
      seen.add(token.term);
      weights.set(token.term, (weights.get(token.term) ?? 0) + weight);
    }
  };
  addField(tokenize(stripEllipsis(item.title)), 1);
  if (item.summary) addField(tokenize(item.summary), options.summaryWeight);
  const slug = options.slugWeight > 0 ? slugWords(item.url) : [];
  if (slug.length > 0) addField(tokenize(slug.join(' ')), options.slugWeight);
  return { weights, entities };
}

/**
 * Vectorizes items for cosine similarity.
 * @param items - headline and optional lead per item.
 * @param options - lead weight and entity boost.
 */
export function vectorize(items: readonly TextFields[], options: VectorizeOptions): Vectorized {
  const caps = new Map<string, [number, number]>();
  const perItem = items.map((item) => collectTerms(item, options, caps));

  const termIds = new Map<string, number>();
  const documentFrequency: number[] = [];
  for (const { weights } of perItem) {
    for (const term of weights.keys()) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = documentFrequency.length;
        termIds.set(term, id);
        documentFrequency.push(0);
      }
      documentFrequency[id]! += 1;
    }
  }

  const n = items.length;
  const isBatchEntity = (term: string): boolean => {
    const counts = caps.get(term);
    return counts !== undefined && counts[0] / counts[1] >= ENTITY_MIN_SHARE;
  };
  const vectors = perItem.map(({ weights, entities }) => {
    const vector = new Map<number, number>();
    for (const [term, weight] of weights) {
      const id = termIds.get(term)!;
      // Smoothed IDF, as in scikit-learn: never zero, so shared common words still count a little.
      const idf = Math.log((1 + n) / (1 + documentFrequency[id]!)) + 1;
      const boost = entities.has(term) || isBatchEntity(term) ? options.entityBoost : 1;
      vector.set(id, weight * idf * boost);
    }
    return toUnitVector(vector);
  });
  return { vectors, documentFrequency };
}
