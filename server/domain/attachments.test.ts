import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, checkAttachment, sm3Digest } from './attachments';
import { DomainError } from './errors';

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 0x20)]);

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return `${e.details.field}: ${e.message}`;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('attachments', () => {
  it('accepts a file whose first bytes match its extension, and names its type', () => {
    expect(checkAttachment('会议纪要.pdf', pdf)).toEqual({ contentType: 'application/pdf', filename: '会议纪要.pdf' });
    expect(checkAttachment('a.PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2]))).toMatchObject({ contentType: 'image/png' });
  });

  it('refuses a disguised, empty, oversized or unlisted file beside the file field', () => {
    expect(refusal(() => checkAttachment('evil.pdf', Buffer.from('MZ\x90\x00')))).toBe('file: 文件内容与扩展名 .pdf 不符');
    expect(refusal(() => checkAttachment('a.exe', Buffer.from('MZ')))).toMatch(/^file: 只接受 pdf/);
    expect(refusal(() => checkAttachment('a.pdf', Buffer.alloc(0)))).toBe('file: 文件为空');
    expect(refusal(() => checkAttachment('a.pdf', Buffer.concat([pdf, Buffer.alloc(ATTACHMENT_MAX_BYTES)])))).toBe('file: 文件不得超过 10 MB');
  });

  it('strips path separators and control characters from the name', () => {
    expect(checkAttachment('../../etc/x.pdf', pdf).filename).toBe('.._.._etc_x.pdf');
  });

  it('SM3 digest: the GM/T 0004-2012 test vector', () => {
    expect(sm3Digest(Buffer.from('abc'))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
});
