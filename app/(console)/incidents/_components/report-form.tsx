'use client';

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Collapse, Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { useMutationError } from '@/app/_components/list-kit';
import { incidentRecipients, INCIDENT_TYPES, reportingDueAt, SEVERITIES, type IncidentType, type Severity } from '@/server/domain/incidents';
import { useTRPC } from '@/server/trpc/react';
import { fromWallClock } from './defaults';
import { DateTimeItem, GradingHelp } from './fields';

interface Values {
  agreementId?: string | null;
  systemName: string;
  type: IncidentType;
  severity: Severity;
  discoveredAt: string;
  measures: string;
  processingStoppedAt?: string | null;
  processingNotStopped?: boolean;
  title?: string;
  occurredAt?: string | null;
  personalInfoPeople?: number | null;
  peopleAffected?: number | null;
  directLossYuan?: number | null;
  crimeSuspected?: boolean;
}

/**
 * 报告安全事件 in seconds: only the basics (system, discovery time, type, preliminary grade, what
 * was done); everything else may follow by follow-up reports. The recipients and their clocks are
 * shown as they will be computed on the server (never typed by hand).
 */
export function ReportForm() {
  const t = useTranslations('incidents.form');
  const ti = useTranslations('incidents');
  const trpc = useTRPC();
  const router = useRouter();
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const options = useQuery(trpc.incident.options.queryOptions());
  const onError = useMutationError(trpc.incident.pathKey());
  const report = useMutation(trpc.incident.report.mutationOptions({
    onSuccess: async (r) => {
      message.success(t('done'));
      await qc.invalidateQueries({ queryKey: trpc.incident.pathKey() });
      router.push(`/incidents/${r.id}`);
    },
    onError: (err) => onError(err, form),
  }));
  const type = Form.useWatch('type', form);
  const severity = Form.useWatch('severity', form);
  const discovered = Form.useWatch('discoveredAt', form);
  const crime = Form.useWatch('crimeSuspected', form);
  const notStopped = Form.useWatch('processingNotStopped', form);
  const o = options.data;
  const regime = o?.regime ?? 'HN';
  const preview = o && type && severity
    ? incidentRecipients({ regime, type, severity, crimeSuspected: !!crime }).filter((r) => !(r.kind === 'agency' && o.orgType !== 'operator'))
    : [];
  const due = o && severity && discovered ? reportingDueAt(fromWallClock(discovered)!, severity, o.cii, o.policy) : null;

  const onFinish = (v: Values) => {
    const input = {
      agreementId: regime === 'HN' ? v.agreementId ?? null : null,
      systemName: v.systemName,
      title: v.title || null,
      type: v.type,
      severity: v.severity,
      discoveredAt: fromWallClock(v.discoveredAt)!,
      measures: v.measures,
      processingStoppedAt: v.type === 'relationship_risk' && !v.processingNotStopped ? fromWallClock(v.processingStoppedAt) : null,
      processingNotStopped: v.type === 'relationship_risk' ? !!v.processingNotStopped : undefined,
      occurredAt: fromWallClock(v.occurredAt),
      personalInfoPeople: v.personalInfoPeople ?? null,
      peopleAffected: v.peopleAffected ?? null,
      directLossYuan: v.directLossYuan ?? null,
      crimeSuspected: !!v.crimeSuspected,
    };
    modal.confirm({
      title: t('confirmTitle'),
      content: t('confirmBody', { n: preview.length }),
      okText: t('submit'),
      onOk: () => report.mutateAsync(input).catch(() => undefined),
    });
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link href="/incidents"><ArrowLeftOutlined /> {ti('back')}</Link>
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')} <Cite code={regime === 'ID' ? 'ID-12 ¶3' : 'HN-18'} /></Typography.Title>}>
        <Typography.Paragraph type="secondary">{t(regime === 'ID' ? 'introId' : 'introHn')}</Typography.Paragraph>
        {o?.cii && <Alert type="warning" showIcon title={t('ciiHint', { hours: o.policy.ciiHours })} style={{ marginBottom: 16 }} />}
        <Form<Values>
          form={form}
          layout="vertical"
          style={{ maxWidth: 760 }}
          initialValues={{ discoveredAt: fmtDateTime(new Date()), severity: 'general', crimeSuspected: false, agreementId: o?.agreements.length === 1 ? o.agreements[0].id : undefined }}
          onFinish={onFinish}
          data-testid="incident-form"
        >
          {regime === 'HN' && (
            <Form.Item
              name="agreementId"
              label={t('agreement')}
              extra={o?.agreementRequired ? t('agreementHint') : t('agreementOptional')}
              rules={o?.agreementRequired ? [{ required: true, message: t('agreementRequired') }] : undefined}
            >
              <Select
                aria-label={t('agreement')}
                allowClear={!o?.agreementRequired}
                loading={options.isLoading}
                options={(o?.agreements ?? []).map((a) => ({ value: a.id, label: `${a.name}(${a.agencyName})` }))}
                notFoundContent={t('noAgreements')}
              />
            </Form.Item>
          )}
          <Form.Item name="systemName" label={t('systemName')} extra={t('systemNameHint')} rules={[{ required: true, whitespace: true, min: 2, message: t('systemNameRequired') }]}>
            <Input maxLength={100} aria-label={t('systemName')} />
          </Form.Item>
          <DateTimeItem name="discoveredAt" label={t('discoveredAt')} extra={t('discoveredAtHint')} required message={t('discoveredAtRequired')} />
          <Form.Item name="type" label={t('type')} rules={[{ required: true, message: t('typeRequired') }]}>
            <Select aria-label={t('type')} options={INCIDENT_TYPES.map((v) => ({ value: v, label: ti(`type.${v}`) }))} />
          </Form.Item>
          {type === 'relationship_risk' && (
            <>
              <Alert type="error" showIcon title={<>{t('stopHint')} <Cite code="HN-18" /></>} style={{ marginBottom: 16 }} />
              {!notStopped && <DateTimeItem name="processingStoppedAt" label={t('processingStoppedAt')} />}
              <Form.Item name="processingNotStopped" valuePropName="checked" extra={notStopped ? t('notStoppedHint') : undefined}>
                <Checkbox>{t('processingNotStopped')}</Checkbox>
              </Form.Item>
            </>
          )}
          <Form.Item name="severity" label={t('severity')} extra={<GradingHelp policy={o?.policy} />} rules={[{ required: true, message: t('severityRequired') }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={SEVERITIES.map((s) => ({ value: s, label: ti(`severity.${s}`) }))} aria-label={t('severity')} />
          </Form.Item>
          <Form.Item name="measures" label={t('measures')} rules={[{ required: true, whitespace: true, min: 2, message: t('measuresRequired') }]}>
            <Input.TextArea rows={3} maxLength={4000} showCount aria-label={t('measures')} />
          </Form.Item>
          <Collapse
            style={{ marginBottom: 16 }}
            items={[{
              key: 'more',
              label: t('more'),
              forceRender: true,
              children: (
                <>
                  <Form.Item name="title" label={t('titleField')} extra={t('titleHint')}>
                    <Input maxLength={100} aria-label={t('titleField')} />
                  </Form.Item>
                  <DateTimeItem name="occurredAt" label={t('occurredAt')} />
                  <Space wrap size={16}>
                    <Form.Item name="personalInfoPeople" label={t('personalInfoPeople')}>
                      <InputNumber min={0} precision={0} style={{ width: 200 }} aria-label={t('personalInfoPeople')} />
                    </Form.Item>
                    <Form.Item name="peopleAffected" label={t('peopleAffected')}>
                      <InputNumber min={0} precision={0} style={{ width: 200 }} aria-label={t('peopleAffected')} />
                    </Form.Item>
                    <Form.Item name="directLossYuan" label={t('directLossYuan')}>
                      <InputNumber min={0} precision={0} style={{ width: 200 }} aria-label={t('directLossYuan')} />
                    </Form.Item>
                  </Space>
                  <Form.Item name="crimeSuspected" label={t('crimeSuspected')} valuePropName="checked" extra={t('crimeHint')}>
                    <Switch aria-label={t('crimeSuspected')} />
                  </Form.Item>
                </>
              ),
            }]}
          />
          {preview.length > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="recipients-preview"
              title={t('recipientsPreview', { kinds: preview.map((r) => ti(`kind.${r.kind}`)).join('、') })}
              description={due ? t('duePreview', { at: fmtDateTime(due) }) : undefined}
            />
          )}
          <Button type="primary" htmlType="submit" loading={report.isPending}>{t('submit')}</Button>
        </Form>
      </Card>
    </Space>
  );
}
