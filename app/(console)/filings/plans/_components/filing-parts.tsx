'use client';

import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Empty, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Attachments } from '@/app/_components/attachments';
import { Cite } from '@/app/_components/citation';
import { FormModal } from '@/app/_components/form-modal';
import { fmtDate, fmtDateTime } from '@/app/_components/format';
import { ToneTag, type Tone } from '@/app/_components/tone-tag';

/**
 * Pieces shared by the plan and agreement pages (HN-11 … HN-14): status tags, the receipts of each
 * recipient, the return banner, versions with their diff, the record dialogs and date fields.
 */

const STATUS_TONE: Record<string, Tone> = { draft: 'gray', filing: 'blue', returned: 'red', filed: 'green', effective: 'green', ended: 'gray' };
const RECEIPT_TONE: Record<string, Tone> = { pending: 'blue', acknowledged: 'green', returned: 'red', superseded: 'gray' };
const OUTCOME_TONE: Record<string, Tone> = { effective: 'green', filed: 'green', returned: 'red', filing: 'blue', withdrawn: 'gray' };

/** The working copy's status, and the version in force while a newer one is worked on. */
export function FilingStatusTags({ status, filedVersionNo }: { status: string; filedVersionNo: number | null }) {
  const t = useTranslations('plans');
  return (
    <span data-testid="filing-status">
      <ToneTag tone={STATUS_TONE[status] ?? 'gray'}>{t(`status.${status}`)}</ToneTag>
      {filedVersionNo !== null && status !== 'filed' && status !== 'effective' && status !== 'ended' && <ToneTag tone="green">{t('inForce', { n: filedVersionNo })}</ToneTag>}
    </span>
  );
}

/** "已备案 1/2" of the current version, and 待我备案 when the caller's organization is one of them. */
export function ReceiptProgress({ receipts, awaitingMe }: { receipts: string | null; awaitingMe: boolean }) {
  const t = useTranslations('plans.list');
  if (!receipts) return <>—</>;
  return (
    <Space size={4}>
      <span>{t('receiptsProgress', { p: receipts })}</span>
      {awaitingMe && <ToneTag tone="orange" data-testid="awaiting-me">{t('awaitingTag')}</ToneTag>}
    </Space>
  );
}

export interface Receipt {
  id: string;
  versionNo: number;
  recipientOrgId: string;
  recipientName: string;
  recipientRole: string;
  status: string;
  reason: string | null;
  decidedAt: Date | null;
  decidedBy: string | null;
}

