import { redirect } from 'next/navigation';
import { ConsoleShell } from '@/app/_components/console-shell';
import { currentSession } from '@/server/auth/current';
import { permissionsOf } from '@/server/domain/policy';
import ChangePasswordPage from './account/password/page';

export const dynamic = 'force-dynamic';

/** Every console page requires a valid server-side session; an ended one goes back to login. */
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const check = await currentSession();
  if (!check.user) redirect(check.reason === 'missing' ? '/login' : '/login?reason=expired');
  const u = check.user;
  // 等保 L3: a password set by an administrator is changed before anything else is done. Whatever
  // page was asked for, the change-password form stands in its place (the API refuses the rest too).
  const pending = u.status === 'pending_password';
  return (
    <ConsoleShell user={{ displayName: u.displayName, username: u.username, orgName: u.orgName, roles: u.roles, permissions: pending ? [] : permissionsOf(u) }}>
      {pending ? <ChangePasswordPage /> : children}
    </ConsoleShell>
  );
}
