import { describe, expect, it } from 'vitest';
import { NewsbriefError } from '../../../../src/core/errors.js';
import { NOT_ANSWERED_TEXT, runFollowup } from '../../../../src/core/followup/index.js';
import { storedSeed } from './stored-seed.js';

const stored = storedSeed();

describe('ask', () => {
  it('answers "where will the talks be held?" with the sentence naming Geneva, Brussels and Vienna, quoted exactly', () => {
    const reply = runFollowup('ask', stored, 'where will the talks be held?');
    expect(reply.kind).toBe('followup');
    expect(reply.briefingId).toBe('b-seed');
    expect(reply.points).toContain(
      'Talks are due in Geneva, Brussels and Vienna however the state-owned RIA information company quoted Deputy Foreign Minister Sergei Ryabkov as saying it was completely potential that diplomacy may finish abruptly after a single assembly. (paragraph 3)',
    );
    expect(reply.points!.length).toBeLessThanOrEqual(3);
  });

  it('says the article does not say when it does not', () => {
    const reply = runFollowup('ask', stored, 'what is the capital of France?');
    expect(reply.text).toBe(NOT_ANSWERED_TEXT);
    expect(reply.points).toBeUndefined();
  });

  it('asks for a question when none is given', () => {
    expect(() => runFollowup('ask', stored, '  ')).toThrow(NewsbriefError);
  });
});

describe('quotes, who, next, source', () => {
  it('lists every quotation with its speaker', () => {
    const points = runFollowup('quotes', stored).points!;
    expect(points).toHaveLength(4);
    expect(points[0]).toMatch(/^“I can’t rule out anything.*” — Sergei Ryabkov$/);
    expect(points[2]).toMatch(/^“That’s like the fox.*gaslighting before” — Antony Blinken$/);
  });

  it('gives Sergei Ryabkov as Deputy Foreign Minister leading the Russian delegation', () => {
    const reply = runFollowup('who', stored);
    const people = reply.sections!.find((s) => s.heading === 'People')!.points!;
    expect(people[0]).toBe('Sergei Ryabkov — Deputy Foreign Minister, who will lead the Russian delegation in Geneva (4 mentions)');
    expect(reply.sections!.map((s) => s.heading)).toEqual(['People', 'Organisations', 'Places']);
  });

  it('lists Geneva, Brussels and Vienna meetings with their dates, soonest first', () => {
    const points = runFollowup('next', stored).points!;
    expect(points).toHaveLength(3);
    expect(points[0]).toMatch(/^Monday 10 January 2022/);
    expect(points[0]).toContain('Geneva');
    expect(points[1]).toMatch(/^Wednesday 12 January 2022: .*negotiations with NATO in Brussels$/);
    expect(points[2]).toMatch(/^Thursday 13 January 2022: .*negotiations on the Organisation for Security and Cooperation in Europe in Vienna$/);
  });

  it('shows the link, outlet, publication time and the integrity warnings', () => {
    const reply = runFollowup('source', stored);
    expect(reply.fields).toEqual(
      expect.arrayContaining([
        { label: 'Link', value: 'https://example.com/russia-talks' },
        { label: 'Outlet', value: 'Report Wire' },
        { label: 'Published', value: '2022-01-09T12:00:00Z' },
      ]),
    );
    expect(reply.context).toEqual(['Warning: Appears machine-paraphrased ("information company" for "news agency").']);
    expect(reply.actions!.map((a) => a.verb)).not.toContain('source');
  });
});

describe('more', () => {
  it('gives sentences the briefing did not use', () => {
    const points = runFollowup('more', stored).points!;
    expect(points).toHaveLength(3);
    const used = [0, 2, 7].map((i) => stored.article.text.split('\n')[i]!.slice(0, 40));
    for (const p of points) for (const u of used) expect(p.startsWith(u)).toBe(false);
  });

  it('expands point 2 with the sentences around its evidence, in the same paragraph', () => {
    const reply = runFollowup('more', stored, '2');
    expect(reply.heading).toBe('Point 2: Talks are due in Geneva, Brussels and Vienna.');
    expect(reply.points).toHaveLength(1);
    expect(reply.points![0]).toMatch(/^Talks are due in Geneva.* \(paragraph 3\)$/);
  });

  it('expands a point without recorded evidence from the sentence closest to it', () => {
    const noEvidence = storedSeed({ id: 'b2' });
    delete noEvidence.briefing.evidence;
    const reply = runFollowup('more', noEvidence, '3');
    expect(reply.points!.join(' ')).toContain('Tens of hundreds of Russian troops');
  });

  it('says which points exist when asked for one that does not', () => {
    expect(() => runFollowup('more', stored, '7')).toThrow('There is no point 7; this briefing has 3 points. Try /brief more 1 to 3.');
  });
});
