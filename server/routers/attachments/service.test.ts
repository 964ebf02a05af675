import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditLog, organizations } from '@/db/schema';
import { DEMO_PASSWORD } from '@/db/seed/demo';
import { createUser } from '@/db/seed/factories';
import type { SessionUser } from '@/server/auth/session';
import { DomainError } from '@/server/domain/errors';
import { actorOf, callerAs, errorCode, openSeededDb, sessionUserFor, type TestDb } from '@/server/test/harness';
import { listAttachments, readAttachment, uploadAttachment } from './service';

let h: TestDb;
let agency: SessionUser;
let zhengzhou: SessionUser;
let luoyang: SessionUser;
let registrationId = '';
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('资产评估报告')]);

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return { kind: e.kind, fieldErrors: e.details.fieldErrors };
    throw e;
  }
  throw new Error('expected a refusal');
}

beforeAll(async () => {
  h = await openSeededDb();
  const [ly] = await h.db.select().from(organizations).where(eq(organizations.name, '洛阳市大数据中心'));
  await createUser(h.db, { username: 'ly_att', orgId: ly.id, roles: ['implementing_agency'], password: DEMO_PASSWORD });
  agency = await sessionUserFor(h.db, 'agency');
  zhengzhou = await sessionUserFor(h.db, 'zhengzhou');
  luoyang = await sessionUserFor(h.db, 'ly_att');
  // a registration in review: 企业登记基本信息 (published and registered in the demo) gets a 变更登记
  const a = await callerAs(h.db, 'agency');
  const sc = (await a.catalog.resource.list({ q: '410100-sc-0001' })).items[0];
  const reg = await a.catalog.registration.create({ resourceId: sc.id, kind: 'change', assetOwner: '郑州市大数据发展中心', bookValue: 1000 });
  registrationId = reg.id;
});
afterAll(() => h.close());

describe('attachments of a registration application (HN-10 ¶1 evidence)', () => {
  it('the applicant adds a file while the application is in review: stored with its SM3 digest and audited', async () => {
    const row = await uploadAttachment(h.db, agency, actorOf(agency), { entityType: 'catalog_registration', entityId: registrationId, filename: '资产评估报告.pdf', data: pdf });
    expect(row).toMatchObject({ filename: '资产评估报告.pdf', size: pdf.length, contentType: 'application/pdf' });
    expect(row.sm3).toMatch(/^[0-9a-f]{64}$/);
    const list = await listAttachments(h.db, agency, 'catalog_registration', registrationId);
    expect(list.canAdd).toBe(true);
    expect(list.items.map((i) => [i.filename, i.uploadedBy, i.sm3])).toEqual([['资产评估报告.pdf', '赵实施', row.sm3]]);
    const file = await readAttachment(h.db, zhengzhou, row.id);
    expect(Buffer.compare(file!.data, pdf)).toBe(0);
    const [audit] = await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'attachment.upload'), eq(auditLog.entityId, registrationId)));
    expect(audit).toMatchObject({ entityType: 'catalog_registration', entityId: registrationId, after: { attachmentId: row.id, sm3: row.sm3 } });
  });

  it('the reviewer reads but cannot add; another city sees nothing (NOT_FOUND / no file)', async () => {
    expect((await listAttachments(h.db, zhengzhou, 'catalog_registration', registrationId)).canAdd).toBe(false);
    expect((await refusal(uploadAttachment(h.db, zhengzhou, actorOf(zhengzhou), { entityType: 'catalog_registration', entityId: registrationId, filename: 'x.pdf', data: pdf }))).kind).toBe('forbidden');
    expect((await refusal(listAttachments(h.db, luoyang, 'catalog_registration', registrationId))).kind).toBe('not_found');
    expect((await refusal(uploadAttachment(h.db, luoyang, actorOf(luoyang), { entityType: 'catalog_registration', entityId: registrationId, filename: 'x.pdf', data: pdf }))).kind).toBe('not_found');
    const [row] = await h.db.select({ id: attachments.id }).from(attachments);
    expect(await readAttachment(h.db, luoyang, row.id)).toBeNull();
    expect(await readAttachment(h.db, agency, 'not-a-uuid')).toBeNull();
  });

  it('bad files and unknown entity types are refused beside the field, and nothing is stored', async () => {
    const before = (await h.db.select({ id: attachments.id }).from(attachments)).length;
    expect(await refusal(uploadAttachment(h.db, agency, actorOf(agency), { entityType: 'catalog_registration', entityId: registrationId, filename: '报告.pdf', data: Buffer.from('MZ\x90') })))
      .toEqual({ kind: 'invalid', fieldErrors: { file: ['文件内容与扩展名 .pdf 不符'] } });
    expect(await refusal(uploadAttachment(h.db, agency, actorOf(agency), { entityType: 'user', entityId: agency.id, filename: 'a.pdf', data: pdf })))
      .toEqual({ kind: 'invalid', fieldErrors: { entityType: ['该对象不接受附件'] } });
    expect((await h.db.select({ id: attachments.id }).from(attachments)).length).toBe(before);
  });

  it('once the application is decided, no file can be added', async () => {
    const z = await callerAs(h.db, 'zhengzhou');
    const reg = await z.catalog.registration.get({ id: registrationId });
    await z.catalog.registration.approve({ id: registrationId, version: reg.version });
    expect((await listAttachments(h.db, agency, 'catalog_registration', registrationId)).canAdd).toBe(false);
    expect((await refusal(uploadAttachment(h.db, agency, actorOf(agency), { entityType: 'catalog_registration', entityId: registrationId, filename: 'late.pdf', data: pdf }))).kind).toBe('forbidden');
  });

  it('attachment.list through tRPC: NOT_FOUND for another city, BAD_REQUEST without an entity', async () => {
    const ly = await callerAs(h.db, 'ly_att');
    expect(await errorCode(ly.attachment.list({ entityType: 'catalog_registration', entityId: registrationId }))).toBe('NOT_FOUND');
    expect(await errorCode(ly.attachment.list({ entityType: '', entityId: registrationId }))).toBe('BAD_REQUEST');
    const a = await callerAs(h.db, 'agency');
    expect((await a.attachment.list({ entityType: 'catalog_registration', entityId: registrationId })).items).toHaveLength(1);
  });
});
