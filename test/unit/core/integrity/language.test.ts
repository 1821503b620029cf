import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../../src/core/integrity/language.js';

const german =
  'Russland erklärte am Sonntag, es werde bei den Gesprächen mit den Vereinigten Staaten in dieser Woche unter Druck keine Zugeständnisse machen. Zehntausende russische Soldaten stehen nahe der Grenze zur Ukraine. Die Gespräche beginnen am Montag in Genf, danach trifft sich Russland mit der NATO in Brüssel.';
const english =
  'Russia said on Sunday it would make no concessions under pressure at talks with the United States this week. Tens of thousands of Russian troops are massed near the border with Ukraine. The talks begin on Monday in Geneva, and Russia then meets NATO in Brussels.';

describe('detectLanguage', () => {
  it('recognises English prose', () => {
    expect(detectLanguage(english)).toMatchObject({ code: 'en', isEnglish: true, confident: true });
  });

  it('names a German article in English', () => {
    expect(detectLanguage(german)).toMatchObject({ code: 'de', name: 'German', isEnglish: false });
  });

  it('falls back to the declared language when the text is too short to tell', () => {
    expect(detectLanguage('Bonjour à tous', 'fr-FR')).toMatchObject({ code: 'fr', isEnglish: false, confident: false });
    expect(detectLanguage('Short note.')).toMatchObject({ code: 'en', isEnglish: true, confident: false });
  });
});
