import 'server-only';
import { currentSession } from '@/server/auth/current';
import { clientIp } from '@/server/auth/request';
import type { SessionUser } from '@/server/auth/session';
import { getDb } from '@/server/db';
import type { AuditActor } from '@/server/domain/audit';
import { can, type Permission } from '@/server/domain/policy';

/**
 * The procedure ladder for plain route handlers (file downloads): 401 without a session, 403 while the
 * initial password is not changed or without the permission. Returns the response to send, or the caller's context.
 */
export async function guardRoute(req: Request, permission: Permission): Promise<
  { response: Response } | { response: null; user: SessionUser; actor: AuditActor; db: Awaited<ReturnType<typeof getDb>> }
> {
  const check = await currentSession();
  if (!check.user) return { response: Response.json({ error: 'UNAUTHORIZED' }, { status: 401 }) };
  // 等保 L3, as on every tRPC procedure: an account whose password an administrator set may only change it.
  if (check.user.status === 'pending_password') return { response: Response.json({ error: 'FORBIDDEN', message: '请先修改管理员设置的初始密码' }, { status: 403 }) };
  if (!can(check.user, permission)) return { response: Response.json({ error: 'FORBIDDEN' }, { status: 403 }) };
  const u = check.user;
  return { response: null, user: u, db: await getDb(), actor: { id: u.id, name: u.displayName, orgId: u.orgId, ip: clientIp(req.headers) } };
}
