'use client';

import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, List, Space, Tooltip, Typography, Upload } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/server/trpc/react';
import { fmtDateTime } from './format';
import { routeError } from './route-error';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.xlsx,.docx,.ofd';

function size(n: number) {
  return n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The evidence files of one entity (DESIGN §3): each with its uploader, time and SM3 digest, a
 * download link, and an upload button while the caller may add one. The server decides both.
 */
export function Attachments({ entityType, entityId }: { entityType: string; entityId: string }) {
  const t = useTranslations('common.attachments');
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const opts = trpc.attachment.list.queryOptions({ entityType, entityId });
  const q = useQuery(opts);

  const upload = async (file: File) => {
    setBusy(true);
    try {
      const body = new FormData();
      body.set('entityType', entityType);
      body.set('entityId', entityId);
      body.set('file', file);
      const res = await fetch('/api/attachments', { method: 'POST', body });
      if (!res.ok) throw new Error(await routeError(res));
      message.success(t('uploaded', { name: file.name }));
      await qc.invalidateQueries({ queryKey: opts.queryKey });
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8} data-testid="attachments">
      <List
        size="small"
        bordered
        loading={q.isLoading}
        locale={{ emptyText: t('empty') }}
        dataSource={q.data?.items ?? []}
        renderItem={(a) => (
          <List.Item>
            <Space wrap>
              <PaperClipOutlined />
              <a href={`/api/attachments/${a.id}`} download>{a.filename}</a>
              <Typography.Text type="secondary">{size(a.size)} · {a.uploadedBy} · {fmtDateTime(a.createdAt)}</Typography.Text>
              <Tooltip title={a.sm3}><Typography.Text type="secondary" style={{ fontFamily: 'ui-monospace, monospace', fontSize: 12 }}>SM3 {a.sm3.slice(0, 12)}…</Typography.Text></Tooltip>
            </Space>
          </List.Item>
        )}
      />
      {q.data?.canAdd && (
        <Space>
          <Upload accept={ACCEPT} showUploadList={false} beforeUpload={(f) => { void upload(f); return false; }}>
            <Button icon={<UploadOutlined />} loading={busy}>{t('add')}</Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('hint')}</Typography.Text>
        </Space>
      )}
    </Space>
  );
}
