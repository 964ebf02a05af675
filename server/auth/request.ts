/**
 * The client's address for the audit log and rate limits. Next.js sets X-Forwarded-For to the
 * socket address when no proxy did; behind the reverse proxy of a deployment (nginx
 * `proxy_add_x_forwarded_for`) the rightmost entry is the address the proxy itself saw, which a
 * client cannot forge. Entries further left are client-supplied and ignored.
 */
export function clientIp(headers: Headers): string | null {
  const xff = headers.get('x-forwarded-for');
  if (xff) {
    const hops = xff.split(',').map((s) => s.trim()).filter(Boolean);
    return hops[hops.length - 1]?.slice(0, 64) ?? null;
  }
  return headers.get('x-real-ip')?.slice(0, 64) ?? null;
}
