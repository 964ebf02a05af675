'use client';

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Cite } from '@/app/_components/citation';
import { useMutationFeedback } from '@/app/_components/list-kit';
import { FORMATS, GRADES, gradeOf, ITEM_TYPES, OPEN_TYPES, SHARE_TYPES, UPDATE_CYCLES } from '@/server/domain/catalog-terms';
import { useTRPC } from '@/server/trpc/react';
import type { ResourceDetail } from './defaults';
import { GradeTag } from './tags';

interface ItemValues {
  id?: string | null;
  name: string;
  fieldCode?: string | null;
  dataType: (typeof ITEM_TYPES)[number];
  description?: string;
  sensitive?: boolean;
  grade: (typeof GRADES)[number];
  sourceResolution?: 'link' | 'second' | null;
  justification?: string | null;
}
interface Values {
  code: string;
  name: string;
  providerOrgId: string;
  summary?: string;
  format: (typeof FORMATS)[number];
  updateCycle: (typeof UPDATE_CYCLES)[number];
  shareType: (typeof SHARE_TYPES)[number];
  shareCondition?: string | null;
  openType: (typeof OPEN_TYPES)[number];
  items: ItemValues[];
}

const NEW_ITEM: Partial<ItemValues> = { dataType: 'string', grade: 'general', sensitive: false };

/**
 * The resource form (HN-9), for a new resource and for the working copy of an existing one. The
 * grade shown is the highest item grade, as the server computes it; an item that repeats another
 * provider's item (一数一源) shows the match and asks how it is resolved.
 */
