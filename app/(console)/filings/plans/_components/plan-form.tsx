'use client';

import { Cite } from '@/app/_components/citation';
import { Alert, Button, Form, Select, Space } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useMutationFeedback } from '@/app/_components/list-kit';
import type { PlanInput } from '@/server/routers/plans/schema';
import { useTRPC } from '@/server/trpc/react';
import type { PlanDetail } from './defaults';
import { PLAN_DEFS, SectionsForm } from './sections';

type Values = PlanInput;

function blank(): Partial<Values> {
  return {
    resourceIds: [],
    sections: { products: { items: [{ name: '', category: 'public', form: 'api', description: '' }] }, term: { years: 3 } } as Values['sections'],
  };
}

/**
 * The plan form (HN-12), for a new plan and for the working copy of an existing one: the 11 items in
 * the article's order, each naming its item; a city's plan also names the provincial industry
 * department it is filed to (HN-11 ¶2).
 */
export function PlanForm({ plan, provincial }: { plan?: PlanDetail; provincial: boolean }) {
  const t = useTranslations('plans');
  const tp = useTranslations('plans.plan');
  const trpc = useTRPC();
  const router = useRouter();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const industries = useQuery({ ...trpc.plan.industryOptions.queryOptions(), enabled: !provincial });
  const resources = useQuery(trpc.plan.resourceOptions.queryOptions({}));
  const { done, onError } = useMutationFeedback(trpc.plan.pathKey(), { form });
  const create = useMutation(trpc.plan.create.mutationOptions({
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: trpc.plan.pathKey() });
      router.push(`/filings/plans/${r.id}`);
    },
    onError,
  }));
  const update = useMutation(trpc.plan.update.mutationOptions({ onSuccess: () => done(t('done.saved')), onError }));
  const initial: Partial<Values> = plan
    ? { name: plan.name, industryOrgId: plan.industryOrgId, resourceIds: plan.resourceIds, sections: plan.sections }
    : blank();
  // the options include the plan's own resources, even when one is no longer published (the server says so on save)
  const resourceOptions = [
    ...(resources.data ?? []).map((r) => ({ value: r.id, label: `${r.code} ${r.name}(${r.regionName})` })),
    ...(plan?.resources ?? []).filter((r) => !(resources.data ?? []).some((o) => o.id === r.id)).map((r) => ({ value: r.id, label: `${r.code} ${r.name}` })),
  ];
  const pickLabel = tp('resourcesPick');

  const onFinish = (v: Values) => {
    const payload = { ...v, industryOrgId: provincial ? null : v.industryOrgId };
    if (plan) update.mutate({ ...payload, id: plan.id, version: plan.version });
    else create.mutate(payload);
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={onFinish} scrollToFirstError data-testid="plan-form">
      {plan && (plan.status === 'filed' || plan.status === 'effective') && <Alert type="warning" showIcon title={t('detail.workingCopy', { n: plan.filedVersionNo ?? 1 })} style={{ marginBottom: 16 }} />}
      {!provincial && (
        <Form.Item
          name="industryOrgId"
          label={<>{tp('industryOrg')} <Cite code="HN-11 ¶2" /></>}
          extra={tp('industryHint')}
          rules={[{ required: true, message: t('chooseRequired', { label: tp('industryOrg'), art: 'HN-11 ¶2' }) }]}
        >
          <Select aria-label={tp('industryOrg')} loading={industries.isLoading} showSearch={{ optionFilterProp: 'label' }} options={(industries.data ?? []).map((o) => ({ value: o.id, label: o.name }))} style={{ maxWidth: 420 }} />
        </Form.Item>
      )}
      {provincial && <Alert type="info" showIcon title={<>{t('detail.provincial')} <Cite code="HN-11 ¶2" /></>} style={{ marginBottom: 16 }} />}
      <SectionsForm
        kind="plan"
        defs={PLAN_DEFS}
        custom={{
          resourceIds: (
            <Form.Item name="resourceIds" label={pickLabel} extra={tp('resourcesHint')} rules={[{ required: true, type: 'array', min: 1, message: t('chooseRequired', { label: pickLabel, art: 'HN-12(4)' }) }]}>
              <Select mode="multiple" aria-label={pickLabel} loading={resources.isLoading} showSearch={{ optionFilterProp: 'label' }} options={resourceOptions} />
            </Form.Item>
          ),
        }}
      />
      <Space>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>{t('actions.saveDraft')}</Button>
      </Space>
    </Form>
  );
}
