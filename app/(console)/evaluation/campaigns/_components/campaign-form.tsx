'use client';

import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Cite } from '@/app/_components/citation';
import { useMutationFeedback } from '@/app/_components/list-kit';
import type { CreateCampaignInput } from '@/server/routers/evaluation/campaign-schema';
import { useTRPC } from '@/server/trpc/react';
import type { CampaignDetail } from './defaults';
import { KIND_ARTICLE } from './parts';

type Values = CreateCampaignInput;

/** A form field holding a YYYY-MM-DD string, edited with a date picker. */
function DateField({ name, label, required }: { name: keyof Values; label: string; required: string }) {
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: true, message: required }]}
      getValueProps={(v: string | null | undefined) => ({ value: v ? dayjs(v) : null })}
      normalize={(d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
    >
      <DatePicker style={{ width: '100%' }} aria-label={label} />
    </Form.Item>
  );
}

function defaults(kinds: readonly ('agency' | 'operator')[]): Partial<Values> {
  const today = dayjs();
  const d = (n: number) => today.add(n, 'day').format('YYYY-MM-DD');
  return {
    year: today.year() - 1, targetKind: kinds.includes('operator') ? 'operator' : kinds[0], targetOrgIds: [], evaluatorUserIds: [], aggregation: 'trimmed', trimmedMin: 5, divergencePct: 30,
    selfStartsOn: d(0), selfEndsOn: d(14), scoringEndsOn: d(35), reviewEndsOn: d(49), publishOn: d(56),
  };
}

/**
 * Set-up of a campaign (HN-22): the kind of target (the province evaluates implementing agencies,
 * HN-22 ¶1; operators are evaluated by the province or their city's data authority, HN-22 ¶2), a
 * published indicator-system version (frozen), targets, panel and lead, schedule, aggregation.
 */
