'use client';

import { Alert, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { isFactKey, type RubricLevel } from '@/server/domain/evaluation';
import { ToneTag } from '@/app/_components/tone-tag';
import { QueryErrorView } from '@/app/_components/query-error';
import { useTRPC } from '@/server/trpc/react';
import type { VersionDiff, VersionSummary } from './defaults';
import { rangeText } from './parts';

type NodeChange = VersionDiff['nodes'][number];
const CHANGE_TONE = { added: 'green', removed: 'red', changed: 'blue' } as const;

/**
 * 版本对比: two versions of the system side by side — nodes added, removed and changed field by field
 * (by code, which stays the same across versions), and the grade bands.
 */
export function VersionDiffView({ versions }: { versions: readonly VersionSummary[] }) {
  const t = useTranslations('indicators.diff');
  const ts = useTranslations('indicators.status');
  const trpc = useTRPC();
  // newest first: compare the newest with the one before it
  const [toId, setTo] = useState(versions[0]?.id);
  const [fromId, setFrom] = useState(versions[1]?.id);
  const options = versions.map((v) => ({ value: v.id, label: `v${v.versionNo} · ${ts(v.status)}` }));
  const ready = !!fromId && !!toId && fromId !== toId;
  const q = useQuery({ ...trpc.indicator.diff.queryOptions({ fromId: fromId ?? '', toId: toId ?? '' }), enabled: ready });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <span>{t('from')}</span>
        <Select aria-label={t('from')} value={fromId} onChange={setFrom} options={options} style={{ width: 180 }} />
        <span>{t('to')}</span>
        <Select aria-label={t('to')} value={toId} onChange={setTo} options={options} style={{ width: 180 }} />
      </Space>
      {!ready && <Alert type="info" showIcon title={t('pickTwo')} />}
      {ready && q.error && <QueryErrorView error={q.error} />}
      {ready && q.data && <DiffResult d={q.data} />}
    </Space>
  );
}

function DiffResult({ d }: { d: VersionDiff }) {
  const t = useTranslations('indicators.diff');
  const tb = useTranslations('indicators.bands');
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const n of d.nodes) counts[n.change]++;
  if (!d.nodes.length && !d.bands.length) return <Alert type="success" showIcon title={t('same', { from: d.from.versionNo, to: d.to.versionNo })} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="version-diff">
      <Typography.Text>{t('summary', { from: d.from.versionNo, to: d.to.versionNo, ...counts, bands: d.bands.length })}</Typography.Text>
      {d.bands.length > 0 && (
        <div data-testid="diff-bands">
          <Typography.Title level={5}>{t('bandsTitle')}</Typography.Title>
          <Space orientation="vertical" size={2}>
            {d.bands.map((b) => <span key={b.field}>{tb(b.field)}:<del>{b.before}</del> → <strong>{b.after}</strong></span>)}
          </Space>
        </div>
      )}
      {d.nodes.length > 0 && (
        <Table<NodeChange>
          size="small"
          rowKey={(n) => `${n.change}-${n.code}`}
          pagination={d.nodes.length > 20 ? { pageSize: 20 } : false}
          dataSource={d.nodes}
          columns={[
            { title: t('change'), dataIndex: 'change', width: 80, render: (c: NodeChange['change']) => <ToneTag tone={CHANGE_TONE[c]}>{t(c)}</ToneTag> },
            { title: t('code'), dataIndex: 'code', width: 110, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: t('name'), dataIndex: 'name' },
            {
              title: t('fields'), key: 'fields',
              render: (_: unknown, n) => (n.change === 'removed' ? '—' : (
                <Space orientation="vertical" size={2}>
                  {n.fields.map((f) => (
                    <span key={f.field}>
                      <Typography.Text type="secondary">{t(`field.${f.field}`)}:</Typography.Text>
                      {n.change === 'changed' && <><del><FieldValue field={f.field} value={f.before} /></del> → </>}
                      <strong><FieldValue field={f.field} value={f.after} /></strong>
                    </span>
                  ))}
                </Space>
              )),
            },
          ]}
        />
      )}
    </Space>
  );
}

function FieldValue({ field, value }: { field: string; value: unknown }) {
  const tf = useTranslations('indicators.facts');
  const t = useTranslations('indicators.diff');
  if (value === null || value === undefined || value === '') return <>{t('none')}</>;
  if (field === 'rubric' && Array.isArray(value)) return <>{(value as RubricLevel[]).map((l) => `${l.label} ${rangeText(l)}`).join(';')}</>;
  if (field === 'factKey' && typeof value === 'string') return <>{isFactKey(value) ? tf(value) : value}</>;
  if (field === 'weight') return <>{String(value)}%</>;
  return <>{String(value)}</>;
}
