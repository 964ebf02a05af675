/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from the code set 0-9 A-H J-N P-R T-U W-Y
 * (no I, O, Z, S, V); the 18th is a check character computed with weights 3^(i) mod 31.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * WEIGHTS[i];
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

export type CreditCodeProblem = 'length' | 'charset' | 'checksum';

export function checkCreditCode(raw: string): CreditCodeProblem | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return 'length';
  if (![...code].every((c) => CHARSET.includes(c))) return 'charset';
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'checksum';
}

export const creditCodeMessages: Record<CreditCodeProblem, string> = {
  length: '统一社会信用代码应为18位',
  charset: '统一社会信用代码含有不允许的字符(不使用 I、O、Z、S、V)',
  checksum: '统一社会信用代码校验位错误(GB 32100-2015)',
};

/** Build a valid code from 17 characters (demo seed and test factories). */
export function withCheckChar(first17: string): string {
  const c = creditCodeCheckChar(first17);
  if (!c) throw new Error(`bad credit code body ${first17}`);
  return first17 + c;
}
