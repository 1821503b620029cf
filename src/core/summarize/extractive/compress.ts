/**
 * Learned span deletion (sentence compression) for v2 points. Rules propose spans a point can lose
 * without changing what it says — an aside between commas (a non-restrictive "who/which" clause, an
 * age, a participle or prepositional phrase, an appositive), an opening prepositional phrase before the
 * subject, a trailing clause after the main clause — and a ridge model fitted on cnndm-train.jsonl
 * (scripts/train-summarizer.ts) predicts the share of each span's words a reader's summary would keep.
 * A span is deleted when that prediction is below the learned threshold: removing a word whose chance
 * of mattering is below half the summary's F1 raises ROUGE F1, so the threshold is a precision/recall
 * trade-off, fitted by cross-validation. Words are only removed, never added or reordered; quotations,
 * negations, numbers inside kept text and parentheses are never split.
 */
import type { Sentence } from '../../nlp/sentences.js';
import { keepsMainVerb, type WordTags } from './candidates.js';

const TAILS_ONLY = process.env.TAILS_ONLY === '1';
/** A kept part that opens a clause whose verb would be cut off ("The chase, which took…"). */
const DANGLING_END = /^(?:which|who|whom|whose|where|when|while|although|though|because|if|as|after|before|including|such as)\b/i;

export type SpanKind = 'relative' | 'age' | 'participle' | 'prepositional' | 'appositive' | 'tail' | 'lead';

const SPAN_KINDS: SpanKind[] = ['relative', 'age', 'participle', 'prepositional', 'appositive', 'tail', 'lead'];

/** Names of {@link spanFeatures}' values, in order (and of the weights file's `compression.features`). */
export const SPAN_FEATURE_NAMES = [
  ...SPAN_KINDS.map((k) => `kind:${k}`),
  'spanWords',
  'spanShare',
  'pointWords',
  'capitalised',
  'numbers',
  'contentShare',
  'meanSpread',
  'maxSpread',
  'inFirst',
  'inOtherPoints',
  'inversePosition',
  'logSentences',
] as const;

export interface CompressionWeights {
  features: string[];
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
  /** Delete a span whose predicted kept share is below this. */
  threshold: number;
}

/** A deletable run of comma-separated parts: parts[from] up to (not including) parts[to]. */
export interface Span {
  kind: SpanKind;
  from: number;
  to: number;
}

/** Word-level facts from the sentence's tokens, keyed by lower-case word. */
export interface WordInfo {
  pos: string;
  stop: boolean;
}

/** What the features need to know about the article and the other points. */
export interface CompressionContext {
  /** Number of sentences in the article. */
  sentences: number;
  /** In how many sentences each content term occurs. */
  spread: Map<string, number>;
  /** Content terms of the first sentence. */
  first: Set<string>;
}

const NEGATION = /\b(?:not|no|never|nor|none|nobody|nothing|neither|without|unless|except|n't|cannot)\b|n't\b/i;
const QUOTE = /["“”]/g;
const RELATIVE = /^(?:who|which|whose|whom|where)\b/i;
const AGE = /^\d{1,3},$/;
/** A list goes on after this part: "A, B, and C" is not an aside. */
const LIST_GOES_ON = /^(?:and|or|nor|but|as well as)\b/i;
/** Intro phrases whose loss would change a claim's truth (conditions, concessions, exceptions). */
const KEEP_INTRO = /^(?:if|unless|although|though|even|except|without|despite|instead|only|until|because|since|while|whereas|whether|as long as)\b/i;
/** Opening words of a trailing clause that only adds circumstance. */
const TAIL_START = /^(?:which|who|whose|where|when|while|after|before|as|amid|with|including|following|during|despite|in|on|at|for|from|to|by|leaving|making|saying|adding|prompting|causing|sparking|bringing|forcing|according)\b/i;

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}']+/gu) ?? [];
}

