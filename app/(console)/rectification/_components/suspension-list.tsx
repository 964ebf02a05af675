'use client';

import { Alert, App, Button, Card, Form, Input, Select, Space, Tabs, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { FormModal } from '@/app/_components/form-modal';
import { fmtDateTime } from '@/app/_components/format';
import { ExportMenu, KeysetTable, ListToolbar, sortOrderOf, useKeysetList, useListState, useMutationFeedback, type SortState } from '@/app/_components/list-kit';
import { SuspensionTag } from '@/app/_components/suspension-tag';
import { ToneTag, type Tone } from '@/app/_components/tone-tag';
import { DateItem } from '@/app/(console)/filings/plans/_components/filing-parts';
import { INTERVIEW_STATUSES } from '@/server/domain/rectification-terms';
import { useTRPC } from '@/server/trpc/react';
import { INTERVIEW_LIST_DEFAULT, SUSPENSION_LIST_DEFAULT, type InterviewRow, type SuspensionRow } from './defaults';

type Tab = 'suspensions' | 'interviews';

/**
 * 暂停运营与约谈 (HN-22 ¶2 评价发现重大安全风险或未按期整改到位的,应当暂停公共数据资源授权运营工作,
 * 必要时约谈主要负责人): the suspensions in the caller's scope, active first by default, with the
 * explicit resumption decision; and the 约谈 records.
 */
export function SuspensionsView({ initialTab, canDecide }: { initialTab: Tab; canDecide: boolean }) {
  const t = useTranslations('rectification.suspensions');
  const [tab, setTab] = useState<Tab>(initialTab);
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}>
      <Alert type="info" showIcon title={t('basisHint')} description={<>{t('basisText')} <Cite code="HN-22 ¶2" /></>} style={{ marginBottom: 16 }} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Tab)}
        items={[
          { key: 'suspensions', label: t('tabs.suspensions'), children: <SuspensionTable canDecide={canDecide} /> },
          { key: 'interviews', label: t('tabs.interviews'), children: <InterviewTable /> },
        ]}
      />
    </Card>
  );
}

const CAUSE_TONE: Record<string, Tone> = { overdue: 'orange', major_risk: 'red', decision: 'gold' };

function SuspensionTable({ canDecide }: { canDecide: boolean }) {
  const t = useTranslations('rectification.suspensions');
  const trpc = useTRPC();
  const state = useListState<{ q?: string; active?: boolean }, 'startedAt' | 'resumedAt'>({ sort: SUSPENSION_LIST_DEFAULT.sort, dir: SUSPENSION_LIST_DEFAULT.dir } as SortState<'startedAt' | 'resumedAt'>);
  const { filters, sort } = state;
  const list = useKeysetList(trpc.suspension.list, { ...state.query, limit: SUSPENSION_LIST_DEFAULT.limit });
  const [resuming, setResuming] = useState<SuspensionRow | null>(null);
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <ListToolbar state={state} searchPlaceholder={t('searchPlaceholder')}>
          <Select
            aria-label={t('filters.active')}
            placeholder={t('filters.active')}
            allowClear
            value={filters.active === undefined ? undefined : String(filters.active)}
            onChange={(v) => state.setFilter('active', v === undefined ? undefined : v === 'true')}
            options={[{ value: 'true', label: t('filters.activeOnly') }, { value: 'false', label: t('filters.resumedOnly') }]}
            style={{ width: 150 }}
          />
        </ListToolbar>
        <ExportMenu path="/api/rectification/suspensions/export" params={state.query} />
      </Space>
      <KeysetTable<SuspensionRow>
        list={list}
        state={state}
        empty={{ filteredText: t('emptyFiltered'), emptyText: t('empty'), hint: t('emptyHint') }}
        columns={[
          {
            title: t('cols.org'), key: 'org',
            render: (_: unknown, r) => <span data-testid="suspension-org">{r.orgName}{!r.resumedAt && <SuspensionTag s={r} />}</span>,
          },
          { title: t('cols.cause'), dataIndex: 'cause', render: (v: string) => <ToneTag tone={CAUSE_TONE[v] ?? 'gray'}>{t(`cause.${v}`)}</ToneTag> },
          { title: t('cols.basis'), dataIndex: 'basis', render: (v: string) => <Cite code={v} /> },
          { title: t('cols.reason'), dataIndex: 'reason', width: 280 },
          { title: t('cols.order'), key: 'order', render: (_: unknown, r) => (r.orderId ? <Link href={`/rectification/${r.orderId}`}>{r.orderNo}</Link> : '—') },
          { title: t('cols.issuer'), dataIndex: 'issuerName', render: (v: string, r) => <>{v}{r.issuedBy ? null : <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{t('bySchedule')}</Typography.Text>}</> },
          { title: t('cols.startedAt'), key: 'startedAt', dataIndex: 'startedAt', sorter: true, sortOrder: sortOrderOf(sort, 'startedAt'), render: (v: Date) => fmtDateTime(v) },
          {
            title: t('cols.resumed'), key: 'resumedAt', dataIndex: 'resumedAt', sorter: true, sortOrder: sortOrderOf(sort, 'resumedAt'),
            render: (v: Date | null, r) => (v ? (
              <div data-testid="suspension-resumed">
                <ToneTag tone="green">{t('resumedTag')}</ToneTag> {fmtDateTime(v)}
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{r.resumedByName}:{r.resumeReason}</Typography.Text>
              </div>
            ) : <ToneTag tone="red">{t('activeTag')}</ToneTag>),
          },
          ...(canDecide ? [{
            title: t('cols.actions'), key: 'actions',
            render: (_: unknown, r: SuspensionRow) => (r.canDecide ? <Button size="small" onClick={() => setResuming(r)}>{t('resume')}</Button> : null),
          }] : []),
        ]}
      />
      {resuming && <ResumeModal s={resuming} onClose={() => setResuming(null)} />}
    </>
  );
}

