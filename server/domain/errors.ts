import { TRPCError } from '@trpc/server';

/**
 * Domain errors, thrown by rules anywhere on the server and mapped once to tRPC codes
 * (server/trpc/init.ts). `article` names the regulation a blocked step rests on.
 */
export type DomainErrorKind = 'not_found' | 'conflict' | 'precondition' | 'forbidden' | 'invalid' | 'unauthorized' | 'too_many';

export class DomainError extends Error {
  constructor(
    public readonly kind: DomainErrorKind,
    message: string,
    public readonly details: { article?: string; field?: string; fieldErrors?: Record<string, string[]> } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what = '记录') => new DomainError('not_found', `${what}不存在或无权访问`);
export const conflict = (message = '该记录已被他人修改,请刷新后重试') => new DomainError('conflict', message);
export const precondition = (message: string, article?: string) =>
  new DomainError('precondition', article ? `${message}(依据 ${article})` : message, { article });
/** A field-level error the form shows beside the field. */
export const invalidField = (field: string, message: string) =>
  new DomainError('invalid', message, { field, fieldErrors: { [field]: [message] } });

/** Postgres unique violation of the named index (the driver error may be wrapped by Drizzle). */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    const x = e as { code?: string; constraint?: string; message?: string; cause?: unknown };
    if (x.code === '23505' && (x.constraint === constraint || x.message?.includes(constraint))) return true;
    e = x.cause;
  }
  return false;
}

const CODE: Record<DomainErrorKind, TRPCError['code']> = {
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  precondition: 'PRECONDITION_FAILED',
  forbidden: 'FORBIDDEN',
  invalid: 'BAD_REQUEST',
  unauthorized: 'UNAUTHORIZED',
  too_many: 'TOO_MANY_REQUESTS',
};

export function toTRPCError(err: DomainError): TRPCError {
  return new TRPCError({ code: CODE[err.kind], message: err.message, cause: err });
}
