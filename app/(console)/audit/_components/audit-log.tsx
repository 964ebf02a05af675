'use client';

import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Space, Table, Tooltip, Typography } from 'antd';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { TZ } from '@/app/_components/format';
import type { AppRouter } from '@/server/routers/_app';
import { AUDIT_EXPORT_CAP } from '@/server/routers/audit/schema';
import { useTRPC } from '@/server/trpc/react';
import { AuditDiff } from './audit-diff';
import { ChainCheckButton, ChainResult, type ChainReport } from './chain-check';

type Row = inferRouterOutputs<AppRouter>['audit']['list']['items'][number];
type Filter = Omit<inferRouterInputs<AppRouter>['audit']['list'], 'cursor' | 'limit'>;

interface FilterValues {
  actor?: string;
  orgId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  seq?: number | null;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** The picked days are Beijing days, whatever the browser's zone. */
function toFilter(v: FilterValues): Filter {
  const day = (d: Dayjs | null | undefined, time: string) => (d ? dayjs.tz(`${d.format('YYYY-MM-DD')} ${time}`, TZ).toDate() : undefined);
  return {
    actor: v.actor?.trim() || undefined,
    orgId: v.orgId || undefined,
    action: v.action || undefined,
    entityType: v.entityType || undefined,
    entityId: v.entityId?.trim() || undefined,
    seq: v.seq ?? undefined,
    from: day(v.range?.[0], '00:00:00.000'),
    to: day(v.range?.[1], '23:59:59.999'),
  };
}

function toQueryString(f: Filter): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || v === '') continue;
    p.set(k, v instanceof Date ? v.toISOString() : String(v));
  }
  return p.toString();
}

const fmtSeconds = (v: string) => dayjs(v).tz(TZ).format('YYYY-MM-DD HH:mm:ss');
const SMALL: React.CSSProperties = { fontSize: 12 };
const MONO: React.CSSProperties = { fontSize: 12, fontFamily: 'monospace' };

