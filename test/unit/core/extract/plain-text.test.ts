import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromText } from '../../../../src/core/extract/index.js';

const SEED = fs.readFileSync(path.resolve(__dirname, '../../../fixtures/pages/plain-article.txt'), 'utf8');

describe('articleFromText', () => {
  it('reads site name and headline from the header lines and drops the reading time', () => {
    const article = articleFromText(SEED);
    expect(article.siteName).toBe('Report Wire');
    expect(article.title).toBe('No concessions: Russia takes laborious line earlier than very important talks with U.S.');
    expect(article.text.startsWith('Russia mentioned on Sunday')).toBe(true);
    expect(article.text).not.toMatch(/4 min read|News at Another Perspective/);
    expect(article.language).toBe('en');
  });

  it('keeps one paragraph per line when lines end sentences', () => {
    const paragraphs = articleFromText(SEED).text.split('\n\n');
    expect(paragraphs.length).toBeGreaterThan(10);
    expect(paragraphs[1]).toMatch(/^The laborious line from Moscow/);
  });

  it('joins hard-wrapped lines into one paragraph', () => {
    const text = 'Storm closes schools\n\nHeavy snow closed most schools in the county on\nMonday, and officials said buses would not run\nuntil the roads were cleared by the crews.\n\nParents were told to check the council website for updates through the week.';
    const article = articleFromText(text);
    expect(article.title).toBe('Storm closes schools');
    expect(article.text.split('\n\n')).toEqual([
      'Heavy snow closed most schools in the county on Monday, and officials said buses would not run until the roads were cleared by the crews.',
      'Parents were told to check the council website for updates through the week.',
    ]);
  });

  it('makes a title from the first sentence when the text has no title line', () => {
    const article = articleFromText('The bridge reopened on Friday after six months of repairs. Drivers said the detour had added an hour to their commute each day, and shops nearby reported fewer customers.');
    expect(article.title).toBe('The bridge reopened on Friday after six months of repairs.');
  });

  it('leaves a wire dateline out of a title made from the first sentence', () => {
    const body = 'Drivers said the detour had added an hour to their commute each day, and shops nearby reported fewer customers.';
    expect(articleFromText(`(CNN)The bridge reopened on Friday after repairs. ${body}`).title).toBe('The bridge reopened on Friday after repairs.');
    expect(articleFromText(`LONDON (Reuters) - The bridge reopened on Friday. ${body}`).title).toBe('The bridge reopened on Friday.');
    expect(articleFromText(`The (small) bridge reopened on Friday. ${body}`).title).toBe('The (small) bridge reopened on Friday.');
  });

  it('refuses text too short to brief', () => {
    expect(() => articleFromText('Hello there.')).toThrow(expect.objectContaining({ code: 'EXTRACT_EMPTY' }));
  });
});
