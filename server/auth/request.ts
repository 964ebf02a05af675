/** The client's address for the audit log and rate limits: Next's own x-forwarded-for (first hop). */
export function clientIp(headers: Headers): string | null {
  const xff = headers.get('x-forwarded-for');
  if (xff) return xff.split(',')[0].trim().slice(0, 64) || null;
  return headers.get('x-real-ip')?.slice(0, 64) ?? null;
}
