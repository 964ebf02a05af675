import { TRPCClientError } from '@trpc/client';
import { useState } from 'react';

/** A file picked in the browser, as base64 without the data-URL prefix (for xlsx uploads through tRPC). */
export function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/** The message of a failed xlsx upload: the server's field error on `xlsxBase64`, else the error's message. */
export function xlsxUploadError(err: unknown): string {
  if (!(err instanceof TRPCClientError)) return String(err);
  return (err.data as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors?.xlsxBase64?.join(';') ?? err.message;
}

/**
 * The picked xlsx of an import dialog: `read` refuses it in the browser when it is not .xlsx or
 * larger than `maxBytes` (with the dialog's own messages, resolving null), else keeps it and resolves
 * its base64 (for the dry run).
 */
export function useXlsxUpload(maxBytes: number, messages: { notXlsx: string; tooBig: string }) {
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const read = async (f: File): Promise<string | null> => {
    setFileError(null);
    if (!/\.xlsx$/i.test(f.name)) return (setFileError(messages.notXlsx), null);
    if (f.size > maxBytes) return (setFileError(messages.tooBig), null);
    const base64 = await toBase64(f);
    setFile({ name: f.name, base64 });
    return base64;
  };
  return { file, fileError, setFileError, read };
}
