import { NextResponse, type NextRequest } from 'next/server';

/**
 * Runs before every request: security headers with a per-request CSP nonce (Next applies it to its
 * own scripts), and a quick redirect to /login for pages requested without a session cookie. The
 * session itself is validated on the server by the console layout and the tRPC context.
 */
/** /open: the public list of operators' products and usage disclosures (HN-17 ¶2), no login. */
const PUBLIC = ['/login', '/open', '/api/health', '/api/auth', '/robots.txt'];
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const isApi = pathname.startsWith('/api/');
  const hasSession = SESSION_COOKIES.some((c) => req.cookies.has(c));
  if (!isApi && !hasSession && !PUBLIC.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const url = req.nextUrl.clone();
    url.pathname = '/login';
    url.search = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
    return withHeaders(NextResponse.redirect(url), csp(nonce()));
  }
  const n = nonce();
  const policy = csp(n);
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set('x-nonce', n);
  requestHeaders.set('Content-Security-Policy', policy);
  requestHeaders.set('x-pathname', pathname);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), policy);
}

function nonce() {
  return btoa(crypto.randomUUID());
}

function csp(n: string) {
  const dev = process.env.NODE_ENV !== 'production';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${n}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'", // antd's CSS-in-JS injects style elements
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

function withHeaders(res: NextResponse, policy: string) {
  res.headers.set('Content-Security-Policy', policy);
  res.headers.set('X-Content-Type-Options', 'nosniff');
  res.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.headers.set('X-Frame-Options', 'DENY');
  res.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  res.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  // HSTS-ready: enable when served over HTTPS (set HSTS=true behind TLS).
  if (process.env.HSTS === 'true') res.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  return res;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
