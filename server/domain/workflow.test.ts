import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, inboxItems, users } from '@/db/schema';
import { userMachine } from '@/server/routers/admin/user-machine';
import { openSeededDb, sessionUserFor, type TestDb } from '@/server/test/harness';
import { verifyChain } from './audit';
import { DomainError } from './errors';
import { availableTransitions, defineMachine, openInbox, transition, type WorkflowActor } from './workflow';

let h: TestDb;
let admin: WorkflowActor;
let operator: WorkflowActor;
beforeAll(async () => {
  h = await openSeededDb();
  const a = await sessionUserFor(h.db, 'sysadmin');
  const o = await sessionUserFor(h.db, 'operator');
  admin = { id: a.id, name: a.displayName, orgId: a.orgId, ip: '127.0.0.1', roles: a.roles };
  operator = { id: o.id, name: o.displayName, orgId: o.orgId, ip: '127.0.0.1', roles: o.roles };
});
afterAll(() => h.close());

async function userByName(username: string) {
  const [u] = await h.db.select().from(users).where(eq(users.username, username));
  return u;
}

async function kind(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof DomainError ? e.kind : String(e);
  }
}

describe('workflow', () => {
  it('refuses a machine whose transitions name unknown states', () => {
    expect(() => defineMachine({ entity: 'x', table: users, states: ['a'], transitions: { go: { from: ['a'], to: 'b' as 'a' } } })).toThrow(/unknown state/);
  });

  it('a transition writes the state, bumps the version, audits and opens/closes inbox items in one go', async () => {
    const u = await userByName('developer');
    const updated = await transition(h.db, userMachine, admin, { id: u.id, version: u.version, action: 'reset_password', input: { passwordHash: 'x' } });
    expect(updated.status).toBe('pending_password');
    expect(updated.version).toBe(u.version + 1);
    const open = await h.db.select().from(inboxItems).where(and(eq(inboxItems.entityId, u.id), isNull(inboxItems.closedAt)));
    expect(open.map((i) => [i.step, i.assigneeUserId])).toEqual([['change_password', u.id]]);
    expect(open[0].deadlineId).not.toBeNull();
    const [event] = await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, u.id), eq(auditLog.action, 'user.reset_password')));
    expect(event.before).toEqual({ status: 'active', version: u.version });
    expect(event.after).toMatchObject({ status: 'pending_password' });
    expect(JSON.stringify(event.after)).not.toContain('passwordHash'); // secrets never reach the log
    // the holder's own step closes the item
    const self: WorkflowActor = { id: u.id, name: u.displayName, orgId: u.orgId, ip: null, roles: u.roles };
    await transition(h.db, userMachine, self, { id: u.id, version: updated.version, action: 'change_password', input: { passwordHash: 'y' } });
    const stillOpen = await h.db.select().from(inboxItems).where(and(eq(inboxItems.entityId, u.id), isNull(inboxItems.closedAt)));
    expect(stillOpen).toHaveLength(0);
    expect((await verifyChain(h.db)).ok).toBe(true);
  });

  it('a stale version is a conflict and writes nothing', async () => {
    const u = await userByName('evaluator');
    const before = await h.db.select().from(auditLog);
    expect(await kind(transition(h.db, userMachine, admin, { id: u.id, version: u.version - 1, action: 'disable', input: {} }))).toBe('conflict');
    expect((await userByName('evaluator')).status).toBe('active');
    expect(await h.db.select().from(auditLog)).toHaveLength(before.length);
  });

  it('a step not allowed from the current state is a precondition failure', async () => {
    const u = await userByName('wangxin');
    expect(await kind(transition(h.db, userMachine, admin, { id: u.id, version: u.version, action: 'enable', input: {} }))).toBe('precondition');
  });

  it('only the permitted actor may take a step; rows outside the scope are not found', async () => {
    const u = await userByName('platform');
    expect(await kind(transition(h.db, userMachine, operator, { id: u.id, version: u.version, action: 'disable', input: {} }))).toBe('forbidden');
    expect(await kind(transition(h.db, userMachine, operator, { id: u.id, version: u.version, action: 'change_password', input: {} }))).toBe('forbidden');
    expect(await kind(transition(h.db, userMachine, admin, { id: u.id, version: u.version, action: 'disable', input: {}, scope: eq(users.orgId, operator.orgId!) }))).toBe('not_found');
    expect(availableTransitions(userMachine, u, admin).sort()).toEqual(['disable', 'reset_password']);
    expect(availableTransitions(userMachine, u, operator)).toEqual([]);
  });

  it('a guard blocks the step and names its article', async () => {
    const guarded = defineMachine({
      entity: 'user',
      table: users,
      states: ['active', 'disabled'],
      transitions: {
        disable: { from: ['active'], to: 'disabled', permission: 'admin.user.write', guard: () => ({ message: '协议期限超过3年', article: 'HN-14(2)' }) },
      },
    });
    const u = await userByName('jiaotong');
    const err = await transition(h.db, guarded, admin, { id: u.id, version: u.version, action: 'disable', input: {} }).catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err.kind).toBe('precondition');
    expect(err.details.article).toBe('HN-14(2)');
    expect(err.message).toContain('HN-14(2)');
  });

  it('openInbox with a working-day deadline computes the due date from the calendar', async () => {
    await openInbox(h.db, 'test', 'wd', [{ assigneeUserId: admin.id, step: 's', title: 't', deadline: { kind: 'working_days', amount: 7, startedAt: new Date('2025-09-30T02:00:00Z') } }]);
    const rows = await h.db.query.deadlines.findMany({ where: (d, { eq: e }) => e(d.entityId, 'wd') });
    expect(rows[0].dueAt.toISOString()).toBe('2025-10-16T15:59:59.999Z');
  });
});
