import { afterEach, describe, expect, it } from 'vitest';
import { canonicalSlot, createSlotMatcher, nextSlot, slotsBetween, type SlotMatcher } from '../../../../src/core/schedule/index.js';

let matcher: SlotMatcher | undefined;
afterEach(async () => {
  await matcher?.dispose();
});
const iso = (ds: Date[]): string[] => ds.map((d) => d.toISOString());

describe('slot arithmetic in America/New_York', () => {
  it('turns the skipped 02:30 of spring-forward day into a slot at 03:00 EDT', () => {
    matcher = createSlotMatcher('30 2 * * *', 'America/New_York');
    expect(iso(slotsBetween(matcher, new Date('2026-03-07T00:00:00Z'), new Date('2026-03-10T00:00:00Z')))).toEqual([
      '2026-03-07T07:30:00.000Z',
      '2026-03-08T07:00:00.000Z',
      '2026-03-09T06:30:00.000Z',
    ]);
  });

  it('counts the repeated 01:30 of fall-back day once, and maps its second occurrence to the first', () => {
    matcher = createSlotMatcher('30 1 * * *', 'America/New_York');
    expect(iso(slotsBetween(matcher, new Date('2026-10-31T12:00:00Z'), new Date('2026-11-02T12:00:00Z')))).toEqual([
      '2026-11-01T05:30:00.000Z',
      '2026-11-02T06:30:00.000Z',
    ]);
    expect(canonicalSlot(matcher, new Date('2026-11-01T06:30:10Z')).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(canonicalSlot(matcher, new Date('2026-11-02T06:30:10Z')).toISOString()).toBe('2026-11-02T06:30:00.000Z');
  });

  it('finds the next weekday slot and scans a week of minutes quickly', () => {
    matcher = createSlotMatcher('30 7 * * 1-5', 'America/New_York');
    expect(nextSlot(matcher, new Date('2026-11-27T13:00:00Z'))?.toISOString()).toBe('2026-11-30T12:30:00.000Z');
    const t0 = performance.now();
    expect(slotsBetween(matcher, new Date('2026-11-20T00:00:00Z'), new Date('2026-11-27T00:00:00Z'))).toHaveLength(5);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});
