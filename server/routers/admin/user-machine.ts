import { users } from '@/db/schema';
import { revokeUserSessions } from '@/server/auth/session';
import { defineMachine } from '@/server/domain/workflow';

type UserRow = typeof users.$inferSelect;
type UserInput = { passwordHash?: string };

/**
 * Account lifecycle. A new account or one whose password an admin reset is `pending_password`
 * until its holder sets their own password (等保 L3: initial passwords are changed at first use);
 * that step sits in the holder's 我的待办. Disabling or resetting ends the sessions at once.
 */
export const userMachine = defineMachine<'active' | 'pending_password' | 'disabled', 'disable' | 'enable' | 'enable_pending' | 'reset_password' | 'change_password', UserRow, UserInput>({
  entity: 'user',
  table: users,
  states: ['active', 'pending_password', 'disabled'],
  transitions: {
    disable: {
      from: ['active', 'pending_password'],
      to: 'disabled',
      permission: 'admin.user.write',
      effect: async (tx, row) => {
        await revokeUserSessions(tx, row.id, 'disabled');
      },
    },
    enable: {
      from: ['disabled'],
      to: 'active',
      permission: 'admin.user.write',
      closes: [],
    },
    /** Re-enabling an account disabled while it still had the admin-set password: the change is owed again. */
    enable_pending: {
      from: ['disabled'],
      to: 'pending_password',
      permission: 'admin.user.write',
      closes: [],
      opens: (row) => [changePasswordTask(row.id)],
    },
    reset_password: {
      from: ['active', 'pending_password'],
      to: 'pending_password',
      permission: 'admin.user.write',
      patch: (_row, input) => ({ passwordHash: input.passwordHash, failedAttempts: 0, lockedUntil: null, passwordChangedAt: new Date() }),
      opens: (row) => [changePasswordTask(row.id)],
      effect: async (tx, row) => {
        await revokeUserSessions(tx, row.id, 'password_reset');
      },
    },
    change_password: {
      from: ['pending_password'],
      to: 'active',
      self: (row, actor) => row.id === actor.id,
      patch: (_row, input) => ({ passwordHash: input.passwordHash, passwordChangedAt: new Date() }),
      closes: ['change_password'],
    },
  },
});

export function changePasswordTask(userId: string) {
  return {
    assigneeUserId: userId,
    step: 'change_password',
    title: '修改管理员设置的初始密码',
    href: '/account/password',
    basis: '等保2.0 三级 身份鉴别',
    deadline: { kind: 'calendar_days' as const, amount: 7 },
  };
}
