'use client';

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Drawer, Empty, Form, Input, Space, Table, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { PhaseTag } from '@/app/(console)/catalog/_components/phase-tag';
import { Cite } from '@/app/_components/citation';
import { FormModal } from '@/app/_components/form-modal';
import { fmtDateTime } from '@/app/_components/format';
import { useMutationError, useMutationFeedback } from '@/app/_components/list-kit';
import { QueryErrorView } from '@/app/_components/query-error';
import { FilingTimeline } from '@/app/_components/timeline';
import { ToneTag } from '@/app/_components/tone-tag';
import { useTRPC } from '@/server/trpc/react';
import { ComplianceRound } from './compliance-round';
import { mono, type ScenarioDetail } from './defaults';
import { RejectModal } from './reject-modal';
import { ScenarioForm } from './scenario-form';
import { OpenStepDue, StatusTag, useActionLabel, useRequired } from './tags';

type Action = ScenarioDetail['actions'][number];

/**
 * One scenario application (HN-15): what it asks for, its review by the agency and the authority,
 * every compliance round with its checkpoints, reasons and bases, the product it led to, and the
 * timeline of every step.
 */
export function ScenarioDetailView({ id }: { id: string }) {
  const t = useTranslations('scenarios');
  const td = useTranslations('scenarios.scenario.detail');
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const label = useActionLabel();
  const q = useQuery(trpc.scenario.get.queryOptions({ id }));
  const [editing, setEditing] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [requesting, setRequesting] = useState(false);
  const key = trpc.scenario.pathKey();
  const { done, onError } = useMutationFeedback(key, { onDone: () => setRejecting(false) });
  const fail = useMutationError(key);
  const m = {
    submit: useMutation(trpc.scenario.submit.mutationOptions({ onSuccess: () => done(td('done.submit')), onError })),
    withdraw: useMutation(trpc.scenario.withdraw.mutationOptions({ onSuccess: () => done(td('done.withdraw')), onError })),
    approve: useMutation(trpc.scenario.approve.mutationOptions({ onSuccess: () => done(td('done.approve')), onError })),
    reject: useMutation(trpc.scenario.reject.mutationOptions()),
  };

  if (q.error) return <QueryErrorView error={q.error} />;
  if (!q.data) return <Card loading />;
  const s = q.data;
  const ref = { id: s.id, version: s.version };

  const act = (a: Action) => {
    if (a === 'edit') return setEditing(true);
    if (a === 'reject') return setRejecting(true);
    if (a === 'requestCompliance') return setRequesting(true);
    const content = a === 'submit' ? td('confirm.submit') : a === 'withdraw' ? td('confirm.withdraw')
      : s.status === 'agency_review' ? td('confirm.approveAgency') : td('confirm.approveAuthority');
    modal.confirm({ title: `${td(`actions.${a}`)}:${s.name}`, content, okText: td(`actions.${a}`), onOk: () => m[a].mutateAsync(ref).catch(() => undefined) });
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link href="/filings/scenarios"><ArrowLeftOutlined /> {t('back')}</Link>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="scenario-name">{s.name}</Typography.Title>
            <StatusTag kind="status" status={s.status} testId="scenario-status" />
            {s.due && <OpenStepDue due={s.due} />}
            <Cite code="HN-15" />
          </Space>
        }
        extra={
          <Space wrap>
            {s.actions.map((a) => (
              <Button key={a} type={a === 'submit' || a === 'approve' || a === 'requestCompliance' ? 'primary' : 'default'} danger={a === 'reject'}
                loading={a in m ? m[a as keyof typeof m].isPending : false} onClick={() => act(a)}>
                {a === 'requestCompliance' && s.rounds.length ? t('compliance.request.next') : td(`actions.${a}`)}
              </Button>
            ))}
          </Space>
        }
      >
        {s.status === 'rejected' && (
          <Alert type="error" showIcon data-testid="scenario-rejection" style={{ marginBottom: 16 }} title={<>{td('rejected')} <Cite code="HN-15.2">HN-15 ¶2</Cite></>}
            description={<><div>{td('rejectedReason', { reason: s.rejectReason ?? '' })}</div><div>{td('rejectedBasis', { basis: s.rejectBasis ?? '' })}</div><div>{td('rejectedHint')}</div></>} />
        )}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'agreement', label: <>{td('agreement')} <Cite code="HN-14" /></>, children: `${s.agreement.name}(${t('scenario.form.agreementTerm', { agency: s.agencyName, start: s.agreement.startsOn, end: s.agreement.endsOn })})`, span: 'filled' },
          { key: 'operator', label: td('operator'), children: s.operatorName },
          { key: 'agency', label: td('agency'), children: s.agencyName },
          { key: 'form', label: t('scenario.cols.productForm'), children: t(`productForm.${s.productForm}`) },
          { key: 'cat', label: <>{t('scenario.cols.useCategory')} <Cite code="HN-12(6)" /></>, children: t(`useCategory.${s.useCategory}`) },
          { key: 'purpose', label: td('purpose'), children: s.purpose, span: 'filled' },
          { key: 'desc', label: td('description'), children: s.description, span: 'filled' },
          { key: 'updated', label: td('updatedAt'), children: fmtDateTime(s.updatedAt) },
        ]} />
        <Typography.Title level={5} style={{ marginTop: 16 }}>{td('resources', { n: s.resources.length })} <Cite code="HN-10.2">HN-10 ¶2</Cite></Typography.Title>
        <Table rowKey="id" size="small" pagination={false} dataSource={s.resources} columns={[
          { title: td('resourceCode'), dataIndex: 'code', render: (v: string) => <span style={mono}>{v}</span> },
          { title: td('resourceName'), dataIndex: 'name' },
          {
            title: td('operability'), key: 'op',
            render: (_: unknown, r: ScenarioDetail['resources'][number]) => (r.operability.operable
              ? <ToneTag tone="green">{td('operable', { no: r.operability.registrationNo })}</ToneTag>
              : <ToneTag tone="red">{r.operability.message}</ToneTag>),
          },
        ]} />
      </Card>

      <Card title={<>{t('compliance.title')} <Cite code="HN-15.2">HN-15 ¶2</Cite></>} data-testid="compliance-rounds">
        <Typography.Paragraph type="secondary">{t('compliance.hint')}</Typography.Paragraph>
        {s.rounds.length === 0
          ? <Empty description={<>{t('compliance.empty')}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('compliance.emptyHint')}</Typography.Text></>} />
          : <Space orientation="vertical" size={12} style={{ width: '100%' }}>{s.rounds.map((r) => <ComplianceRound key={r.id} round={r} />)}</Space>}
      </Card>

      {s.products.length > 0 && (
        <Card title={<>{td('products')} <Cite code="HN-10" /></>}>
          <Table rowKey="id" size="small" pagination={false} dataSource={s.products} columns={[
            { title: t('product.cols.registrationNo'), dataIndex: 'registrationNo', render: (v: string | null, p) => <Link href={`/filings/products/${p.id}`} style={mono}>{v ?? '—'}</Link> },
            { title: t('product.cols.name'), dataIndex: 'name', render: (v: string, p) => <Link href={`/filings/products/${p.id}`}>{v}</Link> },
            { title: t('product.cols.phase'), dataIndex: 'phase', render: (v: string) => <PhaseTag phase={v} /> },
            { title: t('product.cols.pricingBasis'), dataIndex: 'pricingBasis', render: (v: string) => t(`pricingBasis.${v}`) },
            { title: t('product.cols.effectiveOn'), dataIndex: 'effectiveOn', render: (v: string | null) => v ?? '—' },
          ]} />
        </Card>
      )}

      <Card title={t('timeline.title')}>
        <FilingTimeline events={s.timeline.events} files={s.timeline.files} label={label} />
      </Card>

      <Drawer open={editing} onClose={() => setEditing(false)} size="large" title={t('scenario.form.editTitle')} destroyOnHidden>
        {editing && <ScenarioForm scenario={s} onDone={() => setEditing(false)} />}
      </Drawer>
      {rejecting && (
        <RejectModal title={`${td('actions.reject')}:${s.name}`} pending={m.reject.isPending} onClose={() => setRejecting(false)}
          onSubmit={(v, f) => m.reject.mutate({ ...ref, ...v }, { onSuccess: () => done(td('done.reject')), onError: (e) => fail(e, f) })} />
      )}
      {requesting && <RequestModal scenarioId={s.id} defaultName={s.rounds[0]?.productName ?? ''} onClose={() => setRequesting(false)} />}
    </Space>
  );
}

