'use client';

import { Table, Typography } from 'antd';
import { useTranslations } from 'next-intl';

type Json = unknown;

const isRecord = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);

function show(v: Json): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** Before/after of one event as a field-by-field table; changed fields are marked. */
export function AuditDiff({ before, after }: { before: Json; after: Json }) {
  const t = useTranslations('audit.diff');
  if (before === null && after === null) return <Typography.Text type="secondary">{t('none')}</Typography.Text>;
  const b = isRecord(before) ? before : before === null ? {} : { [t('value')]: before };
  const a = isRecord(after) ? after : after === null ? {} : { [t('value')]: after };
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = keys.map((k) => ({ key: k, before: b[k], after: a[k], changed: JSON.stringify(b[k]) !== JSON.stringify(a[k]) }));
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      style={{ maxWidth: 960 }}
      columns={[
        { title: t('field'), dataIndex: 'key', width: 200, render: (k: string) => <Typography.Text code>{k}</Typography.Text> },
        {
          title: t('before'), dataIndex: 'before',
          render: (v: Json, r) => (r.before === undefined ? <Typography.Text type="secondary">—</Typography.Text> : <Typography.Text delete={r.changed && r.after !== undefined} style={{ wordBreak: 'break-all' }}>{show(v)}</Typography.Text>),
        },
        {
          title: t('after'), dataIndex: 'after',
          render: (v: Json, r) => (r.after === undefined ? <Typography.Text type="secondary">—</Typography.Text> : <Typography.Text strong={r.changed} style={{ wordBreak: 'break-all' }}>{show(v)}</Typography.Text>),
        },
      ]}
    />
  );
}
