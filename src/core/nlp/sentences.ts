/**
 * Sentences and tokens of a text, with the paragraph each sentence stands in.
 * Indexes are stable: a briefing point's evidence and a follow-up answer refer to them.
 */
import type { ItemSentence, ItemToken } from 'wink-nlp';
import { getNlp } from './wink.js';

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
  return parts.map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 0);
}

/**
 * Splits an article into sentences with tokens.
 * @param text - plain text; paragraphs separated by blank lines or newlines
 */
export function splitSentences(text: string): Sentence[] {
  const nlp = getNlp();
  const its = nlp.its;
  const sentences: Sentence[] = [];
  splitParagraphs(text).forEach((paragraph, p) => {
    const doc = nlp.readDoc(paragraph);
    let inParagraph = 0;
    doc.sentences().each((s: ItemSentence) => {
      const sentenceText = s.out().trim();
      if (sentenceText === '') return;
      const tokens: Token[] = [];
      s.tokens().each((t: ItemToken) => {
        const type = t.out(its.type) as string;
        if (type === 'tabCRLF') return;
        const written = t.out();
        tokens.push({
          text: written,
          normal: (t.out(its.normal) as string) ?? written.toLowerCase(),
          pos: t.out(its.pos) as string,
          type,
          stop: Boolean(t.out(its.stopWordFlag)),
        });
      });
      sentences.push({ index: sentences.length, paragraph: p, inParagraph: inParagraph++, text: sentenceText, tokens });
    });
  });
  return sentences;
}

/** Counts words (runs of letters or digits) in a text. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)?.length ?? 0;
}
