import { describe, expect, it } from 'vitest';
import { chunkMrkdwn, escapeMrkdwn, formatLink, trimText } from '../../../../src/adapters/slack/mrkdwn.js';
import { redactTokens } from '../../../../src/adapters/slack/logger.js';

describe('mrkdwn helpers', () => {
  it('chunks escaped text without cutting an entity or losing characters', () => {
    const text = escapeMrkdwn('a<b & c>d '.repeat(400));
    const chunks = chunkMrkdwn(text, 100);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(100);
      expect(c).not.toMatch(/&[a-z]*$/);
      expect(c).not.toMatch(/^[a-z]*;/);
    }
    expect(chunks.join(' ').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
  });

  it('never cuts a link across two chunks, so every chunk shows whole links', () => {
    const line = Array.from({ length: 40 }, (_, i) => formatLink(`https://news.example/story/${i}?ref=a&b=c`, `Report number ${i}`)).join(' ');
    const chunks = chunkMrkdwn(line, 120);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(120);
      expect(c).toMatch(/^(?:<https:\/\/news\.example\/story\/\d+\?ref=a&amp;b=c\|Report number \d+>\s*)+$/);
    }
    expect(chunks.join(' ')).toBe(line);
  });

  it('trims without splitting an emoji surrogate pair', () => {
    const out = trimText('😀'.repeat(100), 151);
    expect(out.length).toBeLessThanOrEqual(151);
    expect(out).not.toMatch(/[\ud800-\udbff]…$/);
  });

  it('redacts bot and app tokens from log text', () => {
    expect(redactTokens('failed with xoxb-123-456-abc and xapp-1-A1-xyz')).toBe('failed with [redacted] and [redacted]');
  });
});
