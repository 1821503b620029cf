/**
 * Furniture removal after Readability, paragraph by paragraph: share rows, bylines,
 * timestamps, "read more" lines, shouted promos, trailing teaser links and author bios.
 * Rules are keyed to common phrases and shapes, never to particular sites.
 */
import type { TextBlock } from './html-to-text.js';
import { countWords } from './words.js';

/** Short paragraphs that are furniture whatever their markup. */
const FURNITURE_LINE_RE =
  /^(?:advertisement|advertising|advert|sponsored(?: content)?|skip to (?:content|main content)|read (?:more|next)\b|related(?: articles| stories| content| coverage)?:|related(?: articles| stories| content| coverage)?$|see (?:also|more)\b|more on this\b|you (?:may|might) (?:also )?like|don'?t miss|recommended(?: for you)?:?$|trending(?: now)?:?$|tags?:?$|comments?$|about the author$|continue reading below|want more stories|join our\b|tell us what you think|this (?:slideshow|video|content) requires javascript|image \d+ of\b|share (?:this|on)\b|follow (?:us|me|him|her|them)\b|sign up\b|subscribe\b|click here\b|(?:photo|image|picture|video|credit)s?:|this post (?:may )?contains? affiliate|©|breaking news$)/i;
/** Bylines and timestamps: "By Jane Doe - 11/18/19 11:04 PM", "Updated Nov 19, 6:55 AM", "Published 1 day ago". */
const DATELINE_RE =
  /^(?:(?:last )?(?:updated|published|posted|modified)\b|by\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s*(?:[-|,–—]|and\b)|$)|\p{L}+-feira,)/iu;
const TIME_OR_DATE_RE = /\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;
const SHARE_WORDS_RE = /^(?:(?:whatsapp|facebook|twitter|pinterest|pint|linkedin|reddit|email|e-mail|print|share|tweet|copy link|baixar|messenger|telegram)\b[\s|,·]*)+$/i;
const MAX_FURNITURE_LINE_CHARS = 160;
const MAX_DATELINE_WORDS = 16;

/** What the page says about itself; a paragraph repeating it is furniture. */
export interface PageFacts {
  title?: string;
  url?: string;
  byline?: string;
}

const MONTH_WORDS =
  'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|' +
  'ene|abr|ago|dic|fev|mai|set|out|dez|gen|mag|giu|lug|ott|janeiro|fevereiro|março|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro';
/** A paragraph that is only a date: "September 15, 2014", "02 Ago 2017", "2019-11-20". */
const DATE_ONLY_RE = new RegExp(`^(?:(?:${MONTH_WORDS})\\.?|\\d{1,4}(?:st|nd|rd|th)?|[,/.\\s-])+$`, 'i');

const MONTH_RE = new RegExp(`\\b(?:${MONTH_WORDS})\\b`, 'i');
const NUMERIC_DATE_RE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/;

function isDateOnly(block: string): boolean {
  return NUMERIC_DATE_RE.test(block) || (/\d/.test(block) && MONTH_RE.test(block) && DATE_ONLY_RE.test(block));
}

function isFurnitureLine(block: string, facts: PageFacts): boolean {
  if (block.length > MAX_FURNITURE_LINE_CHARS) return false;
  if (FURNITURE_LINE_RE.test(block) || SHARE_WORDS_RE.test(block)) return true;
  if (block === facts.title || block === facts.url || block === facts.byline) return true;
  if (isDateOnly(block)) return true;
  const words = block.split(' ').length;
  return words <= MAX_DATELINE_WORDS && DATELINE_RE.test(block) && (TIME_OR_DATE_RE.test(block) || /^by\s/i.test(block));
}

/** A teaser: a short paragraph that is all link, like the "more stories" headlines after an article. */
const MAX_TEASER_WORDS = 20;
const MIN_TEASER_LINK_SHARE = 0.8;
const isTeaser = (block: TextBlock): boolean =>
  block.linkChars >= block.text.length * MIN_TEASER_LINK_SHARE && countWords(block.text) <= MAX_TEASER_WORDS;

/** A linked paragraph in capitals is a promo ("CLICK HERE TO GET THE APP", a shouted related headline). */
const MIN_SHOUT_UPPER_SHARE = 0.9;
function isShoutedLink(block: TextBlock): boolean {
  if (block.linkChars < block.text.length * MIN_TEASER_LINK_SHARE) return false;
  const letters = block.text.match(/\p{L}/gu) ?? [];
  const upper = letters.filter((c) => c !== c.toLowerCase()).length;
  return letters.length >= 10 && upper >= letters.length * MIN_SHOUT_UPPER_SHARE;
}

/**
 * Drops furniture paragraphs (share rows, bylines, timestamps, "read more") from extracted
 * text blocks, and the run of linked teaser headlines that often trails an article.
 */
export function dropFurnitureBlocks(blocks: TextBlock[], facts: PageFacts = {}): string[] {
  const kept = blocks.filter((b) => !isFurnitureLine(b.text, facts) && !isShoutedLink(b));
  let end = kept.length;
  while (end > 1 && isTeaser(kept[end - 1] as TextBlock)) end--;
  // An author bio ("Jane Doe is a reporter who…") closing the article.
  const bio = facts.byline ? `${facts.byline} is ` : undefined;
  while (bio && end > 1 && end >= kept.length - 2 && kept[end - 1]?.text.startsWith(bio)) end--;
  return kept.slice(0, end).map((b) => b.text);
}
