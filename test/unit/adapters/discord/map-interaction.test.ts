import { describe, expect, it } from 'vitest';
import { checkInvocation, normalizeUrl, toCommandText } from '../../../../src/adapters/discord/map-interaction.js';

const text = (group: string | null, subcommand: string, options: Record<string, string | number> = {}) =>
  toCommandText({ group, subcommand, options });

describe('toCommandText maps /brief subcommands to the core grammar', () => {
  it.each([
    [text(null, 'link', { url: ' https://ex.org/a ' }), 'https://ex.org/a'],
    [text(null, 'text', { content: 'The council met.' }), 'The council met.'],
    [text(null, 'digest'), ''],
    [text(null, 'ask', { question: 'who pays?' }), 'ask who pays?'],
    [text(null, 'more'), 'more'],
    [text(null, 'more', { point: 2 }), 'more 2'],
    [text(null, 'quotes'), 'quotes'],
    [text(null, 'who'), 'who'],
    [text(null, 'next'), 'next'],
    [text(null, 'source'), 'source'],
    [text(null, 'help'), 'help'],
    [text(null, 'why', { url: 'https://ex.org/item' }), 'why https://ex.org/item'],
    [text('feeds', 'add', { url: 'https://ex.org/feed' }), 'feeds add https://ex.org/feed'],
    [text('feeds', 'add', { url: 'https://ex.org/feed', latest: 3 }), 'feeds add https://ex.org/feed latest:3'],
    [text('feeds', 'add', { url: 'https://ex.org/feed', latest: 3, weight: 2.5 }), 'feeds add https://ex.org/feed latest:3 weight:2.5'],
    [text('feeds', 'list'), 'feeds list'],
    [text('feeds', 'remove', { url: 'https://ex.org/feed' }), 'feeds remove https://ex.org/feed'],
    [text('schedule', 'set', { when: 'daily 08:00', timezone: 'Europe/Paris' }), 'schedule set daily 08:00 tz:Europe/Paris'],
    [
      text('schedule', 'set', { when: '"0  8 * * 1-5"', timezone: 'UTC', topics: 'climate, energy ,', exclude: 'sport' }),
      'schedule set 0 8 * * 1-5 tz:UTC topics:climate,energy exclude:sport',
    ],
    [text('schedule', 'show'), 'schedule show'],
    [text('schedule', 'off'), 'schedule off'],
    [text('settings', 'summarizer', { name: 'llm' }), 'settings summarizer llm'],
  ])('%j → %j', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('web address options', () => {
  it('adds https:// to a bare domain and keeps full addresses', () => {
    expect(normalizeUrl('example.org/news/a')).toBe('https://example.org/news/a');
    expect(normalizeUrl('http://127.0.0.1:8080/x')).toBe('http://127.0.0.1:8080/x');
    expect(text(null, 'link', { url: 'example.org/a' })).toBe('https://example.org/a');
  });
  it('refuses words and whitespace that would change the command', () => {
    expect(normalizeUrl('help')).toBeUndefined();
    expect(normalizeUrl('https://ex.org/feed latest:50')).toBeUndefined();
    expect(checkInvocation({ group: null, subcommand: 'link', options: { url: 'feeds add https://x.org' } })).toMatch(/web address/);
    expect(checkInvocation({ group: 'feeds', subcommand: 'add', options: { url: 'https://x.org/feed' } })).toBeUndefined();
    expect(checkInvocation({ group: null, subcommand: 'ask', options: { question: 'why?' } })).toBeUndefined();
  });
});
