import { describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_POLICY } from './security-policy';
import { hashPassword, passwordClasses, passwordProblem, verifyPassword } from './password';

describe('password rules', () => {
  it('needs ≥ 10 characters with 3 of upper, lower, digit, symbol', () => {
    expect(passwordProblem('Ab1!', DEFAULT_SECURITY_POLICY)).toMatch(/至少 10 位/);
    expect(passwordProblem('abcdefghij1', DEFAULT_SECURITY_POLICY)).toMatch(/至少 3 类/);
    expect(passwordProblem('abcdefghij1A', DEFAULT_SECURITY_POLICY)).toBeNull();
    expect(passwordProblem('abcdefgh1!x', DEFAULT_SECURITY_POLICY)).toBeNull();
    expect(passwordClasses('中文密码中文密码中文密码')).toBe(1);
  });

  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('Correct#Horse9');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'Correct#Horse9')).toBe(true);
    expect(await verifyPassword(h, 'Correct#Horse8')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});
