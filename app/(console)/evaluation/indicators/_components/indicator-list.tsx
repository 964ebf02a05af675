'use client';

import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { FormModal } from '@/app/_components/form-modal';
import { fmtDateTime } from '@/app/_components/format';
import { ExportMenu, KeysetTable, ListToolbar, sortOrderOf, useKeysetList, useListState, useMutationFeedback, type SortState } from '@/app/_components/list-kit';
import { ToneTag } from '@/app/_components/tone-tag';
import { useTRPC } from '@/server/trpc/react';
import { INDICATOR_LIST_DEFAULT, type SystemRow } from './defaults';
import { KIND_ARTICLE, KindText } from './parts';

type Sort = 'name' | 'updatedAt';
type Kind = 'agency' | 'operator';
interface Filters {
  q?: string;
  targetKind?: Kind;
}
const DEFAULT_SORT: SortState<Sort> = { sort: INDICATOR_LIST_DEFAULT.sort, dir: INDICATOR_LIST_DEFAULT.dir };

/** 评价指标体系 (HN-22 ¶1 / ¶2): one tree per kind of target, versioned; the province builds and publishes them. */
export function IndicatorList({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations('indicators');
  const tl = useTranslations('indicators.list');
  const trpc = useTRPC();
  const state = useListState<Filters, Sort>(DEFAULT_SORT);
  const { filters, sort } = state;
  const list = useKeysetList(trpc.indicator.list, { ...state.query, limit: INDICATOR_LIST_DEFAULT.limit });
  const [creating, setCreating] = useState(false);
  const createButton = canWrite ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{tl('create')}</Button> : undefined;

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}
      extra={<Space><ExportMenu path="/api/evaluation/indicators/export" params={state.query} />{createButton}</Space>}
    >
      <Alert type="info" showIcon title={canWrite ? tl('scopeProvince') : tl('scopeReader')} description={<>{tl('basisHint')} <Cite code="HN-22 ¶1" /> <Cite code="HN-22 ¶2" /></>} style={{ marginBottom: 16 }} />
      <ListToolbar state={state} searchPlaceholder={tl('searchPlaceholder')}>
        <Select
          aria-label={tl('filters.kind')}
          placeholder={tl('filters.kind')}
          allowClear
          value={filters.targetKind}
          onChange={(v) => state.setFilter('targetKind', v)}
          options={(['agency', 'operator'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          style={{ width: 160 }}
        />
      </ListToolbar>
      <KeysetTable<SystemRow>
        list={list}
        state={state}
        empty={{ filteredText: tl('emptyFiltered'), emptyText: tl('empty'), hint: canWrite ? tl('emptyHint') : tl('emptyHintReader'), action: createButton }}
        columns={[
          {
            title: tl('cols.name'), key: 'name', dataIndex: 'name', sorter: true, sortOrder: sortOrderOf(sort, 'name'),
            render: (v: string, r) => (
              <Space orientation="vertical" size={0}>
                <Link href={`/evaluation/indicators/${r.id}`}>{v}</Link>
                {r.description && <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: r.description }}>{r.description}</Typography.Text>}
              </Space>
            ),
          },
          { title: <>{tl('cols.kind')} <Cite plain code="HN-22" /></>, key: 'kind', render: (_: unknown, r) => <KindText kind={r.targetKind} cite={false} /> },
          {
            title: tl('cols.published'), key: 'published',
            render: (_: unknown, r) => (r.publishedVersionNo
              ? <Space size={4} wrap><ToneTag tone="green">v{r.publishedVersionNo}</ToneTag><Typography.Text type="secondary">{fmtDateTime(r.publishedAt)}</Typography.Text></Space>
              : <ToneTag tone="gray">{tl('neverPublished')}</ToneTag>),
          },
          ...(canWrite ? [{
            title: tl('cols.draft'), key: 'draft',
            render: (_: unknown, r: SystemRow) => (r.draftVersionNo ? <ToneTag tone="orange">{tl('draftOf', { n: r.draftVersionNo })}</ToneTag> : '—'),
          }] : []),
          { title: tl('cols.leaves'), key: 'leaves', align: 'right', render: (_: unknown, r) => r.leafCount },
          { title: tl('cols.updatedAt'), key: 'updatedAt', dataIndex: 'updatedAt', sorter: true, sortOrder: sortOrderOf(sort, 'updatedAt'), render: (v: Date) => fmtDateTime(v) },
        ]}
      />
      {creating && <CreateSystemDialog onClose={() => setCreating(false)} />}
    </Card>
  );
}

interface CreateValues {
  name: string;
  targetKind: Kind;
  description?: string;
}

/** 新建指标体系: a name and the kind of target; it starts as an empty draft v1 (grade bands 90 / 80 / 60). */
function CreateSystemDialog({ onClose }: { onClose: () => void }) {
  const t = useTranslations('indicators');
  const tc = useTranslations('indicators.create');
  const trpc = useTRPC();
  const router = useRouter();
  const [form] = Form.useForm<CreateValues>();
  const { done, onError } = useMutationFeedback(trpc.indicator.pathKey(), { form });
  const create = useMutation(trpc.indicator.createSystem.mutationOptions({
    onSuccess: (r) => {
      // straight to the new draft; the list reloads behind
      router.push(`/evaluation/indicators/${r.id}`);
      void done(tc('done'));
    },
    onError,
  }));
  return (
    <FormModal<CreateValues>
      form={form}
      title={tc('title')}
      okText={tc('ok')}
      pending={create.isPending}
      onClose={onClose}
      initialValues={{}}
      onFinish={(v) => create.mutate({ name: v.name, targetKind: v.targetKind, description: v.description || null })}
    >
      <Form.Item name="targetKind" label={<>{tc('kind')} <Cite code="HN-22" /></>} rules={[{ required: true, message: tc('kindRequired') }]}>
        <Radio.Group options={(['agency', 'operator'] as const).map((k) => ({ value: k, label: <>{t(`kind.${k}`)}({KIND_ARTICLE[k]})</> }))} />
      </Form.Item>
      <Form.Item name="name" label={tc('name')} rules={[{ required: true, message: tc('nameRequired') }]}>
        <Input maxLength={100} showCount />
      </Form.Item>
      <Form.Item name="description" label={tc('description')}>
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
      <Typography.Text type="secondary">{tc('hint')}</Typography.Text>
    </FormModal>
  );
}
