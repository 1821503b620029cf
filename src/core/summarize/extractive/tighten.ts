/**
 * Tightens a source sentence into a briefing point without adding a word: drops datelines, bylines and
 * publishing boilerplate, a leading connective, short asides in parentheses and a trailing attribution
 * ("…, police said on Sunday."). Numbers, names and quotations are never edited.
 */

/** "(CNN) --", "LONDON, England (CNN) --", "West of Baghdad, Iraq (CNN)", "(AP) —" at the start of a sentence. */
const DATELINE =
  /^\s*(?:[A-Z][\w.'’-]*(?:,? (?:of |de |del |el )?[A-Z][\w.'’-]*){0,4}\s*)?\((?:CNN|CNN Student News|AP|Reuters|AFP|UPI|EW\.com|Mashable|The Hollywood Reporter)[^)]{0,20}\)\s*(?:--|—|–|-|:)?\s*/;
/** "WASHINGTON -- " (a capitalised place, then a dash). */
const CAPS_DATELINE = /^\s*[A-Z]{3,}(?:[ ,]+[A-Z][A-Za-z]*){0,3}\s+(?:--|—|–)\s+/;
/** Daily Mail headers: "By . Jane Doe . PUBLISHED: . 10:00 EST, 1 May 2014 . | . UPDATED: . 11:00 EST, 1 May 2014 . " */
const DAILY_MAIL_HEADER =
  /^\s*(?:By \.?\s*[^.]{1,80}?\s*\.\s*(?:and [^.]{1,80}?\s*\.\s*)?)?(?:(?:PUBLISHED|UPDATED|Last updated at)\s*:?\s*\.?\s*\d{1,2}:\d{2}\s*(?:EST|GMT|BST|EDT)?,?\s*(?:\d{1,2} \w+ \d{4})?\s*\.?\s*\|?\s*\.?\s*)+/;
const BY_LINE = /^\s*By \.\s*[^.]{1,80}?\s*\.\s+(?=[A-Z“"'‘])/;
const LAST_UPDATED = /^\s*Last updated at \d{1,2}:\d{2} (?:GMT|BST)\s*/;
/** A list marker ("- ", "• ", "1. ") left from a bulleted paragraph. */
const LIST_MARKER = /^\s*(?:[-•*–]|\d{1,2}[.)])\s+/;

/** Connectives that only link to the previous sentence; with a comma when the word has other uses. */
const LEADING_CONNECTIVE =
  /^(?:But|And|However,|Meanwhile,|Moreover,|Furthermore,|In addition,|Nevertheless,|Nonetheless,|Still,|Yet,|Indeed,|Also,|Instead,|Separately,|Additionally,|Now,|So,|Then,|Overall,|In fact,|Of course,)\s+/;

/** ", he said on Sunday." / ", police said." / ", the minister told reporters." at the end of a non-quote sentence. */
const ATTRIBUTION_TAIL =
  /,\s+(?:(?:he|she|they|it|officials|police|authorities|experts|witnesses|sources)|(?:the|a|an) [a-z]+(?: [a-z]+){0,3}|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}|(?:the |[A-Z][\w.'’-]*(?:'s|’s)? )(?:(?!(?:who|which|that|was|were|is|are|has|had|have|will|would|and|or|but|not)\b)[\w.'’-]+ ){0,6}?(?:[A-Z][\w.'’-]+|agency|office|ministry|spokes(?:man|woman|person)|officials|police|department|service))\s+(?:said|says|added|told (?:reporters|CNN|the [A-Z]?\w+(?: \w+)?)|explained|noted|wrote)(?:\s+(?:on|last|this|in|at|late|early)\s+[\w ]{1,30}?)?\s*\.$/;

/** ", according to police." / ", according to the Department of Health." at the end of a non-quote sentence. */
const ACCORDING_TAIL = /,?\s+according to [^,;"“”]{1,60}\.$/;
/** "According to police, …" at the start: the claim follows the comma. */
const ACCORDING_LEAD = /^According to [^,;"“”]{1,60},\s+(?=\p{L})/u;

/** "(pictured)", "(left)", ", pictured," and similar asides pointing at photos. */
const PHOTO_ASIDE = /,?\s+\((?:pictured|above|below|left|right|centre|center|top|bottom|inset|file photo|pictured [a-z ,]{1,30})\)|,\s+(?:pictured|above|below|left|right|centre|center)(?:\s+(?:left|right|above|below|centre|center|with [a-z ]{1,20}))?,/gi;
/** A short aside in parentheses (at most 12 words) that is not the sentence's only content. */
const PAREN_ASIDE = /\s+\([^()]{1,90}\)(?=[\s,.;:!?'’"”]|$)/g;

const MIN_WORDS_AFTER_TRIM = 4;

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

function capitalizeFirst(text: string): string {
  return text.replace(/^(['"“‘]?)(\p{Ll})/u, (_m, q: string, c: string) => q + c.toUpperCase());
}

/** Whether a sentence is publishing boilerplate (a byline or a published/updated stamp) rather than news. */
export function isBoilerplate(text: string): boolean {
  const rest = text.replace(DAILY_MAIL_HEADER, '').replace(BY_LINE, '');
  return wordCount(rest) < 3 || /^(?:PUBLISHED|UPDATED|Last updated|By \.|Follow @|CLICK HERE)/i.test(text.trim());
}

/** Drops boilerplate and datelines at the start of a sentence (for any summarizer version). */
export function stripLeadIn(text: string): string {
  let out = text.replace(DAILY_MAIL_HEADER, '').replace(BY_LINE, '').replace(LAST_UPDATED, '');
  out = out.replace(DATELINE, '').replace(CAPS_DATELINE, '').replace(LIST_MARKER, '');
  out = out.trim();
  return out === '' ? text.trim() : capitalizeFirst(out);
}

/**
 * Tightens one source sentence for a point. Returns the original (trimmed) when a rule would leave
 * fewer than 4 words.
 * @param text - one source sentence
 */
export function tightenSentence(text: string): string {
  let out = stripLeadIn(text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' '));
  out = out.replace(LEADING_CONNECTIVE, '');
  out = out.replace(PHOTO_ASIDE, '');
  out = out.replace(PAREN_ASIDE, (m) => (wordCount(m) <= 12 && !/\d/.test(m) ? '' : m));
  const endsInQuote = /["”'’]\s*,?\s*(?:[\w ,.'’-]{0,60})$/.test(out.replace(ATTRIBUTION_TAIL, ''));
  if (!/["“”]/.test(out) && !endsInQuote) out = out.replace(ATTRIBUTION_TAIL, '.').replace(ACCORDING_TAIL, '.').replace(ACCORDING_LEAD, '');
  out = out.replace(/\s+([,.;:!?])/g, '$1').replace(/,\s*\./g, '.').replace(/\s+/g, ' ').trim();
  out = out.replace(/ \.$/, '.');
  if (wordCount(out) < MIN_WORDS_AFTER_TRIM) return text.trim();
  return capitalizeFirst(out);
}
