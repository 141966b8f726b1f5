import { describe, expect, it } from 'vitest';
import { calendar, humanDuration, parseRfc3339, rfc3339 } from './format';

describe('time formatting', () => {
  it('prints timestamps relative to the simulation epoch', () => {
    expect(rfc3339(0)).toBe('2026-01-05T09:00:00Z');
    expect(rfc3339(61_000)).toBe('2026-01-05T09:01:01Z');
    expect(rfc3339(86_400_000 * 30)).toBe('2026-02-04T09:00:00Z');
  });

  it('parses what it prints', () => {
    for (const ms of [0, 999_000, 86_400_000 * 400 + 5000])
      expect(parseRfc3339(rfc3339(ms))).toBe(ms);
    expect(parseRfc3339('yesterday')).toBeUndefined();
  });

  it("prints AGE like kubectl's HumanDuration", () => {
    const s = 1000;
    expect(humanDuration(0)).toBe('0s');
    expect(humanDuration(119 * s)).toBe('119s');
    expect(humanDuration(120 * s)).toBe('2m');
    expect(humanDuration(185 * s)).toBe('3m5s');
    expect(humanDuration(10 * 60 * s)).toBe('10m');
    expect(humanDuration(179 * 60 * s)).toBe('179m');
    expect(humanDuration(3 * 3600 * s)).toBe('3h');
    expect(humanDuration(7 * 3600 * s + 59 * 60 * s)).toBe('7h59m');
    expect(humanDuration(47 * 3600 * s)).toBe('47h');
    expect(humanDuration(50 * 3600 * s)).toBe('2d2h');
    expect(humanDuration(10 * 86400 * s)).toBe('10d');
  });
});

describe('calendar', () => {
  it('gives the civil date, weekday and time of a simulated instant', () => {
    expect(calendar(0)).toEqual({
      year: 2026,
      month: 1,
      day: 5,
      weekday: 1,
      hour: 9,
      minute: 0,
      second: 0,
      ms: 0,
    });
    expect(calendar(86_400_000 * 6 + 3_723_456)).toMatchObject({
      day: 11,
      weekday: 0,
      hour: 10,
      minute: 2,
      second: 3,
      ms: 456,
    });
  });
});
