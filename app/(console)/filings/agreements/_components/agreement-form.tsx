'use client';

import { Cite } from '@/app/_components/citation';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useMutationFeedback } from '@/app/_components/list-kit';
import type { AgreementInput } from '@/server/routers/plans/schema';
import { useTRPC } from '@/server/trpc/react';
import type { AgreementDetail } from '../../plans/_components/defaults';
import { DateItem } from '../../plans/_components/filing-parts';
import { AGREEMENT_DEFS, SectionsForm } from '../../plans/_components/sections';

type Values = AgreementInput;

const BLANK: Partial<Values> = {
  partnerOrgIds: [],
  resourceIds: [],
  clauses: { resources: '', term: '', products: { items: [{ name: '', category: 'public', form: 'api', description: '' }] } } as Values['clauses'],
};

/**
 * The agreement form (HN-13, HN-14): the parties, then the 13 clauses in the article's order. The
 * resources offered are the agency's own or its region's, each marked when it may not be operated
 * (HN-10); a term over 3 years needs a justification for the province (HN-14(2)).
 */
export function AgreementForm({ agreement }: { agreement?: AgreementDetail }) {
  const t = useTranslations('plans');
  const ta = useTranslations('plans.agreement');
  const trpc = useTRPC();
  const router = useRouter();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const options = useQuery(trpc.agreement.options.queryOptions());
  const resources = useQuery(trpc.agreement.resourceOptions.queryOptions({}));
  const { done, onError } = useMutationFeedback(trpc.agreement.pathKey(), { form });
  const create = useMutation(trpc.agreement.create.mutationOptions({
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: trpc.agreement.pathKey() });
      router.push(`/filings/agreements/${r.id}`);
    },
    onError,
  }));
  const update = useMutation(trpc.agreement.update.mutationOptions({ onSuccess: () => done(t('done.saved')), onError }));
  const initial: Partial<Values> = agreement
    ? {
        name: agreement.name, operatorOrgId: agreement.operatorOrgId, industryOrgId: agreement.industryOrgId ?? undefined, partnerOrgIds: agreement.partnerOrgIds,
        planId: agreement.planId, signedOn: agreement.signedOn, startsOn: agreement.startsOn, endsOn: agreement.endsOn, termException: agreement.termException,
        resourceIds: agreement.resourceIds, clauses: agreement.clauses,
      }
    : BLANK;
  const orgOptions = (rows: { id: string; name: string }[] | undefined) => (rows ?? []).map((o) => ({ value: o.id, label: o.name }));
  const resourceOptions = (resources.data ?? []).map((r) => ({
    value: r.id,
    disabled: !r.operability.operable,
    label: `${r.code} ${r.name}${r.operability.operable ? '' : `(${ta('notOperable')}:${r.operability.message})`}`,
  }));
  const need = (label: string, art: string) => [{ required: true, message: t('chooseRequired', { label, art }) }];

  const onFinish = (v: Values) => {
    const payload = { ...v, partnerOrgIds: v.partnerOrgIds ?? [], planId: v.planId ?? null, signedOn: v.signedOn ?? null, termException: v.termException ?? null };
    if (agreement) update.mutate({ ...payload, id: agreement.id, version: agreement.version });
    else create.mutate(payload);
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={onFinish} scrollToFirstError data-testid="agreement-form">
      {agreement?.status === 'filed' && <Alert type="warning" showIcon title={t('detail.workingCopy', { n: agreement.filedVersionNo ?? 1 })} style={{ marginBottom: 16 }} />}
      <Card size="small" title={<>{ta('parties')} <Cite code="HN-13" /></>} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Form.Item name="name" label={ta('fields.name')} rules={[{ required: true, whitespace: true, message: t('required', { label: ta('fields.name'), art: 'HN-13' }) }]}>
              <Input maxLength={100} aria-label={ta('fields.name')} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="operatorOrgId" label={<>{ta('operator')} <Cite code="HN-13 ¶1" /></>} rules={need(ta('operator'), 'HN-13 ¶1')}>
              <Select aria-label={ta('operator')} showSearch={{ optionFilterProp: 'label' }} loading={options.isLoading} options={orgOptions(options.data?.operators)} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="industryOrgId" label={<>{ta('industryOrg')} <Cite code="HN-13 ¶2" /></>} extra={ta('industryHint')} rules={need(ta('industryOrg'), 'HN-13 ¶2')}>
              <Select aria-label={ta('industryOrg')} showSearch={{ optionFilterProp: 'label' }} loading={options.isLoading} options={orgOptions(options.data?.industries)} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="partnerOrgIds" label={<>{ta('partners')} <Cite code="HN-13 ¶1" /></>}>
              <Select mode="multiple" aria-label={ta('partners')} showSearch={{ optionFilterProp: 'label' }} options={orgOptions(options.data?.industries)} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="planId" label={<>{ta('plan')} <Cite code="HN-11" /></>} extra={ta('planHint')}>
              <Select allowClear aria-label={ta('plan')} options={orgOptions(options.data?.plans)} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}><DateItem name="signedOn" label={ta('signedOn')} /></Col>
        </Row>
      </Card>
      <SectionsForm
        kind="agreement"
        defs={AGREEMENT_DEFS}
        custom={{
          resourceIds: (
            <Form.Item name="resourceIds" label={ta('resourcesPick')} extra={<>{ta('resourcesHint')} <Cite code="HN-10" /></>} rules={[{ required: true, type: 'array', min: 1, message: t('chooseRequired', { label: ta('resourcesPick'), art: 'HN-14(1)' }) }]}>
              <Select mode="multiple" aria-label={ta('resourcesPick')} loading={resources.isLoading} showSearch={{ optionFilterProp: 'label' }} options={resourceOptions} />
            </Form.Item>
          ),
          dates: (
            <Row gutter={16}>
              <Col xs={24} md={12}><DateItem name="startsOn" label={ta('startsOn')} required message={t('required', { label: ta('startsOn'), art: 'HN-14(2)' })} /></Col>
              <Col xs={24} md={12}><DateItem name="endsOn" label={ta('endsOn')} extra={ta('termHint')} required message={t('required', { label: ta('endsOn'), art: 'HN-14(2)' })} /></Col>
              <Col span={24}>
                <Form.Item name="termException" label={ta('termException')} extra={ta('termExceeds')}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} aria-label={ta('termException')} />
                </Form.Item>
              </Col>
            </Row>
          ),
        }}
      />
      <Space>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>{t('actions.saveDraft')}</Button>
      </Space>
    </Form>
  );
}
