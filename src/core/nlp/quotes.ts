/**
 * Direct quotations and who said them. Quotes are found per paragraph (they may span sentences);
 * the speaker is the name in "…," said X / X said: "…", else the person a "he said" refers to
 * (the nearest named person before it), else the speaker of the quote it continues.
 */
import type { Quote } from '../model.js';
import type { EntityMention } from './entities.js';
import type { Sentence } from './sentences.js';

/** Quotes of fewer words are titles or scare quotes ("red lines"), not quotations. */
const MIN_QUOTE_WORDS = 4;
/** How many sentences back a "he said" may look for the person it means. */
const PRONOUN_LOOKBACK_SENTENCES = 3;

const SPEECH = String.raw`(?:was quoted as saying|is quoted as saying|said|says|told|tells|added|adds|mentioned|stated|explained|insisted|warned|wrote|tweeted|continued|argued|recalled|admitted|declared|noted|replied|asked|according to)`;
const NAME = String.raw`\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3}`;
/** `…," he said` / `…," Ryabkov said` / `…," said Ryabkov`. */
// No full stop before the attribution: `…". She said` attributes the next quote, not this one.
const AFTER_SUBJECT = new RegExp(String.raw`^[\s,]*(?:([Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e)|(${NAME}))\s+${SPEECH}`, 'u');
const AFTER_VERB = new RegExp(String.raw`^[\s,]*${SPEECH}\s+(?:the\s+)?(${NAME})`, 'u');
/** `Peter Travers, Rolling Stone: "…"` / `Ryabkov said: "…"`. */
const BEFORE_COLON = new RegExp(String.raw`(${NAME})(?:,[^:“”"]{1,40})?(?:\s+${SPEECH})?(?:\s+that)?\s*:\s*$`, 'u');

/** `…," the singer and songwriter said`: a description stands for the person named before. */
const DESCRIBED = new RegExp(String.raw`^[\s,]*the\s+[\p{Ll}\s-]{2,40}?\s+${SPEECH}`, 'u');
/** Between two quotes of one speaker: nothing, or the first one's short attribution ("he was quoted as saying."). */
const CONTINUES = new RegExp(String.raw`^[\s,.;:]*(?:(?:[Hh]e|[Ss]he|[Tt]hey|${NAME})\s+${SPEECH}[^.“”"]{0,30}[.,]?)?[\s]*$`, 'u');
const continues = (between: string): boolean => CONTINUES.test(between);

const ORG_SPEAKS = new RegExp(String.raw`^(?:\s+[\p{Ll}-]+){0,2}\s+${SPEECH}\b`, 'u');

interface Span {
  start: number;
  end: number;
  text: string;
}