/** Each recipient's receipt of one version: state, who, when, the reason of a return. */
export function ReceiptsTable({ receipts }: { receipts: readonly Receipt[] }) {
  const t = useTranslations('plans');
  const td = useTranslations('plans.detail');
  if (!receipts.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={td('noReceipts')} />;
  return (
    <Table<Receipt>
      data-testid="receipts"
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...receipts]}
      columns={[
        { title: td('recipient'), dataIndex: 'recipientName' },
        { title: td('role'), dataIndex: 'recipientRole', render: (v: string) => t(`recipientRole.${v}`) },
        { title: td('receiptState'), dataIndex: 'status', render: (v: string) => <ToneTag tone={RECEIPT_TONE[v] ?? 'gray'}>{t(`receiptStatus.${v}`)}</ToneTag> },
        { title: td('decidedBy'), dataIndex: 'decidedBy', render: (v: string | null) => v ?? '—' },
        { title: td('decidedAt'), dataIndex: 'decidedAt', render: (v: Date | null) => fmtDateTime(v) },
        { title: td('reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}

/** The banner above a filing: why it was returned, or how far its filing has got. */
export function FilingBanner({ status, lastVersionNo, filedVersionNo, receipts }: {
  status: string;
  lastVersionNo: number;
  filedVersionNo: number | null;
  receipts: readonly Receipt[];
}) {
  const td = useTranslations('plans.detail');
  const current = receipts.filter((r) => r.versionNo === lastVersionNo);
  if (status === 'returned') {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="return-reason"
        title={td('returnedTitle')}
        description={current.filter((r) => r.status === 'returned').map((r) => <div key={r.id}>{td('returned', { org: r.recipientName, reason: r.reason ?? '' })}</div>)}
        style={{ marginBottom: 16 }}
      />
    );
  }
  if (status === 'filing') {
    const done = current.filter((r) => r.status === 'acknowledged').length;
    return <Alert type="info" showIcon title={td('filingProgress', { done, total: current.length })} style={{ marginBottom: 16 }} />;
  }
  if (status === 'draft' && filedVersionNo !== null) return <Alert type="warning" showIcon title={td('workingCopy', { n: filedVersionNo })} style={{ marginBottom: 16 }} />;
  return null;
}

/** A readiness line: what the filing needs, with its article, done or missing. */
export function Ready({ ok, label, art }: { ok: boolean; label: string; art: string }) {
  const td = useTranslations('plans.detail');
  return (
    <div data-testid="readiness-item" data-ok={ok}>
      {ok ? <CheckCircleOutlined style={{ color: '#237804' }} aria-label={td('done')} /> : <CloseCircleOutlined style={{ color: '#a8071a' }} aria-label={td('missing')} />}
      <Typography.Text style={{ marginLeft: 8 }}>{label}</Typography.Text> <Cite code={art} />
    </div>
  );
}

/** A form field holding a YYYY-MM-DD string, edited with a date picker. */
export function DateItem({ name, label, extra, required, message }: { name: string; label: React.ReactNode; extra?: React.ReactNode; required?: boolean; message?: string }) {
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={required ? [{ required: true, message }] : undefined}
      getValueProps={(v: string | null | undefined) => ({ value: v ? dayjs(v) : null })}
      normalize={(d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
    >
      <DatePicker style={{ width: '100%' }} aria-label={typeof label === 'string' ? label : message} />
    </Form.Item>
  );
}

/** A dated record (三重一大 decision, government approval, exit path): a date or choice and a text. */
export function RecordModal<V extends Record<string, string | null>>({ title, hint, fields, initial, pending, onClose, onSubmit }: {
  title: React.ReactNode;
  hint?: string;
  fields: { name: keyof V & string; label: string; kind: 'date' | 'text' | 'area' | 'select'; options?: { value: string; label: string }[] }[];
  initial: V;
  pending: boolean;
  onClose: () => void;
  onSubmit: (values: V, form: ReturnType<typeof Form.useForm<V>>[0]) => void;
}) {
  const [form] = Form.useForm<V>();
  return (
    <FormModal form={form} title={title} warning={hint} pending={pending} onClose={onClose} initialValues={initial} onFinish={(v) => onSubmit(v, form)}>
      {fields.map((f) => f.kind === 'date'
        ? <DateItem key={f.name} name={f.name} label={f.label} required message={f.label} />
        : (
          <Form.Item key={f.name} name={f.name as string} label={f.label} rules={[{ required: true, whitespace: true, message: f.label }]}>
            {f.kind === 'select'
              ? <Select aria-label={f.label} options={f.options} />
              : f.kind === 'area' ? <Input.TextArea rows={3} maxLength={2000} aria-label={f.label} /> : <Input maxLength={200} aria-label={f.label} />}
          </Form.Item>
        ))}
    </FormModal>
  );
}

type DecisionValues = { decisionOn: string | null; decisionMeeting: string | null };

/**
 * The 三重一大 decision of a plan (HN-11 ¶1) or an agreement (HN-13 ¶1): date and meeting, the minutes
 * as attachments, and the dialog that records it. `onSave` runs the domain's mutation.
 */
export function DecisionCard({ art, minutesType, entityId, value, canRecord, hint, pending, onSave }: {
  art: string;
  minutesType: string;
  entityId: string;
  value: DecisionValues;
  canRecord: boolean;
  hint: string;
  pending: boolean;
  onSave: (v: { decisionOn: string; decisionMeeting: string }, form: ReturnType<typeof Form.useForm<DecisionValues>>[0], close: () => void) => void;
}) {
  const t = useTranslations('plans');
  const td = useTranslations('plans.detail');
  const [open, setOpen] = useState(false);
  return (
    <Card size="small" title={<>{td('decision')} <Cite code={art} /></>} extra={canRecord && <Button onClick={() => setOpen(true)}>{t('actions.recordDecision')}</Button>}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
        { key: 'on', label: td('decisionOn'), children: value.decisionOn ?? td('notRecorded') },
        { key: 'meeting', label: td('decisionMeeting'), children: value.decisionMeeting ?? td('notRecorded') },
      ]} />
      <Typography.Text strong>{td('minutes')}</Typography.Text>
      <div style={{ marginTop: 8 }}><Attachments entityType={minutesType} entityId={entityId} /></div>
      {open && (
        <RecordModal<DecisionValues>
          title={<>{t('records.decisionTitle')} <Cite code={art} /></>}
          hint={hint}
          fields={[{ name: 'decisionOn', label: td('decisionOn'), kind: 'date' }, { name: 'decisionMeeting', label: td('decisionMeeting'), kind: 'text' }]}
          initial={value}
          pending={pending}
          onClose={() => setOpen(false)}
          onSubmit={(v, form) => onSave({ decisionOn: v.decisionOn ?? '', decisionMeeting: v.decisionMeeting ?? '' }, form, () => setOpen(false))}
        />
      )}
    </Card>
  );
}

export interface VersionRow {
  versionNo: number;
  submittedAt: Date;
  submittedBy: string | null;
  outcome: string;
  receipts: readonly Receipt[];
}

interface Change {
  path: string;
  before: string | number | boolean | null;
  after: string | number | boolean | null;
}

/**
 * The filed versions with their outcome and receipts, and the difference between any two of them
 * (or a version and the working copy). `diffOptions` is the domain's diff query; `label` and
 * `value` put a changed path and its values into words.
 */
export function VersionsPanel({ versions, filedVersionNo, diffOptions, label, value }: {
  versions: readonly VersionRow[];
  filedVersionNo: number | null;
  diffOptions: (from: number, to: number) => { queryKey: readonly unknown[]; queryFn?: unknown };
  label: (path: string) => string;
  value: (path: string, v: string | number | boolean | null) => string;
}) {
  const t = useTranslations('plans');
  const tv = useTranslations('plans.versions');
  const latest = versions[0]?.versionNo ?? 0;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const a = from ?? filedVersionNo ?? latest;
  const b = to ?? 0;
  const diff = useQuery({ ...(diffOptions(a, b) as Parameters<typeof useQuery>[0]), enabled: versions.length > 0 }) as { data?: { changes: Change[] } };
  if (!versions.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tv('empty')} />;
  const options = [{ value: 0, label: tv('current') }, ...versions.map((v) => ({ value: v.versionNo, label: `${t('versionNo', { n: v.versionNo })} · ${t(`outcome.${v.outcome}`)}` }))];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Table<VersionRow>
        data-testid="versions"
        rowKey="versionNo"
        size="small"
        pagination={false}
        dataSource={[...versions]}
        columns={[
          { title: tv('version'), dataIndex: 'versionNo', render: (n: number) => <span style={{ whiteSpace: 'nowrap' }}>{t('versionNo', { n })}</span> },
          { title: tv('submitted'), key: 's', render: (_: unknown, v) => `${v.submittedBy ?? '—'} ${fmtDate(v.submittedAt)}` },
          { title: tv('outcome'), dataIndex: 'outcome', render: (o: string) => <ToneTag tone={OUTCOME_TONE[o] ?? 'gray'}>{t(`outcome.${o}`)}</ToneTag> },
          {
            title: tv('receipts'),
            key: 'r',
            render: (_: unknown, v) => v.receipts.length
              ? <Space orientation="vertical" size={0}>{v.receipts.map((r) => <span key={r.id}>{r.recipientName}:{t(`receiptStatus.${r.status}`)}{r.reason ? `(${r.reason})` : ''}</span>)}</Space>
              : '—',
          },
        ]}
      />
      <Space wrap>
        <Typography.Text strong>{tv('compare')}</Typography.Text>
        <span>{tv('from')}</span>
        <Select aria-label={tv('from')} value={a} onChange={setFrom} options={options} style={{ width: 220 }} />
        <span>{tv('to')}</span>
        <Select aria-label={tv('to')} value={b} onChange={setTo} options={options} style={{ width: 220 }} />
      </Space>
      {diff.data && diff.data.changes.length === 0 && <Typography.Text type="secondary">{tv('noDiff')}</Typography.Text>}
      {diff.data && diff.data.changes.length > 0 && (
        <Table<Change>
          data-testid="diff"
          rowKey="path"
          size="small"
          pagination={false}
          dataSource={diff.data.changes}
          columns={[
            { title: tv('field'), dataIndex: 'path', width: 280, render: (p: string) => label(p) },
            { title: tv('before'), key: 'b', render: (_: unknown, c) => <Typography.Text delete type="danger">{value(c.path, c.before)}</Typography.Text> },
            { title: tv('after'), key: 'a', render: (_: unknown, c) => <Typography.Text type="success">{value(c.path, c.after)}</Typography.Text> },
          ]}
        />
      )}
    </Space>
  );
}

/** The filters both filing lists share: status, region (province-wide and industry scopes), 本机构. */
export interface FilingFilterValues {
  status?: string;
  regionCode?: string;
  mine?: boolean;
}

export function FilingFilters({ statuses, filters, setFilter, regions, wide, canWrite }: {
  statuses: readonly string[];
  filters: FilingFilterValues;
  setFilter: (key: keyof FilingFilterValues, value: string | boolean | undefined) => void;
  regions: readonly { code: string; name: string }[];
  wide: boolean;
  canWrite: boolean;
}) {
  const t = useTranslations('plans');
  return (
    <>
      <Select
        aria-label={t('list.status')}
        placeholder={t('list.status')}
        allowClear
        value={filters.status}
        onChange={(v) => setFilter('status', v)}
        options={statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        style={{ width: 130 }}
      />
      {wide && (
        <Select
          aria-label={t('list.region')}
          placeholder={t('list.region')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.regionCode}
          onChange={(v) => setFilter('regionCode', v)}
          options={regions.map((r) => ({ value: r.code, label: r.name }))}
          style={{ width: 150 }}
        />
      )}
      {canWrite && <Checkbox checked={!!filters.mine} onChange={(e) => setFilter('mine', e.target.checked || undefined)}>{t('list.mine')}</Checkbox>}
    </>
  );
}
