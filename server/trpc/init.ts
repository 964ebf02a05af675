import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/server/auth/session';
import { hit } from '@/server/auth/rate-limit';
import type { AuditActor } from '@/server/domain/audit';
import { DomainError, toTRPCError } from '@/server/domain/errors';
import { can, type Permission } from '@/server/domain/policy';

export interface Context {
  db: Db;
  user: SessionUser | null;
  ip: string | null;
  /** Why there is no user (idle, revoked…), so the client can say "会话已超时". */
  sessionEnd?: string;
}

/**
 * Errors are mapped once: domain errors to their tRPC codes, zod errors to field errors the form
 * shows beside the field, and anything unexpected to a plain message with no stack or SQL.
 */
export interface Meta {
  permission?: Permission;
}

const t = initTRPC.context<Context>().meta<Meta>().create({
  transformer: superjson,
  isDev: false,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    let fieldErrors: Record<string, string[]> | undefined;
    if (cause instanceof ZodError) {
      fieldErrors = {};
      for (const issue of cause.issues) {
        const key = issue.path.join('.') || '_';
        (fieldErrors[key] ??= []).push(issue.message);
      }
    } else if (cause instanceof DomainError) {
      fieldErrors = cause.details.fieldErrors;
    }
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      message: internal ? '服务器内部错误,请稍后重试' : cause instanceof ZodError ? '输入有误,请检查标出的字段' : shape.message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        fieldErrors,
        article: cause instanceof DomainError ? cause.details.article : undefined,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

const errorMapping = t.middleware(async ({ next }) => {
  const res = await next();
  if (!res.ok && res.error.cause instanceof DomainError) {
    return { ...res, error: toTRPCError(res.error.cause) } as typeof res;
  }
  if (!res.ok && res.error.code === 'INTERNAL_SERVER_ERROR' && process.env.NODE_ENV !== 'test') {
    console.error('[trpc]', res.error.cause ?? res.error);
  }
  return res;
});

/** The procedure ladder: public → protected (401) → permission (403). */
export const publicProcedure = t.procedure.use(errorMapping);

export const protectedProcedure = publicProcedure.use(async ({ ctx, next, type, path }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: ctx.sessionEnd === 'idle' ? '会话已超时,请重新登录' : '请先登录' });
  // 等保 L3: an account whose password an administrator set may only change it (and read its own data).
  if (ctx.user.status === 'pending_password' && !path.startsWith('me.')) {
    throw new TRPCError({ code: 'FORBIDDEN', message: '请先修改管理员设置的初始密码' });
  }
  if (type === 'mutation') {
    const wait = await hit('writes', ctx.user.id);
    if (wait) throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: `操作过于频繁,请 ${wait} 秒后再试` });
  }
  const actor: AuditActor & { roles: readonly string[]; id: string } = {
    id: ctx.user.id,
    name: ctx.user.displayName,
    orgId: ctx.user.orgId,
    ip: ctx.ip,
    roles: ctx.user.roles,
  };
  return next({ ctx: { ...ctx, user: ctx.user, actor } });
});

export function permissionProcedure(permission: Permission) {
  return protectedProcedure.meta({ permission }).use(({ ctx, next }) => {
    if (!can(ctx.user, permission)) throw new TRPCError({ code: 'FORBIDDEN', message: '无权执行此操作' });
    return next();
  });
}