export function CampaignForm({ campaign, kinds }: { campaign?: CampaignDetail; kinds: readonly ('agency' | 'operator')[] }) {
  const t = useTranslations('campaigns');
  const tf = useTranslations('campaigns.form');
  const trpc = useTRPC();
  const router = useRouter();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('targetKind', form) ?? campaign?.targetKind ?? 'operator';
  const panel = Form.useWatch('evaluatorUserIds', form);
  const aggregation = Form.useWatch('aggregation', form);
  const options = useQuery(trpc.campaign.formOptions.queryOptions({ targetKind: kind }));
  const { onError } = useMutationFeedback(trpc.campaign.pathKey(), { form });
  const after = async (id: string) => {
    await qc.invalidateQueries({ queryKey: trpc.campaign.pathKey() });
    router.push(`/evaluation/campaigns/${id}`);
  };
  const create = useMutation(trpc.campaign.create.mutationOptions({ onSuccess: (r) => after(r.id), onError }));
  const update = useMutation(trpc.campaign.update.mutationOptions({ onSuccess: (r) => after(r.id), onError }));
  const initial: Partial<Values> = campaign
    ? {
        name: campaign.name, year: campaign.year, targetKind: campaign.targetKind, versionId: campaign.versionId,
        targetOrgIds: campaign.manage?.targets.map((x) => x.orgId) ?? [], evaluatorUserIds: campaign.manage?.panel.map((p) => p.userId) ?? [],
        leadUserId: campaign.leadUserId, selfStartsOn: campaign.selfStartsOn, selfEndsOn: campaign.selfEndsOn, scoringEndsOn: campaign.scoringEndsOn,
        reviewEndsOn: campaign.reviewEndsOn, publishOn: campaign.publishOn, aggregation: campaign.aggregation as Values['aggregation'],
        trimmedMin: campaign.trimmedMin, divergencePct: campaign.divergencePct,
      }
    : defaults(kinds);
  const evaluators = options.data?.evaluators ?? [];
  const need = (label: string) => [{ required: true, message: tf('required', { label }) }];
  const onFinish = (v: Values) => {
    const payload = { ...v, targetOrgIds: v.targetOrgIds ?? [], evaluatorUserIds: v.evaluatorUserIds ?? [], leadUserId: v.leadUserId ?? null };
    if (campaign) update.mutate({ ...payload, id: campaign.id, version: campaign.version });
    else create.mutate(payload);
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={onFinish}
      scrollToFirstError
      data-testid="campaign-form"
      onValuesChange={(changed: Partial<Values>) => {
        if ('targetKind' in changed) form.setFieldsValue({ versionId: undefined, targetOrgIds: [] });
        if ('evaluatorUserIds' in changed && !changed.evaluatorUserIds?.includes(form.getFieldValue('leadUserId'))) form.setFieldsValue({ leadUserId: null });
      }}
    >
      <Card size="small" title={<>{tf('basics')} <Cite code="HN-22" /></>} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Form.Item name="name" label={tf('name')} rules={[{ required: true, whitespace: true, message: tf('required', { label: tf('name') }) }]}>
              <Input maxLength={100} aria-label={tf('name')} placeholder={tf('namePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={12} lg={4}>
            <Form.Item name="year" label={tf('year')} rules={need(tf('year'))}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} aria-label={tf('year')} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={8}>
            <Form.Item name="targetKind" label={tf('targetKind')} rules={need(tf('targetKind'))} extra={kinds.length === 1 ? <>{tf('cityOnlyOperators')} <Cite code="HN-22 ¶1" /></> : undefined}>
              <Radio.Group aria-label={tf('targetKind')} options={(['agency', 'operator'] as const).map((k) => ({ value: k, label: `${t(`kind.${k}`)}(${KIND_ARTICLE[k]})`, disabled: !kinds.includes(k) }))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="versionId" label={<>{tf('version')}</>} rules={need(tf('version'))} extra={tf('versionHint')}>
              <Select
                aria-label={tf('version')}
                loading={options.isLoading}
                notFoundContent={tf('noVersion')}
                options={(options.data?.versions ?? []).map((v) => ({ value: v.id, label: `${v.systemName} · v${v.versionNo}` }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={<>{tf('parties')} <Cite code={KIND_ARTICLE[kind] ?? 'HN-22'} /></>} style={{ marginBottom: 16 }}>
        <Form.Item name="targetOrgIds" label={tf('targets')} extra={tf('targetsHint')}>
          <Select
            mode="multiple"
            aria-label={tf('targets')}
            showSearch={{ optionFilterProp: 'label' }}
            loading={options.isLoading}
            options={(options.data?.targets ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} lg={16}>
            <Form.Item name="evaluatorUserIds" label={tf('panel')} extra={tf('panelHint')}>
              <Select
                mode="multiple"
                aria-label={tf('panel')}
                showSearch={{ optionFilterProp: 'label' }}
                loading={options.isLoading}
                options={evaluators.map((e) => ({ value: e.id, label: `${e.name}(${e.orgName})` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} lg={8}>
            <Form.Item name="leadUserId" label={tf('lead')} extra={tf('leadHint')}>
              <Select
                aria-label={tf('lead')}
                allowClear
                options={evaluators.filter((e) => (panel ?? []).includes(e.id)).map((e) => ({ value: e.id, label: e.name }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={<>{tf('schedule')} <Cite code="HN-22" /></>} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{tf('scheduleHint')}</Typography.Paragraph>
        <Row gutter={16}>
          {(['selfStartsOn', 'selfEndsOn', 'scoringEndsOn', 'reviewEndsOn', 'publishOn'] as const).map((f) => (
            <Col key={f} xs={24} md={12} xl={8}><DateField name={f} label={tf(f)} required={tf('required', { label: tf(f) })} /></Col>
          ))}
        </Row>
      </Card>
      <Card size="small" title={tf('aggregationTitle')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} lg={10}>
            <Form.Item name="aggregation" label={tf('aggregation')} rules={need(tf('aggregation'))}>
              <Radio.Group aria-label={tf('aggregation')} options={(['mean', 'trimmed'] as const).map((a) => ({ value: a, label: t(`aggregation.${a}`) }))} />
            </Form.Item>
          </Col>
          {aggregation !== 'mean' && (
            <Col xs={12} lg={7}>
              <Form.Item name="trimmedMin" label={tf('trimmedMin')} rules={need(tf('trimmedMin'))} extra={tf('trimmedMinHint')}>
                <InputNumber min={3} max={50} style={{ width: '100%' }} aria-label={tf('trimmedMin')} />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} lg={7}>
            <Form.Item name="divergencePct" label={tf('divergencePct')} rules={need(tf('divergencePct'))} extra={tf('divergenceHint')}>
              <InputNumber min={1} max={100} suffix="%" style={{ width: '100%' }} aria-label={tf('divergencePct')} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      {!campaign && <Alert type="info" showIcon title={tf('draftHint')} style={{ marginBottom: 16 }} />}
      <Space>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>{campaign ? tf('save') : tf('create')}</Button>
        <Link href={campaign ? `/evaluation/campaigns/${campaign.id}` : '/evaluation/campaigns'}><Button>{tf('cancel')}</Button></Link>
      </Space>
    </Form>
  );
}
