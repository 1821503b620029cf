import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyContent } from '../../../../src/core/fetch/content-kind.js';

const PAGES = path.resolve(__dirname, '../../../fixtures/pages');
const bytes = (name: string): Buffer => fs.readFileSync(path.join(PAGES, name));

function refusal(contentType: string | undefined, body: Buffer): { code: string; message: string } {
  try {
    classifyContent(contentType, body);
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected a refusal');
}

describe('classifyContent', () => {
  it('sends HTML and XHTML to the extractor and keeps text/plain as text', () => {
    expect(classifyContent('text/html; charset=utf-8', bytes('home-page.html'))).toBe('html');
    expect(classifyContent('application/xhtml+xml', bytes('home-page.html'))).toBe('html');
    expect(classifyContent('text/plain', bytes('plain-article.txt'))).toBe('text');
    expect(classifyContent(undefined, bytes('home-page.html'))).toBe('html');
  });

  it.each([
    ['application/rss+xml', 'rss.xml'],
    ['application/atom+xml', 'atom.xml'],
    ['application/feed+json', 'feed.json'],
    ['text/xml', 'rss.xml'],
    ['text/html', 'atom.xml'],
    ['application/json', 'feed.json'],
    [undefined, 'rss.xml'],
  ])('recognises a feed served as %s (%s) and says how to follow it', (type, file) => {
    const err = refusal(type, bytes(file));
    expect(err.code).toBe('IS_FEED');
    expect(err.message).toBe('this link is a feed — follow it with /brief feeds add <url>');
  });

  it.each([
    ['application/pdf', 'document.pdf', /PDF/],
    ['application/octet-stream', 'document.pdf', /PDF/],
    ['image/png', 'pixel.png', /image \(image\/png\)/],
    ['audio/mpeg', 'pixel.png', /audio file \(audio\/mpeg\)/],
    ['video/mp4', 'pixel.png', /video \(video\/mp4\)/],
    ['application/zip', 'pixel.png', /application\/zip/],
  ])('refuses %s, naming the type', (type, file, pattern) => {
    const err = refusal(type, bytes(file));
    expect(err.code).toBe('UNSUPPORTED_CONTENT');
    expect(err.message).toMatch(pattern);
  });
});
