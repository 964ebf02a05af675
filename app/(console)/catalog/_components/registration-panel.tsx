'use client';

import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { useTRPC } from '@/server/trpc/react';
import type { ResourceDetail } from './defaults';
import { PhaseTag } from './phase-tag';
import { RegistrationFormModal } from './registration-form';

/** The registrations of one resource (HN-10) and, for its agency, the application form. */
export function RegistrationPanel({ resource }: { resource: ResourceDetail }) {
  const t = useTranslations('catalog.registration');
  const trpc = useTRPC();
  const regs = useQuery(trpc.catalog.registration.ofResource.queryOptions({ id: resource.id }));
  const [applying, setApplying] = useState(false);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('hint')} <Cite code="HN-10" /></Typography.Text>
        {resource.canRegister && <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)}>{t('new')}</Button>}
      </Space>
      {regs.data && regs.data.length === 0 ? <Empty description={t('none')} /> : (
        <Table
          rowKey="id"
          size="small"
          loading={regs.isLoading}
          pagination={false}
          dataSource={regs.data ?? []}
          columns={[
            { title: t('cols.no'), dataIndex: 'registrationNo', render: (v: string | null, r) => <Link href={`/catalog/registrations/${r.id}`}>{v ?? t('phase.submitted')}</Link> },
            { title: t('cols.kind'), dataIndex: 'kind', render: (v: string) => t(`kind.${v}`) },
            { title: t('cols.phase'), dataIndex: 'phase', render: (v: string) => <PhaseTag phase={v} /> },
            { title: t('cols.notice'), key: 'n', render: (_: unknown, r) => (r.noticeStartsOn ? `${r.noticeStartsOn} ~ ${r.noticeEndsOn}` : '—') },
            { title: t('cols.effectiveOn'), dataIndex: 'effectiveOn', render: (v: string | null) => v ?? '—' },
            { title: t('cols.createdAt'), dataIndex: 'createdAt', render: (v: Date) => fmtDateTime(v) },
          ]}
        />
      )}
      {applying && <RegistrationFormModal resourceId={resource.id} onClose={() => setApplying(false)} />}
    </Space>
  );
}
