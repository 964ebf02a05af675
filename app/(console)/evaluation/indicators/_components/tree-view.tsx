'use client';

import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { depthsOf, isLeaf } from '@/server/domain/evaluation';
import type { TreeNodeRow } from './defaults';
import { FactLabel, LeafDetails } from './parts';

/**
 * A version's tree for reading: one row per node in reading order, indented by level, with weight,
 * maximum score, article (linked to the regulation reader), veto line and pre-filled fact; a leaf
 * opens to its rubric and the evidence it expects.
 */
export function TreeView({ nodes }: { nodes: readonly TreeNodeRow[] }) {
  const t = useTranslations('indicators.node');
  const depths = useMemo(() => depthsOf(nodes), [nodes]);
  const leaves = useMemo(() => nodes.filter((n) => isLeaf(n.code, nodes)).map((n) => n.code), [nodes]);
  const [open, setOpen] = useState<readonly string[]>([]);
  if (!nodes.length) return <Typography.Text type="secondary">{t('emptyTree')}</Typography.Text>;
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Button size="small" onClick={() => setOpen(open.length ? [] : leaves)}>{open.length ? t('collapseAll') : t('expandAll')}</Button>
        <Typography.Text type="secondary">{t('counts', { nodes: nodes.length, leaves: leaves.length })}</Typography.Text>
      </Space>
      <Table<TreeNodeRow>
        data-testid="indicator-tree"
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={[...nodes]}
        scroll={{ x: 'max-content' }}
        expandable={{
          rowExpandable: (n) => isLeaf(n.code, nodes),
          expandedRowKeys: open,
          onExpandedRowsChange: (keys) => setOpen(keys as string[]),
          expandedRowRender: (n) => <LeafDetails node={n} />,
        }}
        columns={[
          { title: t('code'), dataIndex: 'code', width: 110, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          {
            title: t('name'), key: 'name',
            render: (_: unknown, n) => {
              const d = depths.get(n.code) ?? 1;
              return (
                <span style={{ paddingLeft: (d - 1) * 20, display: 'inline-block', fontWeight: d === 1 ? 600 : undefined }}>
                  {n.name}{n.vetoBelow != null && <Tag style={{ marginLeft: 8 }} color="error">{t('vetoTag')}</Tag>}
                </span>
              );
            },
          },
          { title: t('weight'), dataIndex: 'weight', align: 'right', width: 80, render: (v: number) => `${v}%` },
          { title: t('maxScore'), dataIndex: 'maxScore', align: 'right', width: 70, render: (v: number | null) => v ?? '—' },
          { title: t('article'), dataIndex: 'article', width: 110, render: (v: string | null) => (v ? <Cite code={v} /> : '—') },
          { title: t('vetoBelow'), dataIndex: 'vetoBelow', width: 100, render: (v: number | null) => (v != null ? t('vetoShort', { n: v }) : '—') },
          { title: t('factKey'), dataIndex: 'factKey', render: (v: string | null) => (v ? <FactLabel factKey={v} /> : '—') },
        ]}
      />
    </>
  );
}