export function AuditLog() {
  const t = useTranslations('audit');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<FilterValues>();
  const [filter, setFilter] = useState<Filter>({});
  const [report, setReport] = useState<ChainReport | null>(null);
  const [exporting, setExporting] = useState(false);

  const { data: facets } = useQuery(trpc.audit.facets.queryOptions());
  const { data: orgs } = useQuery(trpc.audit.orgOptions.queryOptions());
  const list = useInfiniteQuery(trpc.audit.list.infiniteQueryOptions(filter, { getNextPageParam: (p) => p.nextCursor }));
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  // Known actions and entities have a label; anything newer shows its code.
  const label = (key: string, fallback: string) => (t.has(key) && typeof t.raw(key) === 'string' ? t(key) : fallback);
  const actionLabel = (a: string) => label(`actions.${a}`, a);
  const entityLabel = (e: string) => label(`entities.${e}`, e);

  const showSeq = (seq: number) => {
    form.resetFields();
    form.setFieldsValue({ seq });
    setFilter({ seq });
  };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const res = await fetch(`/api/audit/export?${toQueryString(filter)}`);
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { message?: string } | null;
        message.error(body?.message ?? t('exportFailed', { status: res.status }));
        return;
      }
      const blob = await res.blob();
      const cd = res.headers.get('Content-Disposition') ?? '';
      const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(cd)?.[1] ?? 'audit.xlsx');
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      URL.revokeObjectURL(url);
      const n = Number(res.headers.get('X-Export-Rows') ?? 0);
      if (res.headers.get('X-Export-Truncated') === '1') message.warning(t('exportTruncated', { n }));
      else message.success(t('exported', { n }));
      await qc.invalidateQueries({ queryKey: trpc.audit.pathKey() });
    } catch {
      message.error(t('exportFailed', { status: 0 }));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}
      extra={
        <Space wrap>
          <ChainCheckButton onResult={setReport} />
          <Tooltip title={t('exportCap', { cap: AUDIT_EXPORT_CAP })}>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportXlsx}>{tc('exportXlsx')}</Button>
          </Tooltip>
        </Space>
      }
    >
      {report && <ChainResult report={report} onShowSeq={showSeq} onClose={() => setReport(null)} />}

      <Form<FilterValues> form={form} layout="vertical" onFinish={(v) => setFilter(toFilter(v))} aria-label={t('filters')}>
        <Row gutter={16}>
          <Col xs={24} md={12} xl={6}>
            <Form.Item label={t('f.actor')} name="actor">
              <Input allowClear placeholder={t('f.actorPlaceholder')} maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item label={t('f.org')} name="orgId">
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={tc('all')} options={orgs?.map((o) => ({ value: o.id, label: o.name }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item label={t('f.action')} name="action">
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={tc('all')}
                options={facets?.actions.map((a) => ({ value: a, label: actionLabel(a) === a ? a : `${actionLabel(a)} (${a})` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item label={t('f.entityType')} name="entityType">
              <Select allowClear placeholder={tc('all')} options={facets?.entityTypes.map((e) => ({ value: e, label: entityLabel(e) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item label={t('f.entityId')} name="entityId">
              <Input allowClear maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item label={t('f.range')} name="range" extra={t('f.rangeHelp')}>
              <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={4}>
            <Form.Item label={t('f.seq')} name="seq">
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6} style={{ display: 'flex', alignItems: 'flex-start', paddingTop: 30 }}>
            <Space>
              <Button type="primary" htmlType="submit">{tc('search')}</Button>
              <Button onClick={() => { form.resetFields(); setFilter({}); }}>{tc('reset')}</Button>
            </Space>
          </Col>
        </Row>
      </Form>

      <Table<Row>
        rowKey="seq"
        size="middle"
        loading={list.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1120 }}
        expandable={{
          expandedRowRender: (r) => <AuditDiff before={r.before} after={r.after} />,
          rowExpandable: (r) => r.before !== null || r.after !== null,
        }}
        columns={[
          { title: t('c.seq'), dataIndex: 'seq', width: 72 },
          {
            title: t('c.atIp'), dataIndex: 'at', width: 170,
            render: (v: string, r) => (
              <Flex vertical>
                <span>{fmtSeconds(v)}</span>
                <Typography.Text type="secondary" style={SMALL}>{r.ip ?? '—'}</Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('c.actorOrg'), dataIndex: 'actorName', width: 200,
            render: (v: string | null, r) => (
              <Flex vertical style={{ minWidth: 0 }}>
                <span>{v ?? '—'}</span>
                {r.orgName && <Typography.Text type="secondary" ellipsis={{ tooltip: r.orgName }} style={{ fontSize: 12 }}>{r.orgName}</Typography.Text>}
              </Flex>
            ),
          },
          {
            title: t('c.action'), dataIndex: 'action', width: 180,
            render: (v: string) => (
              <Flex vertical>
                <span>{actionLabel(v)}</span>
                {actionLabel(v) !== v && <Typography.Text type="secondary" style={MONO}>{v}</Typography.Text>}
              </Flex>
            ),
          },
          {
            title: t('c.entity'), key: 'entity', width: 200,
            render: (_: unknown, r) => (r.entityType ? (
              <Flex vertical style={{ minWidth: 0 }}>
                <span>{entityLabel(r.entityType)}</span>
                {r.entityId && <Typography.Text type="secondary" ellipsis={{ tooltip: r.entityId }} style={MONO}>{r.entityId}</Typography.Text>}
              </Flex>
            ) : '—'),
          },
          { title: t('c.reason'), dataIndex: 'reason', ellipsis: { showTitle: true }, render: (v: string | null) => v ?? '' },
          {
            title: t('c.hash'), dataIndex: 'hash', width: 130,
            render: (v: string) => <Typography.Text copyable={{ text: v, tooltips: [t('copyHash'), t('copied')] }} style={MONO} title={v}>{v.slice(0, 8)}</Typography.Text>,
          },
        ]}
      />
      <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t('shown', { n: rows.length })}</Typography.Text>
        {list.hasNextPage
          ? <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>{tc('loadMore')}</Button>
          : rows.length > 0 && <Typography.Text type="secondary">{t('end')}</Typography.Text>}
      </Flex>
    </Card>
  );
}
