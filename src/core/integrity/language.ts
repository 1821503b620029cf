/**
 * Which language an article is written in, with franc-min (trigram profiles of 82 languages, in-process).
 * newsbrief's sentence model (wink) is English-only, so the summarizer needs to know when it is not.
 */
import { francAll } from 'franc-min';

export interface DetectedLanguage {
  /** ISO 639-1 code where one exists (`de`), else ISO 639-3 (`cmn` becomes `zh`; `und` when unknown). */
  code: string;
  /** English name ("German"). */
  name: string;
  isEnglish: boolean;
  /** False when the text was too short to tell and the declared language (or English) was assumed. */
  confident: boolean;
}

/** Shorter samples make franc guess (it calls a short English sentence French). */
const MIN_SAMPLE_CHARS = 200;
const MIN_SAMPLE_CHARS_NON_LATIN = 40;
const SAMPLE_CHARS = 2000;
const FAST_SAMPLE_CHARS = 1500;
/** English wins when its score is within this share of the best language's (franc scores are relative). */
const ENGLISH_MARGIN = 0.9;

const ISO_639_1: Record<string, string> = {
  eng: 'en', spa: 'es', fra: 'fr', deu: 'de', ita: 'it', por: 'pt', nld: 'nl', rus: 'ru', ukr: 'uk',
  pol: 'pl', tur: 'tr', arb: 'ar', cmn: 'zh', jpn: 'ja', kor: 'ko', hin: 'hi', ben: 'bn', ind: 'id',
  vie: 'vi', tha: 'th', ron: 'ro', hun: 'hu', ces: 'cs', ell: 'el', swe: 'sv', zlm: 'ms', fas: 'fa',
  pes: 'fa', urd: 'ur', tam: 'ta', tel: 'te', mar: 'mr', swh: 'sw', hau: 'ha', yor: 'yo', ibo: 'ig',
  uzn: 'uz', azj: 'az', kaz: 'kk', srp: 'sr', hrv: 'hr', bel: 'be', bul: 'bg', aka: 'ak', amh: 'am',
};

/** The commonest English function words; together they make up a quarter or more of English prose. */
const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to a in is was that for on it with as he she at by from his her be have has had are were said not but they this an which who will would'.split(' '),
);
/** At or above this share of function words a text is English without asking franc (which costs ~1 ms/KB). */
const ENGLISH_SHARE = 0.2;

function isMostlyNonLatin(sample: string): boolean {
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return letters > 0 && latin / letters < 0.5;
}

function englishFunctionWordShare(sample: string): number {
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return 0;
  let hits = 0;
  for (const w of words) if (ENGLISH_FUNCTION_WORDS.has(w)) hits += 1;
  return hits / words.length;
}

const displayNames = new Intl.DisplayNames(['en'], { type: 'language' });

function nameOf(code: string): string {
  try {
    return displayNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Detects the language of a text.
 * @param text - the article text
 * @param declared - the language the page declared (`<html lang>`), used when the text is too short
 */
export function detectLanguage(text: string, declared?: string): DetectedLanguage {
  const sample = text.slice(0, SAMPLE_CHARS);
  // Non-Latin scripts pack more per character (a Japanese sentence is ~40 characters).
  const minChars = isMostlyNonLatin(sample) ? MIN_SAMPLE_CHARS_NON_LATIN : MIN_SAMPLE_CHARS;
  if (sample.replace(/\s+/g, ' ').length < minChars) {
    const code = (declared ?? 'en').toLowerCase().split(/[-_]/)[0] ?? 'en';
    return { code, name: nameOf(code), isEnglish: code === 'en', confident: false };
  }
  if (englishFunctionWordShare(sample.slice(0, FAST_SAMPLE_CHARS)) >= ENGLISH_SHARE) {
    return { code: 'en', name: 'English', isEnglish: true, confident: true };
  }
  const ranked = francAll(sample, { minLength: minChars });
  const [best, bestScore] = ranked[0] ?? ['und', 0];
  const english = ranked.find(([lang]) => lang === 'eng')?.[1] ?? 0;
  if (best === 'und') {
    const code = (declared ?? 'en').toLowerCase().split(/[-_]/)[0] ?? 'en';
    return { code, name: nameOf(code), isEnglish: code === 'en', confident: false };
  }
  if (best === 'eng' || english >= bestScore * ENGLISH_MARGIN) {
    return { code: 'en', name: 'English', isEnglish: true, confident: true };
  }
  const code = ISO_639_1[best] ?? best;
  return { code, name: nameOf(code), isEnglish: false, confident: true };
}
