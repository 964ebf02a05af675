import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '@/db/seed/demo';
import { resetRateLimit } from '@/server/auth/rate-limit';
import { PERMISSIONS, type Permission } from '@/server/domain/policy';
import { ADMIN_ROLES, BUSINESS_ROLES, ROLES, type Role } from '@/server/domain/roles';
import { callerFromCtx, openSeededDb, sessionUserFor, type TestDb } from '@/server/test/harness';
import { appRouter } from './_app';

/**
 * Walks every procedure × every role and compares what the router does with the policy table:
 * a role without the procedure's permission gets FORBIDDEN, a role with it never does, and nobody
 * without a session gets past UNAUTHORIZED. Inputs are deliberately empty, so nothing is written.
 */
type Proc = { _def: { type: 'query' | 'mutation'; meta?: { permission?: Permission } } };
const PROCS = appRouter._def.procedures as unknown as Record<string, Proc>;
const procedures = Object.entries(PROCS);

let h: TestDb;
beforeAll(async () => {
  h = await openSeededDb();
});
afterAll(() => h.close());

async function call(role: Role | null, path: string): Promise<string> {
  const user = role ? await sessionUserFor(h.db, DEMO_ACCOUNTS.find((a) => a.role === role)!.username) : null;
  // the walk makes more writes per user than the per-user write limit allows in a minute
  if (user) await resetRateLimit('writes', user.id);
  const caller = callerFromCtx({ db: h.db, user, ip: '127.0.0.1' }) as unknown as Record<string, unknown>;
  const fn = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (i: unknown) => Promise<unknown>;
  try {
    await fn(undefined);
    return 'OK';
  } catch (err) {
    return err instanceof TRPCError ? err.code : `THROWN ${String(err)}`;
  }
}

describe('policy table', () => {
  it('三权分立: admin roles hold no business permission and business roles no admin permission', () => {
    for (const [perm, roles] of Object.entries(PERMISSIONS) as [Permission, readonly Role[]][]) {
      const admin = roles.some((r) => (ADMIN_ROLES as readonly Role[]).includes(r));
      const business = roles.some((r) => BUSINESS_ROLES.includes(r));
      expect(admin && business, `${perm} mixes admin and business roles`).toBe(false);
    }
    // each admin role holds only its own area
    const areas: Record<string, string[]> = { sysadmin: ['admin.'], secadmin: ['security.'], auditor: ['audit.'] };
    for (const [perm, roles] of Object.entries(PERMISSIONS) as [Permission, readonly Role[]][]) {
      for (const r of roles) if (areas[r]) expect(areas[r].some((p) => perm.startsWith(p)), `${r} holds ${perm}`).toBe(true);
    }
  });

  it('every procedure but the caller\'s own account ones names a permission in the table', () => {
    for (const [path, p] of procedures) {
      if (path.startsWith('me.')) continue;
      expect(p._def.meta?.permission, path).toBeDefined();
      expect(Object.keys(PERMISSIONS)).toContain(p._def.meta!.permission);
    }
  });
});

describe.each(procedures.map(([path]) => path))('%s', (path) => {
  const perm = PROCS[path]._def.meta?.permission;

  it('without a session: UNAUTHORIZED', async () => {
    expect(await call(null, path)).toBe('UNAUTHORIZED');
  });

  it.each([...ROLES])('as %s: matches the policy table', async (role) => {
    const allowed = !perm || (PERMISSIONS[perm] as readonly string[]).includes(role);
    const outcome = await call(role, path);
    if (allowed) expect(['FORBIDDEN', 'UNAUTHORIZED']).not.toContain(outcome);
    else expect(outcome).toBe('FORBIDDEN');
    expect(outcome).not.toMatch(/^THROWN|INTERNAL_SERVER_ERROR/);
  });
});
