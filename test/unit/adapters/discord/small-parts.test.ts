import { describe, expect, it } from 'vitest';
import { commandDefinitions, needsManage } from '../../../../src/adapters/discord/command-definitions.js';
import { decodeCustomId, encodeCustomId } from '../../../../src/adapters/discord/custom-id.js';
import { escapeText } from '../../../../src/adapters/discord/escape-markdown.js';
import { nonceFor } from '../../../../src/adapters/discord/post-messages.js';
import { suggestTimezones } from '../../../../src/adapters/discord/timezones.js';

describe('custom ids', () => {
  it('round-trips a verb and briefing id', () => {
    const id = encodeCustomId({ verb: 'quotes', briefingId: 'br_01J:x' })!;
    expect(id).toBe('nb:v1:quotes:br_01J:x');
    expect(decodeCustomId(id)).toEqual({ verb: 'quotes', briefingId: 'br_01J:x' });
  });
  it('rejects foreign, unknown-verb and over-long ids', () => {
    expect(decodeCustomId('other:v1:more:b1')).toBeUndefined();
    expect(decodeCustomId('nb:v1:delete:b1')).toBeUndefined();
    expect(decodeCustomId('nb:v1:more:')).toBeUndefined();
    expect(encodeCustomId({ verb: 'more', briefingId: 'x'.repeat(90) })).toBeUndefined();
  });
});

describe('suggestTimezones', () => {
  it('offers zones matching what was typed, city matches first, at most 25', () => {
    expect(suggestTimezones('paris')[0]).toEqual({ name: 'Europe/Paris', value: 'Europe/Paris' });
    expect(suggestTimezones('new y').map((c) => c.value)).toContain('America/New_York');
    expect(suggestTimezones('america').length).toBe(25);
    expect(suggestTimezones('').length).toBe(25);
    expect(suggestTimezones('utc').map((c) => c.value)).toContain('UTC');
    expect(suggestTimezones('zzzz')).toEqual([]);
  });
});

describe('nonceFor', () => {
  it('is stable per key and part, differs between parts, and fits 25 characters', () => {
    expect(nonceFor('sched-1:slot', 0)).toBe(nonceFor('sched-1:slot', 0));
    expect(nonceFor('sched-1:slot', 0)).not.toBe(nonceFor('sched-1:slot', 1));
    expect(nonceFor('x'.repeat(500), 3).length).toBe(25);
  });
});

describe('escapeText', () => {
  it('makes markup render literally', () => {
    expect(escapeText('**bold** _it_ ~~s~~ `c` ||sp|| [a](b)')).toBe('\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|sp\\|\\| \\[a\\](b)');
    expect(escapeText('> quote\n# head\n- item\n12. item')).toBe('\\> quote\n\\# head\n\\- item\n12\\. item');
  });
  it('is fast on long runs', () => {
    const started = performance.now();
    escapeText('y'.repeat(100_000));
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('/brief definitions', () => {
  const [brief] = commandDefinitions();
  const option = (...path: string[]) =>
    path.reduce<any>((node, name) => node.options.find((o: any) => o.name === name), brief);

  it('has the subcommands and groups users type', () => {
    expect(brief!.name).toBe('brief');
    expect(brief!.options!.map((o) => o.name)).toEqual(
      ['link', 'text', 'digest', 'ask', 'more', 'quotes', 'who', 'next', 'source', 'why', 'help', 'feeds', 'schedule', 'settings'],
    );
    expect(option('feeds').options.map((o: any) => o.name)).toEqual(['add', 'list', 'remove']);
    expect(option('schedule').options.map((o: any) => o.name)).toEqual(['set', 'show', 'off']);
  });
  it('autocompletes the time zone and offers the two summarizers', () => {
    expect(option('schedule', 'set', 'timezone').autocomplete).toBe(true);
    expect(option('settings', 'summarizer', 'name').choices.map((c: any) => c.value)).toEqual(['extractive', 'llm']);
    expect(option('more', 'point').type).toBe(4);
    expect(option('feeds', 'add', 'latest').type).toBe(4);
  });
  it('marks changing feeds, schedules and settings as needing Manage Server, reading not', () => {
    expect(needsManage('schedule', 'set')).toBe(true);
    expect(needsManage('feeds', 'add')).toBe(true);
    expect(needsManage('settings', 'summarizer')).toBe(true);
    expect(needsManage('feeds', 'list')).toBe(false);
    expect(needsManage('schedule', 'show')).toBe(false);
    expect(needsManage(null, 'link')).toBe(false);
  });
});