/** 恢复授权运营: an explicit decision with a reason, confirmed (HN-22 ¶2). */
function ResumeModal({ s, onClose }: { s: SuspensionRow; onClose: () => void }) {
  const t = useTranslations('rectification.suspensions');
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { done, onError } = useMutationFeedback(trpc.suspension.pathKey(), { form, onDone: onClose });
  const resume = useMutation(trpc.suspension.resume.mutationOptions({ onSuccess: () => done(t('resumed', { org: s.orgName })), onError }));
  return (
    <FormModal<{ reason: string }>
      form={form}
      title={<>{t('resumeTitle', { org: s.orgName })} <Cite code="HN-22 ¶2" /></>}
      okText={t('resume')}
      warning={t('resumeWarning')}
      pending={resume.isPending}
      onClose={onClose}
      initialValues={{ reason: '' }}
      onFinish={(v) => modal.confirm({
        title: t('resumeConfirmTitle'),
        content: t('resumeConfirm', { org: s.orgName }),
        okText: t('resume'),
        onOk: () => resume.mutateAsync({ id: s.id, version: s.version, reason: v.reason }).catch(() => undefined),
      })}
    >
      <Form.Item name="reason" label={t('resumeReason')} rules={[{ required: true, whitespace: true, min: 2, message: t('resumeReason') }]}>
        <Input.TextArea rows={4} maxLength={1000} showCount aria-label={t('resumeReason')} />
      </Form.Item>
    </FormModal>
  );
}

const IV_TONE: Record<string, Tone> = { scheduled: 'gold', held: 'green', cancelled: 'gray' };
type IvStep = 'schedule' | 'hold' | 'cancel';

