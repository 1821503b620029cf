/**
 * Sentences and tokens of a text, with the paragraph each sentence stands in.
 * Indexes are stable: a briefing point's evidence and a follow-up answer refer to them.
 */
import { getSentenceNlp } from './wink.js';

export interface Token {
  /** As written. */
  text: string;
  /** Lower-cased normal form. */
  normal: string;
  /** Universal POS tag (NOUN, PROPN, VERB, NUM, PUNCT …). */
  pos: string;
  /** wink token type: word, number, punctuation, quoted_phrase … */
  type: string;
  /** Is a stop word (the, of, and …). */
  stop: boolean;
}

export interface Sentence {
  /** Position in the article, from 0. */
  index: number;
  /** Paragraph number, from 0. */
  paragraph: number;
  /** Position within its paragraph, from 0. */
  inParagraph: number;
  text: string;
  tokens: Token[];
}

/** Splits text into paragraphs at blank lines (or single newlines when the text has no blank line). */
export function splitParagraphs(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  if (normalised === '') return [];
  const byBlank = normalised.split(/\n\s*\n/);
  const parts = byBlank.length > 1 ? byBlank : normalised.split('\n');
  return parts.map((p) => unglueSentences(p.replace(/\s+/g, ' ').trim())).filter((p) => p.length > 0);
}

/**
 * Puts back the space a scraper or content farm dropped between two sentences ("relations.Russia's",
 * "after 1997.The"), which the sentence splitter would otherwise read as one sentence. Only after a
 * lower-case letter or a digit, so "U.S.-Russia" and "NATO.U.S." abbreviations stay as they are.
 */
function unglueSentences(paragraph: string): string {
  return paragraph.replace(/(?<=[a-z\d][)”"’]?)\.(?=[A-Z][a-z])/g, '. ');
}

/**
 * Splits an article into sentences with tokens.
 *
 * Reads each paragraph once and takes whole-document arrays from wink (`doc.tokens().out(its.x)`,
 * `doc.sentences().out(its.span)`): per-token `.out()` calls cost several times more.
 * @param text - plain text; paragraphs separated by blank lines or newlines
 */
export function splitSentences(text: string): Sentence[] {
  const nlp = getSentenceNlp();
  const its = nlp.its;
  const sentences: Sentence[] = [];
  splitParagraphs(text).forEach((paragraph, p) => {
    const doc = nlp.readDoc(paragraph);
    const tokens = doc.tokens();
    const values = tokens.out() as string[];
    const normals = tokens.out(its.normal) as string[];
    const tags = tokens.out(its.pos) as string[];
    const types = tokens.out(its.type) as string[];
    const stops = tokens.out(its.stopWordFlag) as unknown as boolean[];
    const spans = doc.sentences().out(its.span) as unknown as [number, number][];
    const texts = doc.sentences().out() as string[];
    let inParagraph = 0;
    spans.forEach(([start, end], s) => {
      const sentenceText = (texts[s] ?? '').trim();
      if (sentenceText === '') return;
      const sentenceTokens: Token[] = [];
      for (let i = start; i <= end; i += 1) {
        const type = types[i] ?? 'word';
        if (type === 'tabCRLF') continue;
        const written = values[i] ?? '';
        sentenceTokens.push({
          text: written,
          normal: normals[i] ?? written.toLowerCase(),
          pos: tags[i] ?? 'X',
          type,
          stop: Boolean(stops[i]),
        });
      }
      sentences.push({ index: sentences.length, paragraph: p, inParagraph: inParagraph++, text: sentenceText, tokens: sentenceTokens });
    });
  });
  return sentences;
}

/** Counts words (runs of letters or digits) in a text. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)?.length ?? 0;
}
