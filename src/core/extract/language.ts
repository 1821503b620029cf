/**
 * Language of a text when the page does not declare one: franc-min (ISO 639-3) mapped to the
 * ISO 639-1 codes the model uses.
 */
import { franc } from 'franc-min';

const ISO_639_1: Record<string, string> = {
  eng: 'en', spa: 'es', por: 'pt', fra: 'fr', deu: 'de', ita: 'it', nld: 'nl', rus: 'ru', ukr: 'uk', pol: 'pl',
  jpn: 'ja', kor: 'ko', cmn: 'zh', arb: 'ar', hin: 'hi', tur: 'tr', swe: 'sv', ces: 'cs', ron: 'ro', hun: 'hu',
  ell: 'el', bul: 'bg', srp: 'sr', hrv: 'hr', ind: 'id', vie: 'vi', tha: 'th', fas: 'fa', heb: 'he', ben: 'bn',
};

/** ISO 639-1 code of `text`'s language, or undefined when unsure. */
export function detectLanguage(text: string): string | undefined {
  const code = franc(text.slice(0, 2000), { minLength: 40 });
  return ISO_639_1[code];
}