function InterviewTable() {
  const t = useTranslations('rectification.interviews');
  const trpc = useTRPC();
  const state = useListState<{ q?: string; status?: (typeof INTERVIEW_STATUSES)[number] }, 'createdAt'>({ sort: 'createdAt', dir: INTERVIEW_LIST_DEFAULT.dir });
  const { filters } = state;
  const { sort: _sort, ...query } = state.query;
  const list = useKeysetList(trpc.suspension.interviews, { ...query, limit: INTERVIEW_LIST_DEFAULT.limit });
  const [acting, setActing] = useState<{ step: IvStep; row: InterviewRow } | null>(null);
  return (
    <>
      <ListToolbar state={state} searchPlaceholder={t('searchPlaceholder')}>
        <Select
          aria-label={t('filters.status')}
          placeholder={t('filters.status')}
          allowClear
          value={filters.status}
          onChange={(v) => state.setFilter('status', v)}
          options={INTERVIEW_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          style={{ width: 140 }}
        />
      </ListToolbar>
      <KeysetTable<InterviewRow>
        list={list}
        state={state}
        empty={{ filteredText: t('emptyFiltered'), emptyText: t('empty') }}
        columns={[
          { title: t('cols.org'), dataIndex: 'orgName' },
          { title: t('cols.order'), key: 'order', render: (_: unknown, r) => (r.orderId ? <Link href={`/rectification/${r.orderId}`}>{r.orderNo}</Link> : '—') },
          { title: t('cols.status'), dataIndex: 'status', render: (v: string) => <ToneTag tone={IV_TONE[v] ?? 'gray'} data-testid="interview-status" data-status={v}>{t(`status.${v}`)}</ToneTag> },
          { title: t('cols.scheduledOn'), dataIndex: 'scheduledOn', render: (v: string | null) => v ?? '—' },
          { title: t('cols.heldOn'), dataIndex: 'heldOn', render: (v: string | null) => v ?? '—' },
          { title: t('cols.attendees'), dataIndex: 'attendees', render: (v: string | null) => v ?? '—' },
          { title: t('cols.minutes'), dataIndex: 'minutes', width: 280, render: (v: string | null) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : '—') },
          { title: t('cols.issuer'), dataIndex: 'issuerName' },
          {
            title: t('cols.actions'), key: 'actions',
            render: (_: unknown, r) => (r.canDecide ? (
              <Space size={4} wrap>
                <Button size="small" type="primary" onClick={() => setActing({ step: 'hold', row: r })}>{t('steps.hold')}</Button>
                <Button size="small" onClick={() => setActing({ step: 'schedule', row: r })}>{t('steps.schedule')}</Button>
                <Button size="small" danger onClick={() => setActing({ step: 'cancel', row: r })}>{t('steps.cancel')}</Button>
              </Space>
            ) : null),
          },
        ]}
      />
      {acting && <InterviewModal step={acting.step} row={acting.row} onClose={() => setActing(null)} />}
    </>
  );
}

interface IvValues {
  scheduledOn?: string;
  heldOn?: string;
  attendees?: string;
  minutes?: string;
  reason?: string;
}

/** 安排 / 记录 / 取消 a 约谈: the minutes are required to record it as held. */
function InterviewModal({ step, row, onClose }: { step: IvStep; row: InterviewRow; onClose: () => void }) {
  const t = useTranslations('rectification.interviews');
  const trpc = useTRPC();
  const [form] = Form.useForm<IvValues>();
  const { done, onError } = useMutationFeedback(trpc.suspension.pathKey(), { form, onDone: onClose });
  const opts = { onSuccess: () => done(t(`done.${step}`)), onError };
  const m = {
    schedule: useMutation(trpc.suspension.scheduleInterview.mutationOptions(opts)),
    hold: useMutation(trpc.suspension.holdInterview.mutationOptions(opts)),
    cancel: useMutation(trpc.suspension.cancelInterview.mutationOptions(opts)),
  };
  const ref = { id: row.id, version: row.version };
  const text = (name: 'attendees' | 'minutes' | 'reason', rows: number) => (
    <Form.Item name={name} label={t(`fields.${name}`)} rules={[{ required: true, whitespace: true, min: 2, message: t(`fields.${name}`) }]}>
      <Input.TextArea rows={rows} maxLength={name === 'minutes' ? 8000 : 1000} showCount aria-label={t(`fields.${name}`)} />
    </Form.Item>
  );
  return (
    <FormModal<IvValues>
      form={form}
      title={<>{t(`steps.${step}`)}:{row.orgName} <Cite code="HN-22 ¶2" /></>}
      okText={t(`steps.${step}`)}
      danger={step === 'cancel'}
      warning={step === 'cancel' ? t('cancelWarning') : undefined}
      width={640}
      pending={m[step].isPending}
      onClose={onClose}
      initialValues={{ scheduledOn: row.scheduledOn ?? undefined }}
      onFinish={(v) => {
        if (step === 'schedule') m.schedule.mutate({ ...ref, scheduledOn: v.scheduledOn! });
        else if (step === 'hold') m.hold.mutate({ ...ref, heldOn: v.heldOn!, attendees: v.attendees!, minutes: v.minutes! });
        else m.cancel.mutate({ ...ref, reason: v.reason! });
      }}
    >
      {step === 'schedule' && <DateItem name="scheduledOn" label={t('fields.scheduledOn')} required message={t('fields.scheduledOn')} />}
      {step === 'hold' && (
        <>
          <DateItem name="heldOn" label={t('fields.heldOn')} required message={t('fields.heldOn')} />
          {text('attendees', 2)}
          {text('minutes', 6)}
        </>
      )}
      {step === 'cancel' && text('reason', 3)}
    </FormModal>
  );
}
