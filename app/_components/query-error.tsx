'use client';

import { Result } from 'antd';
import { TRPCClientError } from '@trpc/client';
import { NotFoundView } from './not-found-view';

/** A detail page's failed query: NOT_FOUND (outside the caller's scope or gone) as the not-found page, anything else as its message. */
export function QueryErrorView({ error }: { error: unknown }) {
  if (error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === 'NOT_FOUND') return <NotFoundView />;
  return <Result status="error" title={error instanceof Error ? error.message : String(error)} />;
}
