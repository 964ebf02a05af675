'use client';

import { App, Button, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { ToneTag } from '@/app/_components/tone-tag';
import { useState } from 'react';
import { fmtDateTime } from '@/app/_components/format';
import { useMutationFeedback } from '@/app/_components/list-kit';
import { useTRPC } from '@/server/trpc/react';
import type { ResourceDetail } from './defaults';

const FIELD_LABEL: Record<string, string> = {
  code: 'cols.code', name: 'cols.name', providerName: 'cols.provider', summary: 'cols.summary', format: 'cols.format', updateCycle: 'cols.updateCycle',
  shareType: 'cols.shareType', shareCondition: 'cols.shareCondition', openType: 'cols.openType', grade: 'cols.grade',
};
const ITEM_FIELD_LABEL: Record<string, string> = {
  name: 'form.itemName', fieldCode: 'form.fieldCode', dataType: 'form.dataType', description: 'form.description', sensitive: 'form.sensitive',
  grade: 'form.itemGrade', sourceResolution: 'form.resolution', justification: 'form.justification',
};
/** Fields whose values are enumerations, and the message prefix of their labels. */
const ENUM_PREFIX: Record<string, string> = { format: 'format', updateCycle: 'updateCycle', shareType: 'shareType', openType: 'openType', grade: 'grade', dataType: 'dataType' };

/** Versions of a resource with their review outcome, a field-level diff between any two, and restore. */
export function HistoryPanel({ resource }: { resource: ResourceDetail }) {
  const t = useTranslations('catalog');
  const th = useTranslations('catalog.history');
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const history = useQuery(trpc.catalog.resource.history.queryOptions({ id: resource.id }));
  const versions = history.data ?? [];
  const latest = versions[0]?.versionNo ?? 0;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const a = from ?? resource.publishedVersionNo ?? latest;
  const b = to ?? 0;
  const diff = useQuery({ ...trpc.catalog.resource.diff.queryOptions({ id: resource.id, from: a, to: b }), enabled: versions.length > 0 });
  const { done, onError } = useMutationFeedback(trpc.catalog.pathKey());
  const restore = useMutation(trpc.catalog.resource.restore.mutationOptions({ onSuccess: () => done(t('detail.done.restore')), onError }));

  const show = (field: string, v: unknown) => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'boolean') return v ? '✓' : '✗';
    if (ENUM_PREFIX[field]) return t(`${ENUM_PREFIX[field]}.${String(v)}`);
    if (field === 'sourceResolution') return v === 'link' ? t('form.link') : t('form.second');
    return String(v);
  };
  const options = [{ value: 0, label: th('current') }, ...versions.map((v) => ({ value: v.versionNo, label: `v${v.versionNo} · ${t(`versionStatus.${v.status}`)}` }))];

  if (!history.isLoading && versions.length === 0) return <Empty description={th('empty')} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Table
        rowKey="versionNo"
        size="small"
        loading={history.isLoading}
        pagination={false}
        dataSource={versions}
        columns={[
          { title: th('version'), dataIndex: 'versionNo', render: (v: number, r) => <Space>v{v}{r.restoredFrom ? <Tag>{th('restoredFrom', { n: r.restoredFrom })}</Tag> : null}</Space> },
          { title: th('status'), dataIndex: 'status', render: (s: string) => <ToneTag tone={s === 'published' ? 'green' : s === 'rejected' ? 'red' : s === 'pending' ? 'blue' : 'gray'}>{t(`versionStatus.${s}`)}</ToneTag> },
          { title: th('submitted'), key: 's', render: (_: unknown, r) => `${r.submittedBy ?? '—'} ${fmtDateTime(r.submittedAt)}` },
          { title: th('decided'), key: 'd', render: (_: unknown, r) => (r.decidedAt ? `${r.decidedBy ?? '—'} ${fmtDateTime(r.decidedAt)}` : '—') },
          { title: th('reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
          {
            title: '',
            key: 'restore',
            render: (_: unknown, r) => resource.canRestore && r.versionNo !== resource.publishedVersionNo ? (
              <Button size="small" onClick={() => modal.confirm({
                title: th('restore'),
                content: th('confirmRestore', { n: r.versionNo }),
                onOk: () => restore.mutateAsync({ id: resource.id, version: resource.version, versionNo: r.versionNo }).catch(() => undefined),
              })}>{th('restore')}</Button>
            ) : null,
          },
        ]}
      />
      <Space wrap>
        <Typography.Text strong>{th('compare')}</Typography.Text>
        <span>{th('from')}</span>
        <Select aria-label={th('from')} value={a} onChange={setFrom} options={options} style={{ width: 200 }} />
        <span>{th('to')}</span>
        <Select aria-label={th('to')} value={b} onChange={setTo} options={options} style={{ width: 200 }} />
      </Space>
      {diff.data && diff.data.fields.length === 0 && diff.data.items.length === 0 && <Typography.Text type="secondary">{th('noDiff')}</Typography.Text>}
      {diff.data && diff.data.fields.length > 0 && (
        <Table
          data-testid="diff-fields"
          rowKey="field"
          size="small"
          pagination={false}
          dataSource={diff.data.fields}
          columns={[
            { title: th('field'), dataIndex: 'field', width: 180, render: (f: string) => t(FIELD_LABEL[f] ?? f) },
            { title: th('before'), key: 'b', render: (_: unknown, c) => <Typography.Text delete type="danger">{show(c.field, c.before)}</Typography.Text> },
            { title: th('after'), key: 'a', render: (_: unknown, c) => <Typography.Text type="success">{show(c.field, c.after)}</Typography.Text> },
          ]}
        />
      )}
      {diff.data && diff.data.items.length > 0 && (
        <Table
          data-testid="diff-items"
          rowKey={(c) => `${c.change}-${c.name}`}
          size="small"
          pagination={false}
          title={() => th('itemChanges')}
          dataSource={diff.data.items}
          columns={[
            { title: t('form.itemName'), dataIndex: 'name', width: 180 },
            { title: '', dataIndex: 'change', width: 80, render: (c: 'added' | 'removed' | 'changed') => <ToneTag tone={c === 'added' ? 'green' : c === 'removed' ? 'red' : 'blue'}>{th(c)}</ToneTag> },
            {
              title: th('after'),
              key: 'f',
              render: (_: unknown, c) => (
                <Space orientation="vertical" size={0}>
                  {c.fields.map((f) => (
                    <span key={f.field}>
                      {t(ITEM_FIELD_LABEL[f.field] ?? f.field)}:
                      {c.change === 'changed' && <><Typography.Text delete type="danger">{show(f.field, f.before)}</Typography.Text> → </>}
                      <Typography.Text type="success">{show(f.field, f.after)}</Typography.Text>
                    </span>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