export function ResourceForm({ resource }: { resource?: ResourceDetail }) {
  const t = useTranslations('catalog');
  const tf = useTranslations('catalog.form');
  const trpc = useTRPC();
  const router = useRouter();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const providers = useQuery(trpc.catalog.resource.providerOptions.queryOptions());
  const { done, onError } = useMutationFeedback(trpc.catalog.pathKey(), { form });
  const create = useMutation(trpc.catalog.resource.create.mutationOptions({
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: trpc.catalog.pathKey() });
      router.push(`/catalog/${r.id}`);
    },
    onError,
  }));
  const update = useMutation(trpc.catalog.resource.update.mutationOptions({ onSuccess: () => done(tf('saved')), onError }));
  const items = Form.useWatch('items', form) as ItemValues[] | undefined;
  const shareType = Form.useWatch('shareType', form);
  const conflicts = new Map((resource?.items ?? []).filter((i) => i.conflict).map((i) => [i.id, i.conflict!]));
  const unresolved = (resource?.items ?? []).filter((i) => i.conflict && !i.sourceResolution).length;

  const initial: Partial<Values> = resource
    ? {
        code: resource.code, name: resource.name, providerOrgId: resource.providerOrgId, summary: resource.summary, format: resource.format as Values['format'],
        updateCycle: resource.updateCycle as Values['updateCycle'], shareType: resource.shareType as Values['shareType'], shareCondition: resource.shareCondition,
        openType: resource.openType as Values['openType'],
        items: resource.items.map((i) => ({ ...i, dataType: i.dataType as ItemValues['dataType'], grade: i.grade as ItemValues['grade'], sourceResolution: i.sourceResolution as ItemValues['sourceResolution'] })),
      }
    : { format: 'table', updateCycle: 'daily', shareType: 'conditional', openType: 'closed', items: [{ ...NEW_ITEM } as ItemValues] };

  const onFinish = (v: Values) => {
    const payload = { ...v, summary: v.summary ?? '', items: v.items.map((i) => ({ ...i, description: i.description ?? '', sensitive: !!i.sensitive })) };
    if (resource) update.mutate({ ...payload, id: resource.id, version: resource.version });
    else create.mutate(payload);
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={onFinish} scrollToFirstError data-testid="resource-form">
      {resource?.status === 'published' && <Alert type="warning" showIcon title={tf('publishedEditWarning')} style={{ marginBottom: 16 }} />}
      {unresolved > 0 && <Alert type="error" showIcon data-testid="unresolved-warning" title={<>{tf('unresolvedWarning', { n: unresolved })} <Cite code="HN-9" /></>} style={{ marginBottom: 16 }} />}
      <Card size="small" title={tf('basic')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}><Form.Item name="code" label={tf('code')} extra={tf('codeHint')} rules={[{ required: true, message: tf('code') }]}><Input maxLength={64} /></Form.Item></Col>
          <Col xs={24} md={8}><Form.Item name="name" label={tf('name')} rules={[{ required: true, message: tf('name') }]}><Input maxLength={100} /></Form.Item></Col>
          <Col xs={24} md={8}>
            <Form.Item name="providerOrgId" label={tf('provider')} extra={<>{tf('providerHint')}</>} rules={[{ required: true, message: tf('provider') }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} loading={providers.isLoading} options={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))} aria-label={tf('provider')} />
            </Form.Item>
          </Col>
          <Col span={24}><Form.Item name="summary" label={tf('summary')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="format" label={tf('format')} rules={[{ required: true }]}><Select aria-label={tf('format')} options={FORMATS.map((v) => ({ value: v, label: t(`format.${v}`) }))} /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="updateCycle" label={tf('updateCycle')} rules={[{ required: true }]}><Select aria-label={tf('updateCycle')} options={UPDATE_CYCLES.map((v) => ({ value: v, label: t(`updateCycle.${v}`) }))} /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="shareType" label={tf('shareType')} rules={[{ required: true }]}><Select aria-label={tf('shareType')} options={SHARE_TYPES.map((v) => ({ value: v, label: t(`shareType.${v}`) }))} /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="openType" label={tf('openType')} rules={[{ required: true }]}><Select aria-label={tf('openType')} options={OPEN_TYPES.map((v) => ({ value: v, label: t(`openType.${v}`) }))} /></Form.Item></Col>
          {shareType && shareType !== 'unconditional' && (
            <Col span={24}>
              <Form.Item name="shareCondition" label={shareType === 'none' ? tf('shareBasis') : tf('shareCondition')} rules={[{ required: true, message: shareType === 'none' ? tf('shareBasis') : tf('shareCondition') }]}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
          )}
          <Col span={24}>
            <Space>
              <Typography.Text type="secondary">{tf('gradeComputed')}:</Typography.Text>
              <span data-testid="computed-grade"><GradeTag grade={gradeOf((items ?? []).filter(Boolean))} /></span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('gradeHint')}</Typography.Text>
            </Space>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={tf('itemsTitle')}>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.length === 0 && <Typography.Paragraph type="secondary">{tf('noItems')}</Typography.Paragraph>}
              {fields.map((f, idx) => {
                const id = items?.[idx]?.id;
                const c = id ? conflicts.get(id) : undefined;
                const resolution = items?.[idx]?.sourceResolution;
                return (
                  <div key={f.key} data-testid={`item-${idx}`} style={{ borderBottom: '1px solid #f0f0f0', paddingTop: 8, marginBottom: 8 }}>
                    <Form.Item name={[f.name, 'id']} hidden><Input /></Form.Item>
                    <Row gutter={8} align="top">
                      <Col xs={24} md={5}><Form.Item name={[f.name, 'name']} label={idx === 0 ? tf('itemName') : undefined} rules={[{ required: true, message: tf('itemName') }]}><Input placeholder={tf('itemName')} aria-label={`${tf('itemName')} ${idx + 1}`} maxLength={100} /></Form.Item></Col>
                      <Col xs={12} md={4}><Form.Item name={[f.name, 'fieldCode']} label={idx === 0 ? tf('fieldCode') : undefined}><Input placeholder="USCC" aria-label={`${tf('fieldCode')} ${idx + 1}`} maxLength={64} /></Form.Item></Col>
                      <Col xs={12} md={3}><Form.Item name={[f.name, 'dataType']} label={idx === 0 ? tf('dataType') : undefined} rules={[{ required: true }]}><Select aria-label={`${tf('dataType')} ${idx + 1}`} options={ITEM_TYPES.map((v) => ({ value: v, label: t(`dataType.${v}`) }))} /></Form.Item></Col>
                      <Col xs={12} md={3}><Form.Item name={[f.name, 'grade']} label={idx === 0 ? tf('itemGrade') : undefined} rules={[{ required: true }]}><Select aria-label={`${tf('itemGrade')} ${idx + 1}`} options={GRADES.map((v) => ({ value: v, label: t(`grade.${v}`) }))} /></Form.Item></Col>
                      <Col xs={6} md={2}><Form.Item name={[f.name, 'sensitive']} valuePropName="checked" label={idx === 0 ? tf('sensitive') : undefined}><Checkbox aria-label={`${tf('sensitive')} ${idx + 1}`} /></Form.Item></Col>
                      <Col xs={18} md={6}><Form.Item name={[f.name, 'description']} label={idx === 0 ? tf('description') : undefined}><Input placeholder={tf('description')} maxLength={500} /></Form.Item></Col>
                      <Col xs={24} md={1}><Form.Item label={idx === 0 ? ' ' : undefined}><Button type="text" danger icon={<DeleteOutlined />} aria-label={`${tf('remove')} ${idx + 1}`} onClick={() => remove(f.name)} disabled={fields.length === 1} /></Form.Item></Col>
                    </Row>
                    {c && (
                      <Alert
                        type={resolution ? 'info' : 'error'}
                        data-testid={`conflict-${idx}`}
                        style={{ marginBottom: 8 }}
                        title={tf('conflictWith', { provider: c.providerName, resource: c.resourceName, code: c.resourceCode, item: c.itemName })}
                        description={
                          <Row gutter={8}>
                            <Col xs={24} md={10}>
                              <Form.Item name={[f.name, 'sourceResolution']} label={tf('resolution')} style={{ marginBottom: 0 }}>
                                <Radio.Group options={[{ value: 'link', label: tf('link') }, { value: 'second', label: tf('second') }]} />
                              </Form.Item>
                            </Col>
                            {resolution === 'second' && (
                              <Col xs={24} md={14}>
                                <Form.Item name={[f.name, 'justification']} label={tf('justification')} rules={[{ required: true, min: 5, message: tf('justification') }]} style={{ marginBottom: 0 }}>
                                  <Input maxLength={500} />
                                </Form.Item>
                              </Col>
                            )}
                          </Row>
                        }
                      />
                    )}
                  </div>
                );
              })}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ ...NEW_ITEM })} block>{tf('addItem')}</Button>
            </>
          )}
        </Form.List>
      </Card>
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>{tf('saveDraft')}</Button>
        {!resource && <Button onClick={() => router.push('/catalog')}>{t('detail.back')}</Button>}
      </Space>
    </Form>
  );
}
