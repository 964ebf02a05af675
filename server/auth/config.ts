import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/server/db';
import { authenticate } from './login';
import { clientIp } from './request';

/** The code travels in the redirect URL, so it only says which message to show, never which field was wrong. */
class LoginRefused extends CredentialsSignin {
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

const ZCredentials = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) });

/**
 * next-auth (credentials, JWT). The JWT only carries `sid`, the id of a row in `sessions`; the
 * server validates that row on every request (server/auth/current.ts), which gives idle timeout
 * and immediate revocation. Cookies are HttpOnly and SameSite=Lax (next-auth's defaults).
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 12 * 3600 },
  pages: { signIn: '/login' },
  providers: [
    Credentials({
      credentials: { username: { label: '账号' }, password: { label: '密码', type: 'password' } },
      async authorize(raw, request) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) throw new LoginRefused('invalid');
        const db = await getDb();
        const r = await authenticate(db, {
          ...parsed.data,
          ip: clientIp(request.headers),
          userAgent: request.headers.get('user-agent'),
        });
        if (r.ok) return { id: r.userId, sid: r.sessionId };
        if (r.error === 'locked') throw new LoginRefused(`locked.${r.lockedUntil.getTime()}`);
        if (r.error === 'rate_limited') throw new LoginRefused(`rate.${r.retryAfterSeconds}`);
        throw new LoginRefused('invalid');
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && 'sid' in user) token.sid = user.sid as string;
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: token.sid as string | undefined };
    },
  },
});
