'use client';

import { PaperClipOutlined } from '@ant-design/icons';
import { Empty, Timeline as AntTimeline, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import type { TimelineEvent, TimelineFile } from '@/server/domain/timeline';
import { fmtDateTime } from './format';

/**
 * The timeline of a filing: every step with who (and their organization), when and the reason,
 * and every file added to it, in order. `label` turns an audit action (e.g. `plan.file`) into words.
 */
export function FilingTimeline({ events, files, label }: {
  events: readonly TimelineEvent[];
  files: readonly TimelineFile[];
  label: (action: string) => string;
}) {
  const t = useTranslations('common.timeline');
  const items = [
    ...events.map((e) => ({
      at: new Date(e.at).getTime(),
      key: `e${e.seq}`,
      content: (
        <div data-testid="timeline-event">
          <Typography.Text strong>{label(e.action)}</Typography.Text>
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            {fmtDateTime(e.at)} · {e.actorName ?? t('system')}{e.orgName ? `(${e.orgName})` : ''}
          </Typography.Text>
          {e.reason && <div><Typography.Text>{t('reason')}:{e.reason}</Typography.Text></div>}
        </div>
      ),
    })),
    ...files.map((f) => ({
      at: new Date(f.createdAt).getTime(),
      key: `f${f.id}`,
      content: (
        <div>
          <PaperClipOutlined /> <a href={`/api/attachments/${f.id}`}>{f.filename}</a>
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{fmtDateTime(f.createdAt)} · SM3 {f.sm3.slice(0, 12)}…</Typography.Text>
        </div>
      ),
    })),
  ].sort((a, b) => a.at - b.at);
  if (!items.length) return <Empty description={t('empty')} />;
  return <AntTimeline items={items.map((i) => ({ key: i.key, content: i.content }))} />;
}
