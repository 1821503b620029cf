import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from '../../../../src/core/fetch/decode-text.js';

const PAGES = path.resolve(__dirname, '../../../fixtures/pages');
const bytes = (name: string): Buffer => fs.readFileSync(path.join(PAGES, name));

describe('decodeText', () => {
  it('decodes a Windows-1251 page declared in the header', () => {
    expect(decodeText(bytes('windows-1251.html'), 'text/html; charset=windows-1251')).toContain('Новая линия метро');
  });

  it('decodes a Windows-1251 page declared only in <meta>', () => {
    expect(decodeText(bytes('windows-1251.html'), 'text/html')).toContain('Новая линия метро');
  });

  it('trusts the page over a header that wrongly claims UTF-8', () => {
    expect(decodeText(bytes('windows-1251.html'), 'text/html; charset=utf-8')).toContain('Новая линия метро');
  });

  it('ignores an unknown charset label and falls back to the page', () => {
    expect(decodeText(bytes('windows-1251.html'), 'text/html; charset=x-made-up')).toContain('Новая линия метро');
  });

  it('decodes a Shift_JIS page declared in <meta>', () => {
    expect(decodeText(bytes('shift_jis.html'), 'text/html')).toContain('湾岸に新しい公園');
  });

  it('decodes ISO-8859-1 from the header, and Latin-1 bytes with no charset at all', () => {
    expect(decodeText(bytes('latin1.html'), 'text/html; charset=ISO-8859-1')).toContain('rénovées cet été');
    const guessed = decodeText(bytes('latin1.html'), 'text/html');
    expect(guessed).toContain('rénovées cet été');
    expect(guessed).not.toContain('\uFFFD');
  });

  it('lets a byte-order mark win and strips it', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>Grüße</p>', 'utf16le')]);
    expect(detectEncoding(utf16, 'text/html; charset=iso-8859-1')).toBe('utf-16le');
    expect(decodeText(utf16, 'text/html; charset=iso-8859-1')).toBe('<p>Grüße</p>');
    expect(decodeText(Buffer.from('\uFEFFhello', 'utf8'))).toBe('hello');
  });
});
