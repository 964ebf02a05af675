'use client';

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { ReasonModal } from '@/app/(console)/catalog/_components/reason-modal';
import { Cite } from '@/app/_components/citation';
import { FormModal } from '@/app/_components/form-modal';
import { fmtDateTime } from '@/app/_components/format';
import { useMutationError, useMutationFeedback } from '@/app/_components/list-kit';
import { QueryErrorView } from '@/app/_components/query-error';
import { FilingTimeline } from '@/app/_components/timeline';
import { useTRPC } from '@/server/trpc/react';
import type { SelectionDetail } from './defaults';
import { SelectionForm } from './selection-form';
import { OpenStepDue, StatusTag, useActionLabel, useRequired } from './tags';

type Action = SelectionDetail['actions'][number];
const AGREEMENT_TEXT = ['purpose', 'scope', 'method', 'revenueSharing', 'security'] as const;

/** One selection of a secondary developer (HN-17 ¶1): the assessments, the agency's review, the application agreement. */
export function SelectionDetailView({ id }: { id: string }) {
  const t = useTranslations('scenarios');
  const td = useTranslations('scenarios.developer');
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const label = useActionLabel();
  const q = useQuery(trpc.developer.get.queryOptions({ id }));
  const [open, setOpen] = useState<'edit' | 'return' | 'contract' | null>(null);
  const key = trpc.developer.pathKey();
  const { done, onError } = useMutationFeedback(key, { onDone: () => setOpen(null) });
  const fail = useMutationError(key);
  const submit = useMutation(trpc.developer.submit.mutationOptions({ onSuccess: () => done(td('detail.done.submit')), onError }));
  const approve = useMutation(trpc.developer.approve.mutationOptions({ onSuccess: () => done(td('detail.done.approve')), onError }));
  const ret = useMutation(trpc.developer.return.mutationOptions());

  if (q.error) return <QueryErrorView error={q.error} />;
  if (!q.data) return <Card loading />;
  const s = q.data;
  const ref = { id: s.id, version: s.version };
  const act = (a: Action) => {
    if (a === 'edit' || a === 'return' || a === 'contract') return setOpen(a);
    const m = a === 'submit' ? submit : approve;
    modal.confirm({ title: td(`detail.actions.${a}`), content: td(`detail.confirm.${a}`), okText: td(`detail.actions.${a}`), onOk: () => m.mutateAsync(ref).catch(() => undefined) });
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link href="/filings/developers"><ArrowLeftOutlined /> {t('back')}</Link>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>{s.developerName} · {s.productName}</Typography.Title>
            <StatusTag kind="selectionStatus" status={s.status} testId="selection-status" />
            {s.due && <OpenStepDue due={s.due} />}
            <Cite code="HN-17.1">HN-17 ¶1</Cite>
          </Space>
        }
        extra={
          <Space wrap>
            {s.actions.map((a) => (
              <Button key={a} type={a === 'submit' || a === 'approve' || a === 'contract' ? 'primary' : 'default'} danger={a === 'return'} onClick={() => act(a)}>
                {td(`detail.actions.${a}`)}
              </Button>
            ))}
          </Space>
        }
      >
        {s.status === 'returned' && s.reviewReason && <Alert type="error" showIcon title={td('detail.returned', { reason: s.reviewReason })} style={{ marginBottom: 16 }} />}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'dev', label: td('cols.developer'), children: s.developerName },
          { key: 'product', label: td('cols.product'), children: `${s.productName}(${s.registrationNo ?? ''})` },
          { key: 'op', label: td('cols.operator'), children: s.operatorName },
          { key: 'agency', label: td('cols.agency'), children: s.agencyName },
          { key: 'criteria', label: td('form.criteria'), children: s.criteria, span: 'filled' },
          { key: 'capability', label: td('form.capability'), children: s.capability, span: 'filled' },
          { key: 'need', label: td('form.need'), children: s.need, span: 'filled' },
          { key: 'sc', label: td('form.scenarioCompliance'), children: s.scenarioCompliance, span: 'filled' },
          { key: 'risk', label: td('form.securityRisk'), children: s.securityRisk, span: 'filled' },
          { key: 'updated', label: td('cols.updatedAt'), children: fmtDateTime(s.updatedAt) },
        ]} />
      </Card>
      {s.agreement && (
        <Card title={<>{td('agreement.title')} <Cite code="HN-17.1">HN-17 ¶1</Cite></>}>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={[
            { key: 'signed', label: td('agreement.signedOn'), children: s.agreement.signedOn },
            { key: 'term', label: td('agreement.term'), children: `${s.agreement.startsOn} ~ ${s.agreement.endsOn}` },
            ...AGREEMENT_TEXT.map((k) => ({ key: k, label: td(`agreement.${k}`), children: s.agreement![k], span: 'filled' as const })),
          ]} />
        </Card>
      )}
      <Card title={t('timeline.title')}>
        <FilingTimeline events={s.timeline.events} files={s.timeline.files} label={label} />
      </Card>
      {open === 'edit' && <SelectionForm selection={s} onClose={() => setOpen(null)} />}
      {open === 'return' && (
        <ReasonModal title={td('detail.returnTitle')} label={td('detail.returnReason')} okText={td('detail.actions.return')} pending={ret.isPending} onClose={() => setOpen(null)}
          onSubmit={(reason, f) => ret.mutate({ ...ref, reason }, { onSuccess: () => done(td('detail.done.return')), onError: (e) => fail(e, f) })} />
      )}
      {open === 'contract' && <ContractModal selection={s} onClose={() => setOpen(null)} />}
    </Space>
  );
}

