import { hash, verify } from '@node-rs/argon2';
import type { SecurityPolicy } from './security-policy';

/** argon2id (Algorithm.Argon2id = 2) with OWASP's recommended minimum cost. */
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** Character classes present: upper, lower, digit, symbol. */
export function passwordClasses(password: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

/** The complexity rule (等保 L3): returns the message to show beside the field, or null. */
export function passwordProblem(password: string, policy: Pick<SecurityPolicy, 'passwordMinLength' | 'passwordMinClasses'>): string | null {
  if (password.length < policy.passwordMinLength) return `密码至少 ${policy.passwordMinLength} 位`;
  if (passwordClasses(password) < policy.passwordMinClasses)
    return `密码须包含大写字母、小写字母、数字、符号中的至少 ${policy.passwordMinClasses} 类`;
  return null;
}
