import { embedLength } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, renderReply } from '../../../../src/adapters/discord/render.js';
import type { DiscordMessage } from '../../../../src/adapters/discord/types.js';
import type { Reply } from '../../../../src/core/model.js';

/** Every Discord limit a message must respect. */
function expectWithinLimits(messages: DiscordMessage[]): void {
  for (const message of messages) {
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
    expect(message.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    for (const embed of message.embeds) {
      expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.title);
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.description);
      expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
      expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
      for (const field of embed.fields ?? []) {
        expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
        expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
      }
    }
    expect(message.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.rows);
    for (const row of message.components) {
      expect(row.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonsPerRow);
      for (const button of row.components) {
        expect('custom_id' in button ? button.custom_id.length : 0).toBeLessThanOrEqual(100);
        expect(('label' in button ? button.label : '')?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.label);
      }
    }
  }
}

const allText = (messages: DiscordMessage[]) =>
  messages.flatMap((m) => m.embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).map((f) => f.value)].join('\n'))).join('\n');

const briefing: Reply = {
  kind: 'briefing',
  heading: 'Council approves river park',
  points: ['The council approved the park on Tuesday.', 'Construction starts in March.'],
  quote: { text: 'It is a good day for the city', speaker: 'the mayor' },
  context: ['example.org', '3 min read'],
  briefingId: 'b1',
  actions: (['more', 'ask', 'quotes', 'who', 'next', 'source'] as const).map((verb) => ({ verb, label: verb, briefingId: 'b1' })),
};

describe('renderReply', () => {
  it('renders a briefing as one embed with numbered points, the quote, the context footer and follow-up buttons', () => {
    const [message, ...rest] = renderReply(briefing, { askedBy: 'Ada' });
    expect(rest).toHaveLength(0);
    const embed = message!.embeds[0]!;
    expect(embed.title).toBe('Council approves river park');
    expect(embed.description).toContain('**1.** The council approved the park on Tuesday.');
    expect(embed.description).toContain('> “It is a good day for the city” — the mayor');
    expect(embed.footer?.text).toBe('example.org · 3 min read · asked by Ada');
    const ids = message!.components.flatMap((r) => r.components.map((b) => ('custom_id' in b ? b.custom_id : '')));
    expect(ids).toEqual(['nb:v1:more:b1', 'nb:v1:ask:b1', 'nb:v1:quotes:b1', 'nb:v1:who:b1', 'nb:v1:next:b1', 'nb:v1:source:b1']);
    expect(message!.components.map((r) => r.components.length)).toEqual([5, 1]);
  });

  it('cuts a 300-character title to 256 and keeps the full title in the text', () => {
    const heading = `${'Headline '.repeat(33)}end`;
    const messages = renderReply({ ...briefing, heading });
    expectWithinLimits(messages);
    expect(messages[0]!.embeds[0]!.title!.length).toBeLessThanOrEqual(256);
    expect(messages[0]!.embeds[0]!.title!.endsWith('…')).toBe(true);
    expect(messages[0]!.embeds[0]!.description).toContain('end');
  });

  it('splits a 5,000-character point across embeds without losing words', () => {
    const words = Array.from({ length: 1000 }, (_, i) => `w${i}`);
    const point = words.join(' ').padEnd(5000, '.');
    const messages = renderReply({ ...briefing, points: [point] });
    expectWithinLimits(messages);
    const text = allText(messages);
    expect(text).toContain('w0 ');
    expect(text).toContain('w999');
    expect(messages.flatMap((m) => m.embeds).length).toBeGreaterThanOrEqual(2);
  });

  it('spreads 60 links over messages within 6,000 characters and 10 embeds each, buttons on the last', () => {
    const links = Array.from({ length: 60 }, (_, i) => ({
      title: `Story ${i}: ${'a long headline about the river park and its budget '.repeat(2)}`,
      url: `https://news.example.org/2026/11/27/story-${i}-${'x'.repeat(40)}`,
      source: `Outlet ${i}`,
    }));
    const sections = Array.from({ length: 12 }, (_, s) => ({ heading: `Story group ${s}`, links: links.slice(s * 5, s * 5 + 5) }));
    const messages = renderReply({ kind: 'digest', heading: 'Morning digest', links, sections, actions: briefing.actions });
    expectWithinLimits(messages);
    expect(messages.length).toBeGreaterThan(1);
    for (let i = 0; i < 60; i++) expect(allText(messages)).toContain(`story-${i}-`);
    expect(messages.slice(0, -1).every((m) => m.components.length === 0)).toBe(true);
    expect(messages.at(-1)!.components.length).toBeGreaterThan(0);
  });

  it('keeps many long fields within 25 fields and 1,024 characters each', () => {
    const fields = Array.from({ length: 40 }, (_, i) => ({ label: `Field ${i} ${'n'.repeat(300)}`, value: `v${i} `.repeat(400) }));
    const messages = renderReply({ kind: 'info', heading: 'Fields', fields });
    expectWithinLimits(messages);
    expect(allText(messages)).toContain('v39');
  });

  it('escapes markdown in article text and leaves @everyone as text with mentions disabled', () => {
    const [message] = renderReply({ kind: 'briefing', heading: 'Vote', points: ['@everyone read **this** now'] });
    expect(message!.allowed_mentions).toEqual({ parse: [] });
    expect(message!.embeds[0]!.description).toContain('@everyone read \\*\\*this\\*\\* now');
  });

  it('renders links as masked links and drops non-web URLs to plain text', () => {
    const [message] = renderReply({
      kind: 'digest', heading: 'Links',
      links: [{ title: 'A [bracketed] title', url: 'https://ex.org/a_(b)', source: 'Ex' }, { title: 'Script', url: 'javascript:alert(1)' }],
    });
    expect(message!.embeds[0]!.description).toContain('• [A \\[bracketed\\] title](https://ex.org/a_%28b%29) · Ex');
    expect(message!.embeds[0]!.description).toContain('• Script');
    expect(message!.embeds[0]!.description).not.toContain('javascript:');
  });

  it('shows an error as one short plain message', () => {
    const messages = renderReply({ kind: 'error', ephemeral: true, text: 'Could not fetch that page; check the link.' });
    expect(messages).toEqual([{ content: '⚠️ Could not fetch that page; check the link.', embeds: [], components: [], allowed_mentions: { parse: [] } }]);
  });

  it('leaves out a button whose custom id would pass 100 characters', () => {
    const [message] = renderReply({ ...briefing, actions: [{ verb: 'more', label: 'More', briefingId: 'x'.repeat(95) }] });
    expect(message!.components).toEqual([]);
  });

  it('puts the footer on an extra embed when the last embed is full', () => {
    const messages = renderReply({ kind: 'info', heading: 'T'.repeat(256), text: 'y'.repeat(4096), context: ['c'.repeat(3000)] });
    expectWithinLimits(messages);
    expect(messages.flatMap((m) => m.embeds).at(-1)!.footer!.text.length).toBe(2048);
  });
});
