/**
 * Numbers in prose, as values: "4,300", "4300" and "4.3 thousand" are one number, and so
 * are "three" and "3". A briefing point may only state numbers the article states.
 */

const UNITS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const WORD_VALUES = new Map<string, number>([
  ...UNITS.map((w, i) => [w, i] as [string, number]),
  ...TENS.map((w, i) => [w, (i + 2) * 10] as [string, number]),
  ['dozen', 12],
]);
const SCALES = new Map<string, number>([
  ['thousand', 1e3], ['k', 1e3], ['million', 1e6], ['m', 1e6], ['mn', 1e6],
  ['billion', 1e9], ['bn', 1e9], ['trillion', 1e12], ['tn', 1e12],
]);

const NUMBER_WORD = `(?:${[...TENS, ...UNITS, 'dozen'].join('|')})`;
const NUMBER_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?|(${NUMBER_WORD})(?:-(${NUMBER_WORD}))?(?![\p{L}]))` +
    String.raw`(?:\s?(thousand|million|billion|trillion|bn|mn|tn|m|k)(?![\p{L}]))?`,
  'giu',
);

export interface NumberMention {
  /** As written, e.g. "4,300" or "three". */
  text: string;
  /** The value ("1.2 billion" is 1.2e9); two when the suffix may be a unit ("2.5m"). */
  values: number[];
  /** Spelled out ("three") rather than digits. */
  spelled: boolean;
  /** Offset in the text. */
  index: number;
}

/** Keeps float noise out of comparisons: 1.2 * 1e9 and 1,200,000,000 are the same key. */
const key = (n: number): number => Number(n.toPrecision(12));

/** Every number the text mentions. */
export function findNumbers(text: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const [whole, digits, fraction, word, secondWord, scaleWord] = m;
    let value: number;
    if (digits !== undefined) {
      value = Number(digits.replace(/,/g, '') + (fraction ?? ''));
    } else {
      const first = WORD_VALUES.get(word!.toLowerCase()) ?? 0;
      value = first + (secondWord ? (WORD_VALUES.get(secondWord.toLowerCase()) ?? 0) : 0);
    }
    const scale = scaleWord ? SCALES.get(scaleWord.toLowerCase()) : undefined;
    // "$2 billion" is not the "2" of "9 to 2": a scale word fixes the value. A bare "m" or
    // "k" may be a unit ("2.5m" of water), so there either reading counts.
    const ambiguous = scaleWord !== undefined && /^[mk]$/i.test(scaleWord);
    const values = scale ? (ambiguous ? [key(value), key(value * scale)] : [key(value * scale)]) : [key(value)];
    mentions.push({ text: whole.trim(), values, spelled: digits === undefined, index: m.index });
  }
  return mentions;
}

/** The set of values an article states, for {@link isNumberStated}. */
export function collectNumbers(text: string): Set<number> {
  return new Set(findNumbers(text).flatMap((m) => m.values));
}

/** Whether the article states this mention's number in any of its forms. */
export function isNumberStated(mention: NumberMention, articleNumbers: Set<number>): boolean {
  return mention.values.some((v) => articleNumbers.has(v));
}

/**
 * Numbers in a model's sentence that need checking. A spelled-out "one" is left out: in
 * prose it is mostly a pronoun ("one of the two members"), not a count.
 */
export function numbersToCheck(text: string): NumberMention[] {
  return findNumbers(text).filter((m) => !(m.spelled && m.text.toLowerCase() === 'one'));
}
