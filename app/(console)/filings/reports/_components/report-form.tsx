'use client';

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Space, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { useMutationFeedback } from '@/app/_components/list-kit';
import type { ReportContent } from '@/server/routers/reports/schema';
import { useTRPC } from '@/server/trpc/react';
import type { ReportDetail } from './defaults';

type Content = ReportDetail['content'];
interface Values {
  content: Content;
  reason?: string;
}
const EMPTY_ROW = { developer: '', product: '', use: '', calls: null };

/** A section of the report, headed with the article it answers to. */
function Section({ title, code, children }: { title: string; code: string; children: React.ReactNode }) {
  return (
    <Card size="small" title={<>{title} <Cite code={code}>{code.replace(/\.(\d+)$/, ' ¶$1')}</Cite></>} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/**
 * The report's content (HN-22 ¶3), structured: operations, products and services, usage, revenue and
 * costs (HN-21 ¶4), security (HN-18), problems and next steps, and the secondary developers'
 * re-development use, which must be stated even when there was none. A draft saves as it is; a
 * submission (or a correction, with its reason) checks every required part and is confirmed first.
 */
export function ReportForm({ report, mode, onDone }: { report: ReportDetail; mode: 'draft' | 'correct'; onDone?: () => void }) {
  const t = useTranslations('reports.periodic.form');
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const suggestions = useQuery(trpc.report.developerSuggestions.queryOptions());
  const { done, onError } = useMutationFeedback(trpc.report.pathKey(), { form, onDone });
  // the saved row's version, so that "提交" right after "保存草稿" does not race the reload
  const [version, setVersion] = useState(report.version);
  const save = useMutation(trpc.report.save.mutationOptions({ onSuccess: (r) => { setVersion(r.version); return done(t('saved')); }, onError }));
  const submit = useMutation(trpc.report.submit.mutationOptions({ onSuccess: () => done(t('submitted')), onError }));
  const correct = useMutation(trpc.report.correct.mutationOptions({ onSuccess: () => done(t('corrected')), onError }));
  const none = Form.useWatch(['content', 'secondary', 'none'], form);
  const ref = { id: report.id, version };
  const required = (message: string) => [{ required: true, message }];
  const number = (name: (string | number)[], label: string, unit?: string) => (
    <Form.Item name={name} label={label} rules={required(label)}>
      <InputNumber min={0} style={{ width: '100%' }} aria-label={label} suffix={unit} />
    </Form.Item>
  );

  const cleaned = (c: Content): Content => ({ ...c, secondary: { ...c.secondary, rows: c.secondary?.none ? [] : c.secondary?.rows ?? [] } });
  const onSave = () => save.mutate({ ...ref, content: cleaned(form.getFieldsValue(true).content) });
  const onSubmit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const content = cleaned(form.getFieldsValue(true).content) as ReportContent;
    modal.confirm({
      title: mode === 'draft' ? t('confirmSubmitTitle') : t('confirmCorrectTitle'),
      content: mode === 'draft' ? t('confirmSubmit') : t('confirmCorrect'),
      okText: mode === 'draft' ? t('submit') : t('submitCorrection'),
      onOk: () => (mode === 'draft'
        ? submit.mutateAsync({ ...ref, content })
        : correct.mutateAsync({ ...ref, content, reason: v.reason ?? '' })
      ).catch(() => undefined),
    });
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ content: report.content }} data-testid="report-form" scrollToFirstError>
      {mode === 'correct' && (
        <>
          <Alert type="warning" showIcon title={t('correctHint')} style={{ marginBottom: 16 }} />
          <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('reason') }]}>
            <Input.TextArea rows={2} maxLength={500} showCount aria-label={t('reason')} />
          </Form.Item>
        </>
      )}
      <Section title={t('sections.operations')} code="HN-22.3">
        <Form.Item name={['content', 'operations']} label={t('operations')} extra={t('operationsHint')} rules={[{ required: true, whitespace: true, min: 10, message: t('operationsRequired') }]}>
          <Input.TextArea rows={4} maxLength={5000} showCount aria-label={t('operations')} />
        </Form.Item>
        <Form.Item name={['content', 'products']} label={t('products')} rules={[{ required: true, whitespace: true, message: t('products') }]}>
          <Input.TextArea rows={2} maxLength={5000} aria-label={t('products')} />
        </Form.Item>
      </Section>
      <Section title={t('sections.usage')} code="HN-22.3">
        <Row gutter={16}>
          <Col xs={24} md={8}>{number(['content', 'usage', 'calls'], t('calls'), t('times'))}</Col>
          <Col xs={24} md={8}>{number(['content', 'usage', 'users'], t('users'), t('units'))}</Col>
          <Col xs={24} md={8}>
            <Form.Item name={['content', 'usage', 'note']} label={t('usageNote')}><Input maxLength={2000} aria-label={t('usageNote')} /></Form.Item>
          </Col>
        </Row>
      </Section>
      <Section title={t('sections.finance')} code="HN-21.4">
        <Row gutter={16}>
          <Col xs={24} md={8}>{number(['content', 'finance', 'revenue'], t('revenue'), t('yuan'))}</Col>
          <Col xs={24} md={8}>{number(['content', 'finance', 'cost'], t('cost'), t('yuan'))}</Col>
          <Col xs={24} md={8}>
            <Form.Item name={['content', 'finance', 'note']} label={t('financeNote')}><Input maxLength={2000} aria-label={t('financeNote')} /></Form.Item>
          </Col>
        </Row>
      </Section>
      <Section title={t('sections.security')} code="HN-18">
        <Row gutter={16}>
          <Col xs={24} md={8}>{number(['content', 'security', 'incidents'], t('incidents'), t('cases'))}</Col>
          <Col xs={24} md={16}>
            <Form.Item name={['content', 'security', 'note']} label={t('securityNote')} rules={[{ required: true, whitespace: true, min: 2, message: t('securityNote') }]}>
              <Input.TextArea rows={2} maxLength={2000} aria-label={t('securityNote')} />
            </Form.Item>
          </Col>
        </Row>
      </Section>
      <Section title={t('sections.problems')} code="HN-22.3">
        <Form.Item name={['content', 'problems']} label={t('problems')} rules={[{ required: true, whitespace: true, min: 2, message: t('problems') }]}>
          <Input.TextArea rows={3} maxLength={5000} aria-label={t('problems')} />
        </Form.Item>
      </Section>
      <Section title={t('sections.secondary')} code="HN-22.3">
        <Typography.Paragraph type="secondary">{t('secondaryHint')} <Cite code="HN-17" /></Typography.Paragraph>
        <Form.Item name={['content', 'secondary', 'none']} label={t('secondaryAnswer')} rules={[{ required: true, message: t('secondaryRequired') }]}>
          <Radio.Group
            aria-label={t('secondaryAnswer')}
            options={[{ value: false, label: t('secondaryYes') }, { value: true, label: t('secondaryNone') }]}
            onChange={(e) => {
              const rows = form.getFieldValue(['content', 'secondary', 'rows']) as unknown[] | undefined;
              if (e.target.value === false && !rows?.length) form.setFieldValue(['content', 'secondary', 'rows'], [{ ...EMPTY_ROW }]);
            }}
          />
        </Form.Item>
        {none === false && (
          <Form.List name={['content', 'secondary', 'rows']} rules={[{ validator: async (_, rows) => { if (!rows?.length) throw new Error(t('rowsRequired')); } }]}>
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((f, i) => (
                  <Row key={f.key} gutter={8} align="top">
                    <Col xs={24} md={6}>
                      <Form.Item name={[f.name, 'developer']} label={t('developer', { n: i + 1 })} rules={required(t('developerRequired'))}>
                        <AutoComplete aria-label={t('developer', { n: i + 1 })} options={[...new Set((suggestions.data ?? []).map((s) => s.developer))].map((d) => ({ value: d }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={6}>
                      <Form.Item name={[f.name, 'product']} label={t('product', { n: i + 1 })} rules={required(t('productRequired'))}>
                        <AutoComplete aria-label={t('product', { n: i + 1 })} options={[...new Set((suggestions.data ?? []).map((s) => s.product))].map((p) => ({ value: p }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={7}>
                      <Form.Item name={[f.name, 'use']} label={t('use', { n: i + 1 })} rules={required(t('useRequired'))}>
                        <Input aria-label={t('use', { n: i + 1 })} maxLength={1000} />
                      </Form.Item>
                    </Col>
                    <Col xs={20} md={4}>
                      <Form.Item name={[f.name, 'calls']} label={t('rowCalls', { n: i + 1 })}>
                        <InputNumber min={0} style={{ width: '100%' }} aria-label={t('rowCalls', { n: i + 1 })} />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={1} style={{ paddingTop: 30 }}>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('removeRow', { n: i + 1 })} onClick={() => remove(f.name)} />
                    </Col>
                  </Row>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ ...EMPTY_ROW })}>{t('addRow')}</Button>
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
        )}
      </Section>
      <Space>
        {mode === 'draft' && <Button onClick={onSave} loading={save.isPending}>{t('saveDraft')}</Button>}
        <Button type="primary" onClick={onSubmit} loading={submit.isPending || correct.isPending}>{mode === 'draft' ? t('submit') : t('submitCorrection')}</Button>
      </Space>
    </Form>
  );
}
