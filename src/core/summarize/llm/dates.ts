/**
 * Calendar dates in prose ("December 8", "8 December", "March 2027"). The number check
 * alone would pass an invented "December 9" when a 9 appears anywhere in the article, so a
 * date is checked as a whole: its month and day (or month and year) must be stated together.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const MONTH_DAY_RE = new RegExp(String.raw`\b${MONTH}\s+${DAY}(?![\d,.]*\d)(?!\d)`, 'g');
const DAY_MONTH_RE = new RegExp(String.raw`(?<![\d.,])\b${DAY}\s+(?:of\s+)?${MONTH}\b`, 'g');
const MONTH_YEAR_RE = new RegExp(String.raw`\b${MONTH},?\s+(\d{4})\b`, 'g');

export interface DateMention {
  /** As written. */
  text: string;
  /** `m12-d8` or `m3-y2027`. */
  key: string;
}

const monthIndex = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** Every month-and-day and month-and-year date in the text. */
export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const m of text.matchAll(MONTH_DAY_RE)) {
    const day = Number(m[2]);
    if (day >= 1 && day <= 31) found.push({ text: m[0], key: `m${monthIndex(m[1]!)}-d${day}` });
  }
  for (const m of text.matchAll(DAY_MONTH_RE)) {
    const day = Number(m[1]);
    if (day >= 1 && day <= 31) found.push({ text: m[0], key: `m${monthIndex(m[2]!)}-d${day}` });
  }
  for (const m of text.matchAll(MONTH_YEAR_RE)) found.push({ text: m[0], key: `m${monthIndex(m[1]!)}-y${m[2]}` });
  return found;
}

/** The dates an article states, for comparison with {@link findDates} of a model's sentence. */
export function collectDates(text: string): Set<string> {
  return new Set(findDates(text).map((d) => d.key));
}
