import { describe, expect, it } from 'vitest';
import { makeCreditCode } from '@/db/seed/factories';
import { checkCreditCode, creditCodeCheckChar } from './credit-code';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts real codes', () => {
    expect(checkCreditCode('91330100716105852F')).toBeNull();
    expect(checkCreditCode('9144030071526726XG')).toBeNull();
    expect(checkCreditCode(' 9144030071526726xg ')).toBeNull(); // trimmed, case-insensitive
  });

  it('rejects a wrong check character, length and forbidden letters', () => {
    expect(checkCreditCode('91330100716105852E')).toBe('checksum');
    expect(checkCreditCode('9133010071610585')).toBe('length');
    expect(checkCreditCode('91330100716105852I')).toBe('charset');
    expect(checkCreditCode('9133010071610585ZF')).toBe('charset');
  });

  it('computes a check character that maps 31 to 0', () => {
    expect(creditCodeCheckChar('91330100716105852')).toBe('F');
    expect(creditCodeCheckChar('9133010071610585')).toBeNull();
  });

  it('the factory only makes valid, distinct codes', () => {
    const codes = Array.from({ length: 200 }, () => makeCreditCode('410100'));
    for (const c of codes) expect(checkCreditCode(c)).toBeNull();
    expect(new Set(codes).size).toBe(200);
  });
});
