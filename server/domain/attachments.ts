import { sm3 } from 'sm-crypto';
import { invalidField } from './errors';

/**
 * Evidence files (DESIGN §3): what may be uploaded and its SM3 digest. The type is decided by the
 * file's own first bytes, not by the name or the browser's claim; anything else is refused beside
 * the file field. Pure code: the storage and the per-entity access are in server/routers/attachments.
 */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

const KINDS = [
  { ext: ['pdf'], type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] }, // %PDF
  { ext: ['png'], type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  { ext: ['jpg', 'jpeg'], type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  // Office Open XML and OFD (GB/T 33190) are zip archives
  { ext: ['xlsx'], type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [0x50, 0x4b, 0x03, 0x04] },
  { ext: ['docx'], type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [0x50, 0x4b, 0x03, 0x04] },
  { ext: ['ofd'], type: 'application/ofd', magic: [0x50, 0x4b, 0x03, 0x04] },
] as const;

export const ATTACHMENT_EXTENSIONS = KINDS.flatMap((k) => k.ext);

/** The file's content type when its name and its first bytes agree on an allowed kind; else a field error. */
export function checkAttachment(filename: string, data: Uint8Array, field = 'file'): { contentType: string; filename: string } {
  const name = filename.normalize('NFC').replace(/[\\/\u0000-\u001f]/g, '_').trim().slice(-200);
  if (!name) throw invalidField(field, '文件名无效');
  if (data.length === 0) throw invalidField(field, '文件为空');
  if (data.length > ATTACHMENT_MAX_BYTES) throw invalidField(field, `文件不得超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`);
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const kind = KINDS.find((k) => (k.ext as readonly string[]).includes(ext));
  if (!kind) throw invalidField(field, `只接受 ${ATTACHMENT_EXTENSIONS.join('、')} 文件`);
  if (!kind.magic.every((b, i) => data[i] === b)) throw invalidField(field, `文件内容与扩展名 .${ext} 不符`);
  return { contentType: kind.type, filename: name };
}

/** SM3 digest (GM/T 0004-2012) of the file, hex. */
export function sm3Digest(data: Uint8Array): string {
  return sm3(data as unknown as number[]);
}