/** HN-15 ¶1: 在产品和服务发布前,提交合规审核申请 (a new round after a rejection). */
function RequestModal({ scenarioId, defaultName, onClose }: { scenarioId: string; defaultName: string; onClose: () => void }) {
  const t = useTranslations('scenarios');
  const tr = useTranslations('scenarios.compliance.request');
  const trpc = useTRPC();
  const [form] = Form.useForm<{ productName: string; productDescription: string }>();
  const { done, onError } = useMutationFeedback(trpc.scenario.pathKey(), { form, onDone: onClose });
  const request = useMutation(trpc.scenario.compliance.request.mutationOptions({ onSuccess: () => done(tr('done')), onError }));
  const required = useRequired();
  return (
    <FormModal form={form} title={<>{tr('title')} <Cite code="HN-15" /></>} okText={tr('ok')} pending={request.isPending} onClose={onClose} width={640}
      initialValues={{ productName: defaultName, productDescription: '' }} onFinish={(v) => request.mutate({ scenarioId, ...v })}>
      <Typography.Paragraph type="secondary">{tr('hint')}</Typography.Paragraph>
      <Form.Item name="productName" label={t('compliance.productName')} rules={required(t('compliance.productName'))}>
        <Input maxLength={100} aria-label={t('compliance.productName')} />
      </Form.Item>
      <Form.Item name="productDescription" label={t('compliance.productDescription')} rules={required(t('compliance.productDescription'))}>
        <Input.TextArea rows={3} maxLength={2000} showCount aria-label={t('compliance.productDescription')} />
      </Form.Item>
    </FormModal>
  );
}
