import { describe, expect, it } from 'vitest';
import { describeCron, parseScheduleSpec } from '../../../../src/core/schedule/index.js';
import { isNewsbriefError } from '../../../../src/core/errors.js';

const messageOf = (text: string): string => {
  try {
    parseScheduleSpec(text);
  } catch (err) {
    expect(isNewsbriefError(err) && err.code).toBe('BAD_INPUT');
    return (err as Error).message;
  }
  throw new Error('expected BAD_INPUT');
};

describe('parseScheduleSpec', () => {
  it('reads "daily 08:00" with a zone, topics, exclusions and a story count', () => {
    expect(parseScheduleSpec('daily 08:00 tz:Europe/Paris topics: AI, climate change exclude: crypto max:5')).toEqual({
      cron: '0 8 * * *',
      timezone: 'Europe/Paris',
      topics: ['ai', 'climate change'],
      exclude: ['crypto'],
      maxStories: 5,
    });
  });

  it('reads weekdays, weekends, a day name and a raw cron expression, with the zone anywhere', () => {
    expect(parseScheduleSpec('weekdays 07:30').cron).toBe('30 7 * * 1-5');
    expect(parseScheduleSpec('tz:America/New_York weekends 9:15')).toMatchObject({ cron: '15 9 * * 0,6', timezone: 'America/New_York' });
    expect(parseScheduleSpec('mondays 18:00').cron).toBe('0 18 * * 1');
    expect(parseScheduleSpec('30 6 * * 1-5', 'Europe/Berlin')).toMatchObject({ cron: '30 6 * * 1-5', timezone: 'Europe/Berlin' });
    expect(describeCron('30 7 * * 1-5')).toBe('weekdays at 07:30');
  });

  it('explains what is wrong with a bad zone, time, cron field or story count', () => {
    expect(messageOf('daily 08:00 tz:Europe/Pariss')).toMatch(/Unknown time zone "Europe\/Pariss"\. Use an IANA name/);
    expect(messageOf('daily 25:00')).toMatch(/"25:00" is not a time of day/);
    expect(messageOf('0 25 * * *')).toMatch(/The hour field of "0 25 \* \* \*" is out of range/);
    expect(messageOf('every morning')).toMatch(/not a schedule newsbrief understands/);
    expect(messageOf('daily 08:00 max:100')).toMatch(/max: takes a whole number/);
  });
});
