import { describe, expect, it } from 'vitest';
import en from '@/messages/en/plans.json';
import zh from '@/messages/zh-CN/plans.json';
import { PRODUCT_FORMS, USE_CATEGORIES } from '@/server/domain/filings';
import { AGREEMENT_STATUSES, PLAN_MODES, PLAN_STATUSES } from './terms';

/** Every term has a label in both languages, in order. */
describe('plans.json labels', () => {
  it.each([['zh-CN', zh], ['en', en]] as const)('%s names every term, in order', (_, m) => {
    expect(Object.keys(m.useCategory)).toEqual([...USE_CATEGORIES]);
    expect(Object.keys(m.productForm)).toEqual([...PRODUCT_FORMS]);
    expect(Object.keys(m.mode)).toEqual([...PLAN_MODES]);
    for (const s of [...PLAN_STATUSES, ...AGREEMENT_STATUSES]) expect(m.status).toHaveProperty(s);
  });
});
