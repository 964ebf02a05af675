import { fileResponse } from '@/server/domain/export';
import { readAttachment } from '@/server/routers/attachments/service';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** GET /api/attachments/:id → the file, when the caller may read the entity it belongs to (else 404). */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guardRoute(req, 'attachment.read');
  if (g.response) return g.response;
  const row = await readAttachment(g.db, g.user, (await params).id);
  if (!row) return Response.json({ error: 'NOT_FOUND' }, { status: 404 });
  const res = fileResponse(row.data, row.filename, row.contentType);
  res.headers.set('X-Content-SM3', row.sm3);
  return res;
}
