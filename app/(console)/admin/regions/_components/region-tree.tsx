'use client';

import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { useTRPC } from '@/server/trpc/react';
import type { RegionRow } from '../../_components/defaults';
import { FormModal } from '@/app/_components/form-modal';
import { useMutationFeedback } from '@/app/_components/list-kit';

type Node = RegionRow & { parentName: string | null; children?: Node[] };
const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' };

/** The province → cities (→ 航空港区 under 郑州) tree, from the flat list. */
function toTree(rows: RegionRow[]): Node[] {
  const byCode = new Map<string, Node>(rows.map((r) => [r.code, { ...r, parentName: null }]));
  const roots: Node[] = [];
  for (const n of byCode.values()) {
    const parent = n.parentCode ? byCode.get(n.parentCode) : undefined;
    if (parent) {
      n.parentName = parent.name;
      (parent.children ??= []).push(n);
    } else roots.push(n);
  }
  return roots;
}

export function RegionTree({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations('admin.regions');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const { data = [], isLoading } = useQuery(trpc.admin.region.list.queryOptions());
  const tree = useMemo(() => toTree(data), [data]);
  const [editing, setEditing] = useState<RegionRow | 'new' | null>(null);

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}
      extra={
        <Space>
          <Typography.Text type="secondary">{t('total', { n: data.length })}</Typography.Text>
          {canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('create')}</Button>}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>{t('subtitle')}</Typography.Paragraph>
      <Table<Node>
        rowKey="code"
        size="middle"
        loading={isLoading}
        dataSource={tree}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('name'),
            dataIndex: 'name',
            width: 280,
            // inline content: the tree's indent and expander sit before it in the same cell
            render: (v: string, r) => (
              <span>
                {v}
                {r.internal && (
                  <Tooltip title={t('internalHint')}>
                    <Tag color="gold" style={{ marginLeft: 8 }}>{t('internal')}</Tag>
                  </Tooltip>
                )}
              </span>
            ),
          },
          { title: t('code'), dataIndex: 'code', width: 140, render: (v: string) => <span style={mono}>{v}</span> },
          { title: t('parent'), dataIndex: 'parentName', width: 140, render: (v: string | null) => v ?? '—' },
          { title: t('level'), dataIndex: 'level', width: 90, render: (v: string) => (v === 'province' || v === 'city' ? t(`levels.${v}`) : v) },
          { title: t('orgCount'), dataIndex: 'orgCount', width: 90, align: 'right' },
          ...(canWrite
            ? [{ title: tc('actions'), key: 'actions', width: 90, render: (_: unknown, r: Node) => <Button type="link" size="small" onClick={() => setEditing(r)}>{tc('edit')}</Button> }]
            : []),
        ]}
      />
      {editing && <RegionModal region={editing === 'new' ? null : editing} regions={data} onClose={() => setEditing(null)} />}
    </Card>
  );
}

interface Values {
  code: string;
  name: string;
  parentCode: string | null;
  internal: boolean;
}

function RegionModal({ region, regions, onClose }: { region: RegionRow | null; regions: RegionRow[]; onClose: () => void }) {
  const t = useTranslations('admin.regions');
  const trpc = useTRPC();
  const [form] = Form.useForm<Values>();
  const { done, onError } = useMutationFeedback(trpc.admin.pathKey(), { form, onDone: onClose });
  const m = useMutation(trpc.admin.region.upsert.mutationOptions({ onSuccess: () => done(t('saved')), onError }));
  return (
    <FormModal
      form={form}
      title={region ? t('editTitle') : t('createTitle')}
      pending={m.isPending}
      onClose={onClose}
      initialValues={region ? { code: region.code, name: region.name, parentCode: region.parentCode, internal: region.internal } : { code: '', name: '', parentCode: '410000', internal: false }}
      onFinish={(v) => m.mutate({ code: v.code, name: v.name, parentCode: v.parentCode ?? null, internal: v.internal, isNew: !region })}
    >
      <Form.Item
        label={t('code')}
        name="code"
        extra={t('codeHint')}
        normalize={(v: string) => v?.toUpperCase().trim()}
        rules={[{ required: true, message: t('codeRequired') }]}
      >
        <Input maxLength={12} disabled={!!region} style={mono} autoFocus={!region} />
      </Form.Item>
      <Form.Item label={t('name')} name="name" rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}>
        <Input maxLength={50} autoFocus={!!region} />
      </Form.Item>
      <Form.Item label={t('parent')} name="parentCode">
        <Select
          allowClear
          placeholder={t('parentPlaceholder')}
          showSearch={{ optionFilterProp: 'label' }}
          options={regions.filter((r) => r.code !== region?.code).map((r) => ({ value: r.code, label: `${r.name} ${r.code}` }))}
        />
      </Form.Item>
      <Form.Item label={t('internal')} name="internal" valuePropName="checked" extra={t('internalHint')}>
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
