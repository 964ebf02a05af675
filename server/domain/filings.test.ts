import { describe, expect, it } from 'vitest';
import { annualDueOn, expiryLevel, latestEndOn, quarterEnd, quarterlyDueOn, termExceedsLimit } from './filings';

describe('agreement term (HN-14(2))', () => {
  it('3 years is allowed, 3 years and 1 day is not', () => {
    // end dates are inclusive: 2026-01-01 … 2028-12-31 is exactly 3 years
    expect(latestEndOn('2026-01-01')).toBe('2028-12-31');
    expect(termExceedsLimit('2026-01-01', '2028-12-31')).toBe(false);
    expect(termExceedsLimit('2026-01-01', '2029-01-01')).toBe(true);
    expect(latestEndOn('2026-03-15')).toBe('2029-03-14');
  });
  it('around 29 February', () => {
    expect(latestEndOn('2028-02-29')).toBe('2031-02-28');
    expect(termExceedsLimit('2028-02-29', '2031-03-01')).toBe(true);
    expect(latestEndOn('2027-03-01')).toBe('2030-02-28');
  });
});

describe('expiry reminders (HN-14(9))', () => {
  it('90 and 30 days before the end, and after it', () => {
    expect(expiryLevel('2027-12-31', '2027-10-01')).toBeNull();
    expect(expiryLevel('2027-12-31', '2027-10-02')).toBe('within90');
    expect(expiryLevel('2027-12-31', '2027-12-01')).toBe('within30');
    expect(expiryLevel('2027-12-31', '2027-12-31')).toBe('within30');
    expect(expiryLevel('2027-12-31', '2028-01-01')).toBe('expired');
  });
});

describe('periodic report due dates (HN-22 ¶3)', () => {
  it('quarter ends', () => {
    expect([1, 2, 3, 4].map((q) => quarterEnd(2025, q))).toEqual(['2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31']);
  });
  it('a quarterly report is due 15 days after the quarter by default, or as configured', () => {
    expect(quarterlyDueOn(2025, 3)).toBe('2025-10-15');
    expect(quarterlyDueOn(2025, 4)).toBe('2026-01-15');
    expect(quarterlyDueOn(2025, 1, 30)).toBe('2025-04-30');
  });
  it('the annual summary for 2025 is due 2026-03-31', () => {
    expect(annualDueOn(2025)).toBe('2026-03-31');
  });
});
