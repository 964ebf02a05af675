import { describe, expect, it } from 'vitest';
import { gradeOf, noticeDates, normalizeItemName, operabilityFrom, reviewsResource, searchTextOf } from './catalog';
import type { ScopeSubject } from './scope';

describe('gradeOf (GB/T 43697-2024: a resource takes the highest grade of its items)', () => {
  it('core > important > general, whatever the order', () => {
    expect(gradeOf([{ grade: 'general' }, { grade: 'core' }, { grade: 'important' }])).toBe('core');
    expect(gradeOf([{ grade: 'general' }, { grade: 'important' }, { grade: 'general' }])).toBe('important');
    expect(gradeOf([{ grade: 'general' }])).toBe('general');
  });

  it('no items (or unknown grades) count as 一般', () => {
    expect(gradeOf([])).toBe('general');
    expect(gradeOf([{ grade: 'secret' }])).toBe('general');
  });
});

describe('normalizeItemName (the 一数一源 match key)', () => {
  it('drops spaces and punctuation, folds full-width characters and case', () => {
    expect(normalizeItemName(' 企业 名称 ')).toBe('企业名称');
    expect(normalizeItemName('统一社会信用代码(USCC)')).toBe(normalizeItemName('统一社会信用代码(uscc)'));
    expect(normalizeItemName('法定代表人·姓名')).toBe('法定代表人姓名');
    expect(normalizeItemName('ＡＢＣ－１')).toBe('abc1');
  });

  it('keeps different names apart', () => {
    expect(normalizeItemName('企业名称')).not.toBe(normalizeItemName('企业简称'));
  });
});

describe('searchTextOf', () => {
  it('joins code, name, provider and item names in lower case', () => {
    expect(searchTextOf({ code: 'T-AB', name: '资源', providerName: '郑州市公安局', itemNames: ['Name', '姓名'] })).toBe('t-ab 资源 郑州市公安局 name 姓名');
  });
});

describe('noticeDates (HN-10 public notice)', () => {
  it('runs N working days from the approval day (Shanghai) and takes effect the day after', () => {
    // 2025-09-30 + 10 working days: 10-01…10-08 are holidays, Saturday 10-11 is an adjusted working day.
    expect(noticeDates(new Date('2025-09-30T03:00:00Z'), 10)).toEqual({ noticeStartsOn: '2025-09-30', noticeEndsOn: '2025-10-21', effectiveOn: '2025-10-22' });
  });

  it('takes the approval day in Asia/Shanghai', () => {
    // 20:00Z on 09-30 is already 10-01 04:00 in Shanghai.
    expect(noticeDates(new Date('2025-09-30T20:00:00Z'), 1)).toEqual({ noticeStartsOn: '2025-10-01', noticeEndsOn: '2025-10-09', effectiveOn: '2025-10-10' });
  });

  it('the effective day crosses a month end', () => {
    expect(noticeDates(new Date('2025-11-20T03:00:00Z'), 7).effectiveOn).toBe('2025-12-02');
  });
});

describe('operabilityFrom (HN-10 ¶2: no operation without publication and registration)', () => {
  const published = { status: 'published', publishedVersionNo: 1 };
  it('an unpublished or disabled resource is not operable', () => {
    expect(operabilityFrom({ status: 'draft', publishedVersionNo: null }, null)).toMatchObject({ operable: false, reason: 'not_published', article: 'HN-10' });
    expect(operabilityFrom({ status: 'disabled', publishedVersionNo: 2 }, 'initial:豫数登2025000001:2025-01-01')).toMatchObject({ operable: false, reason: 'not_published' });
  });

  it('a published resource without registration, in notice, or cancelled is not operable', () => {
    expect(operabilityFrom(published, null)).toMatchObject({ operable: false, reason: 'not_registered' });
    expect(operabilityFrom(published, 'notice:豫数登2025000001:2025-10-22')).toMatchObject({ operable: false, reason: 'in_notice' });
    expect(operabilityFrom(published, 'cancel:豫数登2025000002:2025-10-22')).toMatchObject({ operable: false, reason: 'cancelled' });
    expect(operabilityFrom(published, null)).toMatchObject({ message: expect.stringContaining('HN-10') });
  });

  it('a registration in force makes it operable, a published draft edit keeps it so', () => {
    expect(operabilityFrom(published, 'initial:豫数登2025000001:2025-10-22')).toEqual({ operable: true, registrationNo: '豫数登2025000001', effectiveOn: '2025-10-22' });
    expect(operabilityFrom({ status: 'draft', publishedVersionNo: 1 }, 'change:豫数登2025000003:2025-10-22')).toMatchObject({ operable: true, registrationNo: '豫数登2025000003' });
  });
});

describe('reviewsResource (who reviews whose catalog)', () => {
  const subject = (roles: ScopeSubject['roles'], orgId: string, regionCode: string): ScopeSubject => ({ orgId, regionCode, industry: null, roles });
  const agencyResource = { ownerOrgId: 'zz-agency', regionCode: '410100' };

  it('the municipal authority reviews its own city\'s agencies, not its own catalog nor another city', () => {
    const zz = subject(['municipal_admin'], 'zz-authority', '410100');
    expect(reviewsResource(zz, agencyResource)).toBe(true);
    expect(reviewsResource(zz, { ownerOrgId: 'zz-authority', regionCode: '410100' })).toBe(false);
    expect(reviewsResource(zz, { ownerOrgId: 'ly-agency', regionCode: '410300' })).toBe(false);
    expect(reviewsResource(subject(['municipal_admin'], 'x', '410000'), { ownerOrgId: 'prov-agency', regionCode: '410000' })).toBe(false);
  });

  it('the province reviews every catalog; an agency none', () => {
    expect(reviewsResource(subject(['province_admin'], 'prov', '410000'), agencyResource)).toBe(true);
    expect(reviewsResource(subject(['implementing_agency'], 'zz-agency', '410100'), agencyResource)).toBe(false);
  });
});
