import { describe, expect, it } from 'vitest';
import { dayNumber, dayString, parseDay, parseSince, BadWindow, streaks, UTC, weekday } from '../../src/engine/days.js';

const today = parseDay('2026-11-21');

describe('days', () => {
  it('numbers local days, so an evening in New York stays on its own date', () => {
    const at = Date.parse('2026-11-21T03:00:00Z');
    expect(dayString(dayNumber(at, UTC))).toBe('2026-11-21');
    expect(dayString(dayNumber(at, () => 300))).toBe('2026-11-20');
    expect(dayString(dayNumber(at, () => -600))).toBe('2026-11-21');
  });

  it('starts weeks on Monday', () => {
    expect(weekday(parseDay('2026-11-16'))).toBe(0);
    expect(weekday(today)).toBe(5);
    expect(weekday(parseDay('2026-11-22'))).toBe(6);
  });
});

describe('parseSince', () => {
  it('counts days and weeks back from today, today included', () => {
    expect(dayString(parseSince('30d', today))).toBe('2026-10-23');
    expect(dayString(parseSince('1d', today))).toBe('2026-11-21');
    expect(dayString(parseSince('12w', today))).toBe('2026-08-30');
    expect(dayString(parseSince(' 2W ', today))).toBe('2026-11-08');
  });

  it('takes a calendar date', () => {
    expect(dayString(parseSince('2026-10-01', today))).toBe('2026-10-01');
    expect(parseSince('2026-11-21', today)).toBe(today);
  });

  it.each([
    ['0d', /at least one day/],
    ['2026-02-30', /not a calendar date/],
    ['2026-11-22', /in the future \(today is 2026-11-21\)/],
    ['last month', /expected a number of days or weeks \(30d, 12w\) or a date/],
    ['30', /expected/],
  ])('rejects %s with a located reason that names no CLI flag (the report command adds --since and exits 2)', (v, msg) => {
    expect(() => parseSince(v, today)).toThrow(msg);
    try {
      parseSince(v, today);
    } catch (e) {
      expect(e).toBeInstanceOf(BadWindow);
      expect((e as Error).message).not.toMatch(/--since/);
    }
  });
});

describe('streaks', () => {
  it('counts back from today, and from yesterday while today is still open', () => {
    const days = new Set([today, today - 1, today - 2, today - 5, today - 6, today - 7, today - 8]);
    expect(streaks(days, today)).toEqual({ current: 3, longest: 4 });
    expect(streaks(new Set([today - 1, today - 2]), today)).toEqual({ current: 2, longest: 2 });
    expect(streaks(new Set([today - 2]), today)).toEqual({ current: 0, longest: 1 });
    expect(streaks(new Set(), today)).toEqual({ current: 0, longest: 0 });
  });
});
