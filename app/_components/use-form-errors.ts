'use client';

import type { FormInstance } from 'antd';
import { TRPCClientError } from '@trpc/client';

/**
 * Puts the server's field errors (zod or domain) beside the fields of an antd form and returns the
 * message for anything that is not tied to a field. Field keys are dotted paths ("days.3.date").
 */
export function applyServerErrors(form: FormInstance, err: unknown): string | null {
  if (!(err instanceof TRPCClientError)) return '请求失败,请检查网络后重试';
  const fieldErrors = (err.data as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors;
  if (fieldErrors && Object.keys(fieldErrors).length) {
    const known = new Set(Object.keys(form.getFieldsValue(true) ?? {}));
    const fields = Object.entries(fieldErrors)
      .filter(([k]) => known.has(k.split('.')[0]))
      .map(([k, errors]) => ({ name: k.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors }));
    if (fields.length) {
      form.setFields(fields);
      return fields.length === Object.keys(fieldErrors).length ? null : err.message;
    }
  }
  return err.message;
}
