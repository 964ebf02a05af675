'use client';

import { Button, Card, Empty, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Cite } from '@/app/_components/citation';
import { DueTag } from '@/app/_components/due-tag';
import { fmtDateTime } from '@/app/_components/format';
import { useTRPC } from '@/server/trpc/react';

export function Inbox() {
  const t = useTranslations('home');
  const trpc = useTRPC();
  const { data = [], isLoading } = useQuery(trpc.me.inbox.queryOptions());
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>} extra={data.length ? t('count', { n: data.length }) : null}>
      <Table
        rowKey="id"
        loading={isLoading}
        dataSource={data}
        pagination={false}
        locale={{ emptyText: <Empty description={t('empty')} /> }}
        columns={[
          {
            title: t('task'),
            dataIndex: 'title',
            render: (v: string, r) => (
              <>
                {r.href ? <Link href={r.href}>{v}</Link> : v}
                {r.basis && <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}><Cite code={r.basis} /></Typography.Text>}
              </>
            ),
          },
          {
            title: t('due'),
            dataIndex: 'dueAt',
            width: 200,
            sorter: (a, b) => (a.dueAt ? +new Date(a.dueAt) : Infinity) - (b.dueAt ? +new Date(b.dueAt) : Infinity),
            render: (_: unknown, r) => (r.dueAt && r.status ? <DueTag dueAt={r.dueAt} status={r.status} basis={r.basis} /> : '—'),
          },
          { title: t('created'), dataIndex: 'createdAt', width: 170, render: (v: Date) => fmtDateTime(v) },
          { title: '', key: 'open', width: 90, render: (_: unknown, r) => r.href && <Link href={r.href}><Button size="small">{t('open')}</Button></Link> },
        ]}
      />
    </Card>
  );
}
