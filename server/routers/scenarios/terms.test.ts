import { describe, expect, it } from 'vitest';
import { parsePeriod, periodText, previousQuarter } from './terms';

describe('terms', () => {
  it('disclosure periods (HN-17 ¶2)', () => {
    expect(parsePeriod('2026-Q3')).toEqual({ year: 2026, part: 'Q3' });
    expect(parsePeriod('2026')).toEqual({ year: 2026, part: 'Y' });
    expect(parsePeriod('2026-Q5')).toBeNull();
    expect(periodText('2026-Q3')).toBe('2026年第三季度');
    expect(periodText('2025-H2')).toBe('2025年下半年');
    expect(periodText('2025')).toBe('2025年度');
    expect(previousQuarter('2026-11-23')).toBe('2026-Q3');
    expect(previousQuarter('2026-02-01')).toBe('2025-Q4');
  });
});