interface ContractValues {
  agreement: Record<(typeof AGREEMENT_TEXT)[number], string> & { signedOn: Dayjs; startsOn: Dayjs; endsOn: Dayjs };
}

/** HN-17 ¶1: 明确数据使用目的、范围、方式、期限、收益分配和安全保密要求. */
function ContractModal({ selection, onClose }: { selection: SelectionDetail; onClose: () => void }) {
  const t = useTranslations('scenarios');
  const ta = useTranslations('scenarios.developer.agreement');
  const trpc = useTRPC();
  const [form] = Form.useForm<ContractValues>();
  const { done, onError } = useMutationFeedback(trpc.developer.pathKey(), { form, onDone: onClose });
  const contract = useMutation(trpc.developer.contract.mutationOptions({ onSuccess: () => done(ta('done')), onError }));
  const required = useRequired();
  const dateField = (k: 'signedOn' | 'startsOn' | 'endsOn') => (
    <Form.Item name={['agreement', k]} label={ta(k)} rules={[{ required: true, message: t('required', { label: ta(k) }) }]}>
      <DatePicker aria-label={ta(k)} />
    </Form.Item>
  );
  const day = (d: Dayjs) => d.format('YYYY-MM-DD');
  return (
    <FormModal form={form} title={<>{ta('record')} <Cite code="HN-17.1">HN-17 ¶1</Cite></>} okText={ta('ok')} width={720} pending={contract.isPending} onClose={onClose}
      initialValues={{ agreement: {} }}
      onFinish={({ agreement: a }) => contract.mutate({
        id: selection.id, version: selection.version,
        agreement: { ...a, signedOn: day(a.signedOn), startsOn: day(a.startsOn), endsOn: day(a.endsOn) },
      })}>
      <Typography.Paragraph type="secondary">{ta('hint')} <Cite code="HN-14(2)" /></Typography.Paragraph>
      <Space size={16} wrap>
        {dateField('signedOn')}
        {dateField('startsOn')}
        {dateField('endsOn')}
      </Space>
      {AGREEMENT_TEXT.map((k) => (
        <Form.Item key={k} name={['agreement', k]} label={ta(k)} rules={required(ta(k))}>
          <Input.TextArea rows={2} maxLength={1000} aria-label={ta(k)} />
        </Form.Item>
      ))}
    </FormModal>
  );
}
