import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { ConsoleShell } from '@/app/_components/console-shell';
import { currentSession } from '@/server/auth/current';
import { permissionsOf } from '@/server/domain/policy';

export const dynamic = 'force-dynamic';

/** Every console page requires a valid server-side session; an ended one goes back to login. */
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const check = await currentSession();
  if (!check.user) redirect(check.reason === 'missing' ? '/login' : '/login?reason=expired');
  const u = check.user;
  // 等保 L3: a password set by an administrator is changed before anything else is done.
  const path = (await headers()).get('x-pathname') ?? '/';
  if (u.status === 'pending_password' && path !== '/account/password' && !path.startsWith('/regulations')) redirect('/account/password');
  return (
    <ConsoleShell user={{ displayName: u.displayName, username: u.username, orgName: u.orgName, roles: u.roles, permissions: permissionsOf(u) }}>
      {children}
    </ConsoleShell>
  );
}
