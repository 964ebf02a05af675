'use client';

import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useTRPC } from '@/server/trpc/react';

export function ChainCheckButton({ onResult }: { onResult: (r: ChainReport) => void }) {
  const t = useTranslations('audit.chain');
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const verify = useMutation(trpc.audit.verify.mutationOptions({
    onSuccess: async (r) => {
      onResult(r);
      // the check is itself an audited event
      await qc.invalidateQueries({ queryKey: trpc.audit.pathKey() });
    },
    onError: (err) => message.error(err.message),
  }));
  return <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>{t('verify')}</Button>;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  brokenAt?: { seq: number; reason: 'hash_mismatch' | 'prev_mismatch' };
}

/** "日志链完整,共校验 N 条", or in red the first broken link with a way to look at it. */
export function ChainResult({ report, onShowSeq, onClose }: { report: ChainReport; onShowSeq: (seq: number) => void; onClose: () => void }) {
  const t = useTranslations('audit.chain');
  if (report.ok) {
    return <Alert data-testid="chain-result" type="success" showIcon closable={{ onClose }} title={t('ok', { n: report.checked })} style={{ marginBottom: 16 }} />;
  }
  const b = report.brokenAt!;
  return (
    <Alert
      data-testid="chain-result"
      type="error"
      showIcon
      role="alert"
      closable={{ onClose }}
      title={t('broken', { seq: b.seq })}
      description={`${t(`reason.${b.reason}`)} ${t('checkedBefore', { n: report.checked })}`}
      action={<Button danger size="small" onClick={() => onShowSeq(b.seq)}>{t('show', { seq: b.seq })}</Button>}
      style={{ marginBottom: 16 }}
    />
  );
}
