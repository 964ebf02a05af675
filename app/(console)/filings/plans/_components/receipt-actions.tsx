'use client';

import { App, Button, Space } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FilingTimeline } from '@/app/_components/timeline';
import { useMutationFeedback } from '@/app/_components/list-kit';
import type { TimelineEvent, TimelineFile } from '@/server/domain/timeline';
import { useTRPC } from '@/server/trpc/react';
import { ReasonModal } from '@/app/(console)/catalog/_components/reason-modal';

/**
 * A recipient's two buttons on its pending receipt (HN-11 ¶2, HN-13 ¶2): 备案 after a confirmation,
 * 退回 with a reason the owner sees. The same for plans and agreements.
 */
export function ReceiptActions({ kind, receipt, versionNo, name }: {
  kind: 'plan' | 'agreement';
  receipt: { id: string; version: number };
  versionNo: number;
  name: string;
}) {
  const t = useTranslations('plans');
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const [returning, setReturning] = useState(false);
  const domain = kind === 'plan' ? trpc.plan : trpc.agreement;
  const { done, onError } = useMutationFeedback(domain.pathKey(), { onDone: () => setReturning(false) });
  const acknowledge = useMutation(domain.receipt.acknowledge.mutationOptions({ onSuccess: () => done(t('done.acknowledge')), onError }));
  const sendBack = useMutation(domain.receipt.return.mutationOptions({ onSuccess: () => done(t('done.return')), onError }));
  return (
    <Space>
      <Button
        type="primary"
        loading={acknowledge.isPending}
        onClick={() => modal.confirm({
          title: `${t('actions.acknowledge')}:${name}`,
          content: t('confirm.acknowledge', { n: versionNo }),
          okText: t('actions.acknowledge'),
          onOk: () => acknowledge.mutateAsync(receipt).catch(() => undefined),
        })}
      >
        {t('actions.acknowledge')}
      </Button>
      <Button danger onClick={() => setReturning(true)}>{t('actions.return')}</Button>
      {returning && (
        <ReasonModal
          title={t('returnTitle')}
          label={t('returnReason')}
          okText={t('actions.return')}
          pending={sendBack.isPending}
          onClose={() => setReturning(false)}
          onSubmit={(reason) => sendBack.mutate({ ...receipt, reason })}
        />
      )}
    </Space>
  );
}

/** The filing's timeline, its audit actions in words. */
export function FilingHistory({ timeline }: { timeline: { events: TimelineEvent[]; files: TimelineFile[] } }) {
  const t = useTranslations('plans.timeline');
  return <FilingTimeline events={timeline.events} files={timeline.files} label={(a) => (t.has(a) ? t(a) : a)} />;
}
