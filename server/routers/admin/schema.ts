import { z } from 'zod';
import { checkCreditCode, creditCodeMessages } from '@/server/domain/credit-code';
import { ZPageInput } from '@/server/domain/paging';
import { ORG_TYPES, ROLES } from '@/server/domain/roles';

export const ZCreditCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .superRefine((s, ctx) => {
    const problem = checkCreditCode(s);
    if (problem) ctx.addIssue({ code: 'custom', message: creditCodeMessages[problem] });
  });

export const ZOrgInput = z.object({
  name: z.string().trim().min(2, '名称至少 2 个字').max(100, '名称至多 100 个字'),
  creditCode: ZCreditCode,
  type: z.enum(ORG_TYPES, { message: '请选择机构类型' }),
  regionCode: z.string().trim().min(6, '请选择行政区划').max(12),
  industry: z.string().trim().max(50).nullish(),
  cii: z.boolean().default(false),
});
export const ZCreateOrgInput = ZOrgInput;
export const ZUpdateOrgInput = ZOrgInput.extend({ id: z.uuid(), version: z.number().int(), active: z.boolean() });

/** Filters of the organization list, shared by the list procedure and the export route. */
export const ZOrgFilter = z.object({
  q: z.string().trim().max(100).optional(),
  type: z.enum(ORG_TYPES).optional(),
  regionCode: z.string().trim().max(12).optional(),
  active: z.boolean().optional(),
  sort: z.enum(['name', 'creditCode', 'regionCode', 'type', 'createdAt']).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});
export type OrgFilter = z.infer<typeof ZOrgFilter>;
export const ZListOrgsInput = ZPageInput.extend(ZOrgFilter.shape);

export const ZUsername = z
  .string()
  .trim()
  .min(3, '账号至少 3 位')
  .max(32, '账号至多 32 位')
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, '账号以字母开头,只含字母、数字、点、下划线和连字符');

export const ZCreateUserInput = z.object({
  username: ZUsername,
  displayName: z.string().trim().min(2, '姓名至少 2 个字').max(50),
  orgId: z.uuid({ message: '请选择所属机构' }),
  roles: z.array(z.enum(ROLES)).min(1, '至少分配一个角色'),
  password: z.string().min(1, '请输入初始密码').max(128),
});
export const ZUserRef = z.object({ id: z.uuid(), version: z.number().int() });
export const ZSetRolesInput = ZUserRef.extend({ roles: z.array(z.enum(ROLES)).min(1, '至少分配一个角色') });
export const ZResetPasswordInput = ZUserRef.extend({ password: z.string().min(1, '请输入新的初始密码').max(128) });
export const ZReasonInput = ZUserRef.extend({ reason: z.string().trim().min(2, '请填写原因').max(500) });

/** `locked` is not a workflow state but a login lockout still running (lockedUntil > now). */
export const USER_STATUS_FILTERS = ['active', 'pending_password', 'disabled', 'locked'] as const;

/** Filters of the user list, shared by the list procedure and the export route. */
export const ZUserFilter = z.object({
  q: z.string().trim().max(100).optional(),
  orgId: z.uuid().optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(USER_STATUS_FILTERS).optional(),
  sort: z.enum(['username', 'displayName', 'orgName', 'createdAt', 'lastLoginAt']).default('username'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});
export type UserFilter = z.infer<typeof ZUserFilter>;
export const ZListUsersInput = ZPageInput.extend(ZUserFilter.shape);

export const ZRegionInput = z
  .object({
    code: z.string().trim().regex(/^[0-9A-Z]{6,12}$/, '区划代码为 6–12 位数字或大写字母'),
    name: z.string().trim().min(2, '名称至少 2 个字').max(50, '名称至多 50 个字'),
    parentCode: z.string().trim().max(12).nullish(),
    internal: z.boolean().default(false),
    /** Adding a region must not silently overwrite an existing one with the same code. */
    isNew: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    // GB/T 2260 codes are 6 digits; anything else (航空港区) is an internal code and must say so (DESIGN §1).
    if (!r.internal && !/^\d{6}$/.test(r.code)) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: 'GB/T 2260 区划代码为 6 位数字;没有国标代码的区域请标记为内部编码' });
    }
    if (r.parentCode && r.parentCode === r.code) ctx.addIssue({ code: 'custom', path: ['parentCode'], message: '上级区划不能是自身' });
  });
