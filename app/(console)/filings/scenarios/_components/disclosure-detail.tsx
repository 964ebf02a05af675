'use client';

import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { useMutationFeedback } from '@/app/_components/list-kit';
import { QueryErrorView } from '@/app/_components/query-error';
import { FilingTimeline } from '@/app/_components/timeline';
import { useTRPC } from '@/server/trpc/react';
import { DisclosureForm } from './disclosure-form';
import { usePeriodLabel } from './period-label';
import { StatusTag, useActionLabel } from './tags';

/** One usage disclosure (HN-17 ¶2): its text, publishing (irreversible) and its timeline. */
export function DisclosureDetailView({ id }: { id: string }) {
  const t = useTranslations('scenarios');
  const td = useTranslations('scenarios.disclosure');
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const label = useActionLabel();
  const period = usePeriodLabel();
  const q = useQuery(trpc.disclosure.get.queryOptions({ id }));
  const [editing, setEditing] = useState(false);
  const { done, onError } = useMutationFeedback(trpc.disclosure.pathKey());
  const publish = useMutation(trpc.disclosure.publish.mutationOptions({ onSuccess: () => done(td('detail.published')), onError }));

  if (q.error) return <QueryErrorView error={q.error} />;
  if (!q.data) return <Card loading />;
  const d = q.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link href="/filings/disclosures"><ArrowLeftOutlined /> {t('back')}</Link>
      <Card
        title={<Space wrap><Typography.Title level={4} style={{ margin: 0 }}>{d.title}</Typography.Title><StatusTag kind="disclosureStatus" status={d.status} testId="disclosure-status" /><Cite code="HN-17.2">HN-17 ¶2</Cite></Space>}
        extra={
          <Space>
            {d.actions.includes('edit') && <Button onClick={() => setEditing(true)}>{td('detail.edit')}</Button>}
            {d.actions.includes('publish') && (
              <Button type="primary" loading={publish.isPending} onClick={() => modal.confirm({
                title: td('detail.publish'), content: td('detail.confirmPublish'), okText: td('detail.publish'),
                onOk: () => publish.mutateAsync({ id: d.id, version: d.version }).catch(() => undefined),
              })}>{td('detail.publish')}</Button>
            )}
          </Space>
        }
      >
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'period', label: td('cols.period'), children: period(d.period) },
          { key: 'op', label: td('cols.operator'), children: d.operatorName },
          { key: 'pub', label: td('cols.publishedAt'), children: fmtDateTime(d.publishedAt) },
          { key: 'upd', label: td('cols.updatedAt'), children: fmtDateTime(d.updatedAt) },
        ]} />
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 16 }}>{d.body}</Typography.Paragraph>
      </Card>
      <Card title={t('timeline.title')}>
        <FilingTimeline events={d.timeline.events} files={d.timeline.files} label={label} />
      </Card>
      {editing && <DisclosureForm disclosure={d} defaultPeriod={d.period} onClose={() => setEditing(false)} />}
    </Space>
  );
}
