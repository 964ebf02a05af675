'use client';

import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Cite } from '@/app/_components/citation';
import { useMutationError } from '@/app/_components/list-kit';
import { DEADLINE_MAX, DEADLINE_MIN, ORDER_DEADLINE_KINDS, ORDER_SOURCES, SOURCE_INFO, type OrderSource } from '@/server/domain/rectification-terms';
import { useTRPC } from '@/server/trpc/react';

interface Values {
  source: OrderSource;
  sourceRef?: string;
  targetOrgId: string;
  title: string;
  findings: string[];
  article: string;
  deadlineKind: (typeof ORDER_DEADLINE_KINDS)[number];
  deadlineAmount: number;
  majorRisk: boolean;
}

/**
 * 签发整改通知 (HN-20 督促整改落实): the source (and the article it enforces by default), the target among
 * the organizations the issuer may order, the findings, the deadline in calendar or working days, and
 * whether a major security risk was found — which suspends the operator's authorized operation at
 * once (HN-22 ¶2), so issuing is confirmed.
 */
export function OrderForm() {
  const t = useTranslations('rectification.form');
  const tr = useTranslations('rectification');
  const to = useTranslations('roles.orgTypes');
  const trpc = useTRPC();
  const router = useRouter();
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const targets = useQuery(trpc.rectification.targets.queryOptions({}));
  const onError = useMutationError(trpc.rectification.pathKey());
  const issue = useMutation(trpc.rectification.issue.mutationOptions({
    onSuccess: async (o) => {
      message.success(t('done', { no: o.no }));
      await qc.invalidateQueries({ queryKey: trpc.rectification.pathKey() });
      router.push(`/rectification/${o.id}`);
    },
    onError: (err) => onError(err, form),
  }));
  const article = Form.useWatch('article', form);
  const majorRisk = Form.useWatch('majorRisk', form);
  const kind = Form.useWatch('deadlineKind', form);

  const onFinish = (v: Values) =>
    modal.confirm({
      title: t('confirmTitle'),
      content: v.majorRisk ? t('confirmMajorRisk') : t('confirmBody'),
      okText: t('submit'),
      okButtonProps: v.majorRisk ? { danger: true } : undefined,
      onOk: () => issue.mutateAsync({ ...v, sourceRef: v.sourceRef || null, findings: v.findings.map((f) => f.trim()) }).catch(() => undefined),
    });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link href="/rectification"><ArrowLeftOutlined /> {t('back')}</Link>
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}>
        <Alert type="info" showIcon title={t('hint')} description={<>{t('hintBasis')} <Cite code="HN-20" /> <Cite code="HN-22 ¶2" /></>} style={{ marginBottom: 16 }} />
        <Form<Values>
          form={form}
          layout="vertical"
          style={{ maxWidth: 760 }}
          initialValues={{ source: 'inspection', article: SOURCE_INFO.inspection.article, findings: [''], deadlineKind: 'working_days', deadlineAmount: 15, majorRisk: false }}
          onFinish={onFinish}
          onValuesChange={(changed: Partial<Values>) => {
            // the source sets the article it enforces by default (it may be changed)
            if (changed.source) form.setFieldValue('article', SOURCE_INFO[changed.source].article);
          }}
        >
          <Form.Item name="source" label={t('source')} rules={[{ required: true, message: t('sourceRequired') }]}>
            <Select aria-label={t('source')} options={ORDER_SOURCES.map((s) => ({ value: s, label: `${tr(`source.${s}`)}(${SOURCE_INFO[s].article})` }))} />
          </Form.Item>
          <Form.Item name="targetOrgId" label={t('target')} extra={t('targetHint')} rules={[{ required: true, message: t('targetRequired') }]}>
            <Select
              aria-label={t('target')}
              loading={targets.isLoading}
              showSearch={{ optionFilterProp: 'label' }}
              notFoundContent={targets.isSuccess ? t('noTargets') : undefined}
              options={(targets.data ?? []).map((o) => ({ value: o.id, label: `${o.name}(${to(o.type)})` }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t('titleLabel')} rules={[{ required: true, whitespace: true, min: 2, message: t('titleRequired') }]}>
            <Input maxLength={200} aria-label={t('titleLabel')} />
          </Form.Item>
          <Form.List name="findings" rules={[{ validator: async (_r, v: string[]) => { if (!v?.length) throw new Error(t('findingsRequired')); } }]}>
            {(fields, { add, remove }, { errors }) => (
              <Form.Item label={t('findings')} required extra={t('findingsHint')}>
                {fields.map(({ key, ...f }, i) => (
                  <Space key={key} align="start" style={{ display: 'flex', marginBottom: 8 }}>
                    <Form.Item {...f} noStyle rules={[{ required: true, whitespace: true, min: 2, message: t('findingRequired') }]}>
                      <Input.TextArea rows={2} maxLength={2000} style={{ width: 620 }} aria-label={t('findingN', { n: i + 1 })} />
                    </Form.Item>
                    {fields.length > 1 && <Button icon={<DeleteOutlined />} aria-label={t('removeFinding', { n: i + 1 })} onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add('')}>{t('addFinding')}</Button>
                <Form.ErrorList errors={errors} />
              </Form.Item>
            )}
          </Form.List>
          <Form.Item name="article" label={t('article')} extra={<>{t('articleHint')} {article ? <Cite code={article} /> : null}</>} rules={[{ required: true, whitespace: true, message: t('articleRequired') }]}>
            <Input maxLength={32} style={{ width: 220 }} aria-label={t('article')} />
          </Form.Item>
          <Space align="start" wrap>
            <Form.Item name="deadlineKind" label={t('deadlineKind')} rules={[{ required: true }]}>
              <Radio.Group options={ORDER_DEADLINE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
            </Form.Item>
            <Form.Item name="deadlineAmount" label={t('deadlineAmount')} extra={kind === 'working_days' ? t('workingDaysHint') : t('calendarDaysHint')} rules={[{ required: true, message: t('deadlineRequired') }]}>
              <InputNumber min={DEADLINE_MIN} max={DEADLINE_MAX} precision={0} aria-label={t('deadlineAmount')} suffix={kind === 'working_days' ? t('workingDaysUnit') : t('daysUnit')} style={{ width: 160 }} />
            </Form.Item>
          </Space>
          <Form.Item name="sourceRef" label={t('sourceRef')} extra={t('sourceRefHint')}>
            <Input maxLength={200} aria-label={t('sourceRef')} />
          </Form.Item>
          <Form.Item name="majorRisk" valuePropName="checked" extra={<>{t('majorRiskHint')} <Cite code="HN-22 ¶2" /></>}>
            <Checkbox>{t('majorRisk')}</Checkbox>
          </Form.Item>
          {majorRisk && <Alert type="error" showIcon title={t('majorRiskWarning')} style={{ marginBottom: 16 }} />}
          <Space>
            <Button type="primary" htmlType="submit" loading={issue.isPending} danger={!!majorRisk}>{t('submit')}</Button>
            <Link href="/rectification"><Button>{t('cancel')}</Button></Link>
          </Space>
        </Form>
      </Card>
    </Space>
  );
}
