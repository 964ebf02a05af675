'use client';

import { Alert, App, Button, Card, Form, InputNumber, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { applyServerErrors } from '@/app/_components/use-form-errors';
import { useTRPC } from '@/server/trpc/react';

type Field = 'lockoutThreshold' | 'lockoutMinutes' | 'idleTimeoutMinutes' | 'passwordMinLength' | 'passwordMinClasses' | 'passwordHistory';
type Unit = 'times' | 'minutes' | 'chars' | 'classes' | 'passwords';
type Values = Record<Field, number>;

/** The order the secadmin reads them in: login protection, then sessions, then passwords. */
const FIELDS: { name: Field; unit: Unit }[] = [
  { name: 'lockoutThreshold', unit: 'times' },
  { name: 'lockoutMinutes', unit: 'minutes' },
  { name: 'idleTimeoutMinutes', unit: 'minutes' },
  { name: 'passwordMinLength', unit: 'chars' },
  { name: 'passwordMinClasses', unit: 'classes' },
  { name: 'passwordHistory', unit: 'passwords' },
];

/** One line per setting: the field (label, input, help), the value in force, the baseline, the check. */
const GRID: React.CSSProperties = { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 110px 150px 96px', columnGap: 16, maxWidth: 1000 };
// aligned with the input, below the label of a vertical form item
const CELL: React.CSSProperties = { paddingTop: 30, lineHeight: '32px', whiteSpace: 'nowrap' };

export function PolicyForm() {
  const t = useTranslations('security.policy');
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [conflict, setConflict] = useState(false);
  const { data, refetch, isFetching } = useQuery(trpc.security.policy.get.queryOptions());
  const watched = Form.useWatch([], form) as Partial<Values> | undefined;
  const version = data?.version;
  // A new version (saved here, or loaded by "refresh" after a conflict) becomes the form's values.
  useEffect(() => {
    if (version !== undefined) form.resetFields();
  }, [version, form]);

  const mutation = useMutation(
    trpc.security.policy.update.mutationOptions({
      onSuccess: async () => {
        message.success(t('saved'));
        await qc.invalidateQueries({ queryKey: trpc.security.pathKey() });
      },
      onError: (err) => {
        if (err.data?.code === 'CONFLICT') {
          setConflict(true);
          return;
        }
        const msg = applyServerErrors(form, err);
        if (msg) message.error(msg);
      },
    }),
  );

  if (!data) return null;
  const unit = (u: Unit) => t(`units.${u}`);
  const weaker = (name: Field, v: number | null | undefined) => {
    const b = data.baseline[name];
    if (v === null || v === undefined) return false;
    return b.stricter === 'lower' ? v > b.value : v < b.value;
  };
  const weakerFields = FIELDS.filter((f) => weaker(f.name, watched?.[f.name]));

  const submit = (values: Values) => {
    const save = () => mutation.mutate({ ...values, version: data.version });
    if (weakerFields.length === 0) return save();
    modal.confirm({
      title: t('confirmWeakerTitle'),
      content: t('confirmWeaker', { fields: weakerFields.map((f) => t(`fields.${f.name}`)).join('、') }),
      okText: t('saveAnyway'),
      okButtonProps: { danger: true },
      onOk: save,
    });
  };

  const refresh = async () => {
    await refetch();
    setConflict(false);
  };

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}
      extra={
        <Typography.Text data-testid="active-sessions">
          {t('activeSessions')}<Typography.Text strong style={{ fontSize: 18, marginLeft: 8 }}>{data.activeSessions}</Typography.Text>
        </Typography.Text>
      }
    >
      <Typography.Paragraph type="secondary" style={{ maxWidth: 860 }}>{t('intro')}</Typography.Paragraph>
      {conflict && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('conflict')}
          action={<Button size="small" onClick={refresh} loading={isFetching}>{t('refresh')}</Button>}
          style={{ marginBottom: 16 }}
        />
      )}
      {weakerFields.length > 0 && (
        <Alert type="warning" showIcon title={t('weakerWarning', { n: weakerFields.length })} style={{ marginBottom: 16 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={Object.fromEntries(FIELDS.map((f) => [f.name, data[f.name]]))}
        onFinish={submit}
        requiredMark={false}
      >
        <div style={{ ...GRID, borderBottom: '1px solid #f0f0f0', marginBottom: 12, paddingBottom: 8 }}>
          <Typography.Text strong>{t('colItem')}</Typography.Text>
          <Typography.Text strong>{t('colCurrent')}</Typography.Text>
          <Typography.Text strong>{t('colBaseline')}</Typography.Text>
          <Typography.Text strong>{t('colStatus')}</Typography.Text>
        </div>
        {FIELDS.map((f) => {
          const limits = data.limits[f.name];
          const base = data.baseline[f.name];
          const value = watched?.[f.name];
          return (
            <div key={f.name} style={{ ...GRID, borderBottom: '1px solid #f5f5f5', marginBottom: 12 }}>
              <Form.Item
                label={t(`fields.${f.name}`)}
                name={f.name}
                extra={t(`help.${f.name}`)}
                rules={[{ required: true, message: t('required') }]}
                style={{ marginBottom: 12 }}
              >
                <InputNumber min={limits.min} max={limits.max} precision={0} suffix={unit(f.unit)} style={{ width: 160 }} />
              </Form.Item>
              <div style={CELL} data-testid={`current-${f.name}`}>{data[f.name]} {unit(f.unit)}</div>
              <div style={CELL}>{t(base.stricter === 'lower' ? 'atMost' : 'atLeast', { value: base.value, unit: unit(f.unit) })}</div>
              <div style={CELL}>
                {value === null || value === undefined ? null : weaker(f.name, value)
                  ? <Tag color="error">{t('weaker')}</Tag>
                  : <Tag color="success">{t('meets')}</Tag>}
              </div>
            </div>
          );
        })}
        <Space style={{ marginTop: 8 }}>
          <Button type="primary" htmlType="submit" loading={mutation.isPending} disabled={conflict}>{t('save')}</Button>
          <Button onClick={() => form.resetFields()}>{t('reset')}</Button>
          <Typography.Text type="secondary">{t('version', { v: data.version })}</Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}
