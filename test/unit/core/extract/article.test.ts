import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scorePage } from '../../../../scripts/eval-extract.js';
import { NewsbriefError } from '../../../../src/core/errors.js';
import { extractArticle } from '../../../../src/core/extract/index.js';

const ARTICLES = path.resolve(__dirname, '../../../fixtures/articles');
const PAGES = path.resolve(__dirname, '../../../fixtures/pages');
const read = (dir: string, name: string): string => fs.readFileSync(path.join(dir, name), 'utf8');

function extractionError(html: string): NewsbriefError {
  try {
    extractArticle(html);
  } catch (e) {
    expect(e).toBeInstanceOf(NewsbriefError);
    return e as NewsbriefError;
  }
  throw new Error('expected extraction to fail');
}

describe('extractArticle on real news pages', () => {
  const names = fs.readdirSync(ARTICLES).filter((f) => f.endsWith('.html')).map((f) => f.replace(/\.html$/, ''));

  it.each(names)('finds the body of %s as the benchmark annotators did (F1 ≥ 0.93)', (name) => {
    const expected = JSON.parse(read(ARTICLES, `${name}.expected.json`)) as { id: string; url: string; articleBody: string };
    const article = extractArticle(read(ARTICLES, `${name}.html`), { url: expected.url });
    const score = scorePage(expected.id, expected.articleBody, article.text);
    const f1 = (2 * score.precision! * score.recall!) / (score.precision! + score.recall!);
    expect(f1).toBeGreaterThanOrEqual(0.93);
    expect(article.url).toBe(expected.url);
    expect(article.title.length).toBeGreaterThan(5);
  });

  it('keeps paragraphs apart with a blank line', () => {
    const article = extractArticle(read(ARTICLES, 'thespacereview.html'));
    const paragraphs = article.text.split('\n\n');
    expect(paragraphs.length).toBeGreaterThan(3);
    for (const p of paragraphs) expect(p).not.toMatch(/\n/);
  });

  it('reads title, site name, date, canonical URL and language from the page', () => {
    const article = extractArticle(read(ARTICLES, 'aljazeera.html'), { url: 'https://www.aljazeera.com/x?utm_source=t' });
    expect(article.title).toMatch(/commercial moon shot/i);
    expect(article.siteName).toMatch(/al jazeera/i);
    expect(article.publishedAt).toMatch(/^2019-11-1\dT/);
    expect(article.canonicalUrl).toMatch(/^https:\/\/www\.aljazeera\.com\/ajimpact\/nasas-commercial-moon-shot/);
    expect(article.language).toBe('en');
  });

  it('drops captions, share rows, bylines and newsletter boxes inside the article', () => {
    const filler = 'The committee met on Tuesday to discuss the proposal in detail, and members asked many questions about cost. ';
    const html = `<html lang="en"><head><title>Committee backs plan</title>
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Committee backs plan","author":{"@type":"Person","name":"Ann Reporter"},"datePublished":"2024-03-05T10:00:00Z","publisher":{"@type":"Organization","name":"Example Times"}}</script></head>
      <body><article>
      <p>By Ann Reporter | March 5, 2024 10:00 AM</p>
      <figure><img src="a.jpg"><figcaption>The committee room on Tuesday. Photo: Agency</figcaption></figure>
      <p>${filler.repeat(3)}</p>
      <div class="newsletter-signup"><p>Get our morning briefing in your inbox every day.</p></div>
      <p>${filler.repeat(3)}</p>
      <div class="share-buttons">Facebook Twitter Email</div>
      <p>Read more: Council delays vote on parking</p>
      </article></body></html>`;
    const article = extractArticle(html);
    expect(article.text).not.toMatch(/committee room on Tuesday|morning briefing|Facebook|Read more|By Ann/);
    expect(article.text.split('\n\n')).toHaveLength(2);
    expect(article).toMatchObject({ title: 'Committee backs plan', byline: 'Ann Reporter', siteName: 'Example Times', publishedAt: '2024-03-05T10:00:00.000Z' });
  });
});

describe('extractArticle with a single marked-up article', () => {
  it('leaves out reader comments and rails beside the <article>', () => {
    const story = 'The regional council approved the new tram line on Thursday after a long debate about costs and routes. '.repeat(3);
    const comment = 'I think this is a terrible idea and the council should have listened to residents before deciding anything. '.repeat(2);
    const html = `<html><head><title>Tram line approved</title></head><body>
      <div class="layout"><article><h1>Tram line approved</h1><p>${story}</p><p>${story}</p><p>${story}</p></article>
      <div class="discussion"><h3>Reader views</h3><p>${comment}</p><p>${comment}</p></div></div></body></html>`;
    const article = extractArticle(html);
    expect(article.text).toContain('approved the new tram line');
    expect(article.text).not.toContain('terrible idea');
  });
});

describe('extractArticle refuses pages without an article', () => {
  it.each(['home-page.html', 'login-wall.html', 'cookie-wall.html'])('answers "no article found" for %s', (name) => {
    const err = extractionError(read(PAGES, name));
    expect(err.code).toBe('EXTRACT_EMPTY');
    expect(err.message).toBe('no article found on this page');
  });

  it('answers "paywalled" for a subscriber-only stub', () => {
    const err = extractionError(read(PAGES, 'paywall-stub.html'));
    expect(err.code).toBe('PAYWALLED');
    expect(err.message).toBe('this page looks paywalled');
  });

  it('answers "no article found" for an empty document', () => {
    expect(extractionError('').code).toBe('EXTRACT_EMPTY');
  });
});

describe('extractArticle on hostile pages', () => {
  it.each([
    ['200,000 unclosed <script tags', (): string => `<html><body>${'<script '.repeat(200_000)}`],
    ['300,000 unclosed attribute quotes', (): string => `<html><body><p data-x="${' alt="x'.repeat(300_000)}`],
    ['300,000 nested <nav> elements', (): string => `<html><body>${'<nav>'.repeat(300_000)}`],
    ['50,000 nested <div> elements', (): string => `<html><body>${'<div>'.repeat(50_000)}text`],
    ['20,000 nested custom elements', (): string => `<html><body>${'<x-box>'.repeat(20_000)}text`],
  ])('answers quickly for %s', (_name, build) => {
    const html = build();
    const started = Date.now();
    expect(() => extractArticle(html)).toThrow(NewsbriefError);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
