import { hit } from '@/server/auth/rate-limit';
import { DomainError } from '@/server/domain/errors';
import { uploadAttachment } from '@/server/routers/attachments/service';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null; // e.g. "null" from a sandboxed frame
  }
}

const STATUS: Record<string, number> = { not_found: 404, forbidden: 403, invalid: 400, conflict: 409, precondition: 412 };

/** POST /api/attachments (multipart: entityType, entityId, file) → the stored file's id, size and SM3 digest. */
export async function POST(req: Request) {
  // A multipart POST needs no CORS preflight: refuse one sent from another site (besides SameSite cookies).
  const origin = req.headers.get('origin');
  if (origin && hostOf(origin) !== (req.headers.get('x-forwarded-host') ?? req.headers.get('host'))) {
    return Response.json({ error: 'FORBIDDEN', message: '跨站请求被拒绝' }, { status: 403 });
  }
  const g = await guardRoute(req, 'attachment.write');
  if (g.response) return g.response;
  const wait = await hit('writes', g.user.id);
  if (wait) return Response.json({ error: 'TOO_MANY_REQUESTS', message: `操作过于频繁,请 ${wait} 秒后再试` }, { status: 429 });
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return Response.json({ error: 'BAD_REQUEST', fieldErrors: { file: ['请上传文件'] } }, { status: 400 });
  }
  const file = form.get('file');
  if (!(file instanceof File)) return Response.json({ error: 'BAD_REQUEST', fieldErrors: { file: ['请上传文件'] } }, { status: 400 });
  try {
    const row = await uploadAttachment(g.db, g.user, g.actor, {
      entityType: String(form.get('entityType') ?? ''),
      entityId: String(form.get('entityId') ?? ''),
      filename: file.name,
      data: new Uint8Array(await file.arrayBuffer()),
    });
    return Response.json(row, { status: 201 });
  } catch (err) {
    if (err instanceof DomainError) {
      return Response.json({ error: err.kind, message: err.message, fieldErrors: err.details.fieldErrors }, { status: STATUS[err.kind] ?? 400 });
    }
    throw err;
  }
}
