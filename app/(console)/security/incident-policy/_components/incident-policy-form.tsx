'use client';

import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { applyServerErrors } from '@/app/_components/use-form-errors';
import { DEFAULT_INCIDENT_POLICY, incidentPolicyProblems, type IncidentPolicy } from '@/server/domain/incidents';
import { useTRPC } from '@/server/trpc/react';

const GRADES = ['large', 'major', 'critical'] as const;
const HOURS = ['seriousHours', 'ciiHours', 'promptHours', 'summaryDays'] as const;

/**
 * 事件报告策略 (secadmin, 三权分立): the grading guide's thresholds (rising with the grade) and the
 * reporting clocks (CII ≤ 较大及以上 ≤ 一般). The same checks run on the server; saving is audited.
 */
export function IncidentPolicyForm() {
  const t = useTranslations('incidents.policy');
  const ts = useTranslations('incidents.severity');
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<IncidentPolicy>();
  const [conflict, setConflict] = useState(false);
  const { data, refetch, isFetching } = useQuery(trpc.incidentPolicy.get.queryOptions());
  const version = data?.version;
  useEffect(() => {
    if (version !== undefined) form.resetFields();
  }, [version, form]);
  const save = useMutation(trpc.incidentPolicy.update.mutationOptions({
    onSuccess: async () => {
      message.success(t('saved'));
      await qc.invalidateQueries({ queryKey: trpc.incidentPolicy.pathKey() });
      await qc.invalidateQueries({ queryKey: trpc.incident.pathKey() });
    },
    onError: (err) => {
      if (err.data?.code === 'CONFLICT') return setConflict(true);
      const msg = applyServerErrors(form, err);
      if (msg) message.error(msg);
    },
  }));
  if (!data) return null;
  const { version: v, ...initial } = data;

  const onFinish = (values: IncidentPolicy) => {
    // the same consistency rules as the server, beside the fields
    const problems = incidentPolicyProblems(values);
    if (Object.keys(problems).length) {
      form.setFields(Object.entries(problems).map(([k, m]) => ({ name: k.split('.') as never, errors: [m] })));
      return;
    }
    save.mutate({ ...values, version: v });
  };
  const num = (name: (string | number)[], label: string, suffix: string, max: number) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('required') }]}>
      <InputNumber min={1} max={max} precision={0} suffix={suffix} style={{ width: '100%' }} aria-label={label} />
    </Form.Item>
  );

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 860 }}>{t('intro')} <Cite code="HN-18" /></Typography.Paragraph>
      {conflict && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('conflict')}
          action={<Button size="small" loading={isFetching} onClick={async () => { await refetch(); setConflict(false); }}>{t('refresh')}</Button>}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<IncidentPolicy> form={form} layout="vertical" initialValues={initial} onFinish={onFinish} requiredMark={false} style={{ maxWidth: 900 }}>
        <Typography.Title level={5}>{t('thresholds')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('thresholdsHint')}</Typography.Paragraph>
        {(['personalInfoPeople', 'directLossYuan'] as const).map((k) => (
          <Row gutter={16} key={k}>
            {GRADES.map((g) => (
              <Col xs={24} md={8} key={g}>
                {num(['thresholds', k, g], t(`fields.${k}`, { severity: ts(g) }), t(k === 'personalInfoPeople' ? 'units.people' : 'units.yuan'), k === 'personalInfoPeople' ? 2_000_000_000 : 1e13)}
              </Col>
            ))}
          </Row>
        ))}
        <Typography.Title level={5}>{t('clocks')}</Typography.Title>
        <Row gutter={16}>
          {HOURS.map((k) => (
            <Col xs={24} md={12} key={k}>
              <Form.Item name={k} label={t(`fields.${k}`)} extra={t(`help.${k}`, { value: DEFAULT_INCIDENT_POLICY[k] })} rules={[{ required: true, message: t('required') }]}>
                <InputNumber min={1} max={k === 'summaryDays' ? 365 : k === 'promptHours' ? 168 : 72} precision={0} suffix={t(k === 'summaryDays' ? 'units.days' : 'units.hours')} style={{ width: 200 }} aria-label={t(`fields.${k}`)} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} disabled={conflict}>{t('save')}</Button>
          <Button onClick={() => form.resetFields()}>{t('reset')}</Button>
          <Typography.Text type="secondary">{t('version', { v })}</Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}
