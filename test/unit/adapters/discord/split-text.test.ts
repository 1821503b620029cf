import { describe, expect, it } from 'vitest';
import { escapeText } from '../../../../src/adapters/discord/escape-markdown.js';
import { chunkLines } from '../../../../src/adapters/discord/split-text.js';

describe('chunkLines', () => {
  it('never separates a markdown escape from its character when it must cut inside a word', () => {
    // One long "word" of escaped asterisks: every cut falls inside it.
    const line = escapeText('*'.repeat(500));
    expect(line).toBe('\\*'.repeat(500));
    const chunks = chunkLines([line], 101);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(101);
      expect(c).toMatch(/^(?:\\\*)+$/);
    }
    expect(chunks.join('')).toBe(line);
  });

  it('never splits an emoji when it must cut inside a word', () => {
    const line = '😀'.repeat(300);
    const chunks = chunkLines([line], 101);
    for (const c of chunks) expect(c).not.toMatch(/[\ud800-\udbff]$|^[\udc00-\udfff]/);
    expect(chunks.join('')).toBe(line);
  });
});