/** Quoted spans of a paragraph: curly pairs, and straight quotes paired in order. */
function findSpans(text: string): Span[] {
  const spans: Span[] = [];
  const curly = /“([^“”]+)(?:”|$)/g;
  // A straight quote opens after a space or bracket and closes before a space or punctuation,
  // so one stray mark does not flip every pair after it.
  const straight = /(?<=^|[\s(\[—–-])"(?=\S)([^"]+?)(?<=\S)"(?=$|[\s.,;:!?)\]—–-])/g;
  for (const pattern of [curly, straight]) {
    for (const match of text.matchAll(pattern)) {
      const inner = match[1]!.trim();
      if (inner.split(/\s+/).length < MIN_QUOTE_WORDS) continue;
      spans.push({ start: match.index, end: match.index + match[0].length, text: inner });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

interface ParagraphView {
  text: string;
  /** Paragraph offset of each sentence, by sentence index. */
  starts: Map<number, number>;
  sentences: Sentence[];
}

function paragraphs(sentences: Sentence[]): ParagraphView[] {
  const views: ParagraphView[] = [];
  for (const sentence of sentences) {
    let view = views.at(-1);
    if (view === undefined || view.sentences[0]!.paragraph !== sentence.paragraph) {
      view = { text: '', starts: new Map(), sentences: [] };
      views.push(view);
    }
    if (view.text !== '') view.text += ' ';
    view.starts.set(sentence.index, view.text.length);
    view.text += sentence.text;
    view.sentences.push(sentence);
  }
  return views;
}

/** The person mention nearest before `position` in `sentence`, or in the few sentences before it. */
function nearestBefore(mentions: EntityMention[], sentence: number, position: number, kind: 'person' | 'organisation'): string | undefined {
  let best: EntityMention | undefined;
  for (const m of mentions) {
    if (m.kind !== kind || m.sentence > sentence || m.sentence < sentence - PRONOUN_LOOKBACK_SENTENCES) continue;
    if (m.sentence === sentence && m.start >= position) continue;
    if (best === undefined || m.sentence > best.sentence || (m.sentence === best.sentence && m.start > best.start)) best = m;
  }
  return best?.name;
}

const NOT_SPEAKERS = /^(?:I|You|We|They|He|She|It|This|That|These|Those|The|A|An|But|And|Experts|Officials|Police|Critics|Analysts|Sources|Witnesses|Residents)$/;

/** The canonical name for a name written at this spot ("Ryabkov" → "Sergei Ryabkov"); undefined for "Officials". */
function resolveName(written: string, mentions: EntityMention[], sentence: number): string | undefined {
  if (NOT_SPEAKERS.test(written.split(' ')[0]!)) return undefined;
  const match = mentions.find((m) => m.kind === 'person' && m.sentence === sentence && m.name.endsWith(written.split(' ').at(-1)!));
  return match?.name ?? mentions.find((m) => m.kind === 'person' && m.name.split(' ').at(-1) === written.split(' ').at(-1))?.name ?? written;
}

/**
 * Every direct quotation of an article with its speaker, in reading order.
 * @param sentences - the article's sentences
 * @param mentions - entity mentions from `extractEntities`, used to resolve "he said"
 */
export function extractQuotes(sentences: Sentence[], mentions: EntityMention[]): Quote[] {
  const quotes: Quote[] = [];
  for (const view of paragraphs(sentences)) {
    const sentenceAt = (offset: number): Sentence => {
      let found = view.sentences[0]!;
      for (const s of view.sentences) if (view.starts.get(s.index)! <= offset) found = s;
      return found;
    };
    let previous: { end: number; speaker?: string } | undefined;
    for (const span of findSpans(view.text)) {
      const sentence = sentenceAt(span.start);
      const local = span.start - view.starts.get(sentence.index)!;
      const after = view.text.slice(span.end, span.end + 80);
      const before = view.text.slice(Math.max(0, span.start - 120), span.start);
      let speaker: string | undefined;
      const subject = AFTER_SUBJECT.exec(after);
      const verbFirst = AFTER_VERB.exec(after);
      const colon = BEFORE_COLON.exec(before);
      if (subject?.[2] !== undefined) speaker = resolveName(subject[2], mentions, sentence.index);
      else if (subject?.[1] !== undefined) {
        const kind = subject[1].toLowerCase() === 'it' ? 'organisation' : 'person';
        speaker = nearestBefore(mentions, sentence.index, local, kind);
      } else if (verbFirst?.[1] !== undefined) speaker = resolveName(verbFirst[1], mentions, sentence.index);
      else if (colon?.[1] !== undefined) speaker = resolveName(colon[1], mentions, sentence.index);
      else if (DESCRIBED.test(after)) speaker = nearestBefore(mentions, sentence.index, local, 'person');
      else if (previous !== undefined && continues(view.text.slice(previous.end, span.start))) {
        // An unattributed quote straight after another continues it.
        speaker = previous.speaker;
      }
      speaker ??= mentions.find((m) => m.kind === 'person' && m.sentence === sentence.index && m.start < local)?.name;
      // "A Merseyside Police spokeswoman said … “…”": the organisation speaks when no person is named.
      speaker ??= mentions.find(
        (m) => m.kind === 'organisation' && m.sentence === sentence.index && m.start < local && ORG_SPEAKS.test(sentence.text.slice(m.end, local)),
      )?.name;
      quotes.push(speaker === undefined ? { text: span.text, sentence: sentence.index } : { text: span.text, speaker, sentence: sentence.index });
      previous = { end: span.end, speaker };
    }
  }
  return quotes;
}

const STRONG_WORDS = /\b(?:not|no|never|will|must|cannot|can't|can’t|won't|won’t|threat|war|kill|death|die|crisis|illusions|concessions|rule out|impossible|unacceptable|mistake|dangerous|worst|best|first|only)\b/gi;

/** Picks the most newsworthy quote: long enough, attributed, strong words, early in the article. */
export function pickQuote(quotes: Quote[], sentenceCount: number): Quote | undefined {
  const score = (q: Quote): number => {
    const words = q.text.split(/\s+/).length;
    const strong = Math.min(q.text.match(STRONG_WORDS)?.length ?? 0, 3);
    const position = 1 - (q.sentence ?? 0) / Math.max(sentenceCount, 1);
    return Math.min(words, 40) / 40 + (q.speaker !== undefined ? 0.6 : 0) + strong * 0.2 + position * 0.4 - (words > 60 ? 0.5 : 0);
  };
  return quotes.reduce<Quote | undefined>((best, q) => (best === undefined || score(q) > score(best) ? q : best), undefined);
}