function countOf(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** Word facts of a sentence's tokens. */
export function wordInfoOf(sentence: Sentence): Map<string, WordInfo> {
  const info = new Map<string, WordInfo>();
  for (const t of sentence.tokens) {
    const key = t.text.toLowerCase();
    if (!info.has(key)) info.set(key, { pos: t.pos, stop: t.stop });
  }
  return info;
}

/** The article facts the span features use (one pass over the tokens). */
export function compressionContext(sentences: Sentence[]): CompressionContext {
  const spread = new Map<string, number>();
  let first = new Set<string>();
  sentences.forEach((s, i) => {
    const own = new Set<string>();
    for (const t of s.tokens) if ((t.type === 'word' || t.type === 'number') && !t.stop) own.add(t.text.toLowerCase());
    for (const t of own) spread.set(t, (spread.get(t) ?? 0) + 1);
    if (i === 0) first = own;
  });
  return { sentences: sentences.length, spread, first };
}

/** Splits a point at commas followed by a space (not inside numbers like 1,000). */
export function partsOf(text: string): string[] {
  return text.split(/(?<=,)\s+/);
}

function balanced(text: string): boolean {
  return (text.match(/\(/g) ?? []).length === (text.match(/\)/g) ?? []).length;
}

function isFiniteVerb(word: string, info: Map<string, WordInfo>): boolean {
  const pos = info.get(word.toLowerCase())?.pos;
  return pos === 'AUX' || (pos === 'VERB' && !/ing$/i.test(word));
}

/** A point must not end waiting for its object or noun. */
const CANNOT_END = new Set(['VERB', 'AUX', 'ADP', 'DET', 'CCONJ', 'SCONJ', 'PART']);

/**
 * The spans of a point that the rules allow to be deleted. Every span is comma-bounded, free of
 * quotation marks and negations, outside any quotation and balanced in parentheses; what is left keeps
 * a finite verb and does not end mid-phrase.
 */
export function deletableSpans(text: string, info: Map<string, WordInfo>): Span[] {
  const parts = partsOf(text);
  const spans: Span[] = [];
  if (parts.length < 2) return spans;
  const posOf = (w: string | undefined): string => (w === undefined ? '' : (info.get(w.toLowerCase())?.pos ?? ''));
  const safe = (from: number, to: number): boolean => {
    const span = parts.slice(from, to).join(' ');
    const before = parts.slice(0, from).join(' ');
    if (/["“”]/.test(span) || NEGATION.test(span) || !balanced(span) || !balanced(before)) return false;
    return (before.match(QUOTE) ?? []).length % 2 === 0;
  };
  const keptHasVerb = (from: number, to: number): boolean => wordsOf([...parts.slice(0, from), ...parts.slice(to)].join(' ')).some((w) => isFiniteVerb(w, info));
  // Asides between the subject and its verb ("The patch, which resembles a small, round bandage, could …"):
  // the part after the aside must open with a finite verb, so the sentence reads on without it.
  const opensWithVerb = (part: string): boolean => {
    const w = wordsOf(part);
    return isFiniteVerb(w[0] ?? '', info) || (posOf(w[0]) === 'ADV' && isFiniteVerb(w[1] ?? '', info));
  };
  for (let k = 1; k < parts.length - 1; k += 1) {
    const part = parts[k]!;
    const first = wordsOf(part)[0];
    const firstPos = posOf(first);
    let kind: SpanKind | undefined;
    if (RELATIVE.test(part)) kind = 'relative';
    else if (AGE.test(part.trim())) kind = 'age';
    else if (firstPos === 'VERB' && /(?:ing|ed)$/i.test(first ?? '')) kind = 'participle';
    else if (firstPos === 'ADP' && !KEEP_INTRO.test(part)) kind = 'prepositional';
    else if (firstPos === 'DET' || firstPos === 'PROPN' || firstPos === 'NOUN' || firstPos === 'ADJ' || /^(?:his|her|their|its)$/i.test(first ?? '')) kind = 'appositive';
    if (!kind || LIST_GOES_ON.test(part)) continue;
    for (let to = k + 1; to < parts.length && to <= k + 3; to += 1) {
      if (to > k + 1 && LIST_GOES_ON.test(parts[to - 1]!)) break;
      if (kind === 'appositive' && wordsOf(parts.slice(k, to).join(' ')).some((w) => isFiniteVerb(w, info))) break;
      if (!opensWithVerb(parts[to]!) || !safe(k, to) || !keptHasVerb(k, to)) continue;
      spans.push({ kind, from: k, to });
      break;
    }
  }
  // An opening prepositional phrase before the subject ("On Monday, …").
  const opener = parts[0]!;
  if (posOf(wordsOf(opener)[0]) === 'ADP' && !KEEP_INTRO.test(opener) && countOf(opener) <= 8 && safe(0, 1)) {
    const rest = wordsOf(parts.slice(1).join(' '));
    if (rest.some((w) => isFiniteVerb(w, info)) && !wordsOf(opener).some((w) => isFiniteVerb(w, info))) spans.push({ kind: 'lead', from: 0, to: 1 });
  }
  // A trailing clause after the main clause ("…, leaving three dead."), at any comma where the kept
  // part has its main verb and ends a phrase (candidates.ts keepsMainVerb).
  const tags: WordTags = new Map([...info].map(([w, i]) => [w, i.pos]));
  for (let k = 1; k < parts.length; k += 1) {
    if (!safe(k, parts.length) || DANGLING_END.test(parts[k - 1]!) || (TAILS_ONLY && !TAIL_START.test(parts[k]!))) continue;
    if (countOf(parts.slice(0, k).join(' ')) < 6 || !keepsMainVerb(parts, k, tags)) continue;
    spans.push({ kind: 'tail', from: k, to: parts.length });
  }
  return spans;
}

/** The point without the given (non-overlapping) spans. */
export function applySpans(text: string, spans: Span[]): string {
  const parts = partsOf(text);
  const drop = new Set<number>();
  for (const s of spans) for (let k = s.from; k < s.to; k += 1) drop.add(k);
  const kept: string[] = [];
  parts.forEach((part, k) => {
    if (drop.has(k)) {
      // The comma that opened the aside goes with it ("Obama, 55, said" → "Obama said").
      if (kept.length > 0 && k > 0 && !drop.has(k - 1)) kept[kept.length - 1] = kept[kept.length - 1]!.replace(/,$/, '');
      return;
    }
    kept.push(part);
  });
  let out = kept.join(' ');
  if (spans.some((s) => s.kind === 'tail')) out = `${out.replace(/[,;:]$/, '')}…`;
  if (drop.has(0)) out = out.replace(/^(['"“‘]?)(\p{Ll})/u, (_m, q: string, c: string) => q + c.toUpperCase());
  return out;
}

/** Feature vector of one span (see {@link SPAN_FEATURE_NAMES}). */
export function spanFeatures(
  text: string,
  span: Span,
  info: Map<string, WordInfo>,
  context: CompressionContext,
  sentenceIndex: number,
  otherTerms: Set<string>,
): number[] {
  const parts = partsOf(text);
  const spanText = parts.slice(span.from, span.to).join(' ');
  const words = wordsOf(spanText);
  const n = Math.max(words.length, 1);
  const content = words.map((w) => w.toLowerCase()).filter((w) => !(info.get(w)?.stop ?? false));
  const spreads = content.map((w) => (context.spread.get(w) ?? 1) / Math.max(context.sentences, 1));
  const share = (test: (w: string) => boolean): number => (content.length === 0 ? 0 : content.filter(test).length / content.length);
  return [
    ...SPAN_KINDS.map((k) => (k === span.kind ? 1 : 0)),
    Math.min(words.length, 30) / 10,
    words.length / Math.max(countOf(text), 1),
    Math.min(countOf(text), 40) / 30,
    words.filter((w) => /^\p{Lu}/u.test(w)).length / n,
    words.filter((w) => /\d/.test(w)).length / n,
    content.length / n,
    spreads.length === 0 ? 0 : spreads.reduce((a, b) => a + b, 0) / spreads.length,
    spreads.length === 0 ? 0 : Math.max(...spreads),
    share((w) => context.first.has(w)),
    share((w) => otherTerms.has(w)),
    1 / (sentenceIndex + 1),
    Math.log(context.sentences + 1) / 4,
  ];
}

/** Predicted share of a span's words that a good summary keeps. */
export function predictKept(features: number[], weights: CompressionWeights): number {
  let score = weights.bias;
  for (let k = 0; k < features.length; k += 1) score += (weights.weights[k] ?? 0) * ((features[k]! - (weights.mean[k] ?? 0)) / (weights.std[k] || 1));
  return score;
}

/**
 * Deletes the spans the model expects to be dead weight, most words saved first, never two that
 * overlap. Returns the point unchanged when no span qualifies or the result would be under `minWords`.
 */
export function compressPoint(
  text: string,
  info: Map<string, WordInfo>,
  context: CompressionContext,
  sentenceIndex: number,
  otherTerms: Set<string>,
  weights: CompressionWeights,
  minWords = 5,
): string {
  const spans = deletableSpans(text, info);
  if (spans.length === 0) return text;
  const parts = partsOf(text);
  const scored = spans
    .map((span) => {
      const predicted = predictKept(spanFeatures(text, span, info, context, sentenceIndex, otherTerms), weights);
      const n = countOf(parts.slice(span.from, span.to).join(' '));
      return { span, gain: n * (weights.threshold - predicted) };
    })
    .filter((s) => s.gain > 0)
    .sort((a, b) => b.gain - a.gain || a.span.from - b.span.from);
  const picked: Span[] = [];
  for (const { span } of scored) {
    if (picked.some((p) => span.from < p.to && p.from < span.to)) continue;
    picked.push(span);
  }
  if (picked.length === 0) return text;
  const out = applySpans(text, picked);
  return countOf(out) >= minWords ? out : text;
}
