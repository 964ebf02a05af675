'use client';

import { App, Descriptions, Form, Input, Radio, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Cite } from '@/app/_components/citation';
import { FormModal } from '@/app/_components/form-modal';
import { useMutationError } from '@/app/_components/list-kit';
import type { PricingBasis } from '@/server/domain/filings-terms';
import { PRICING_BASES } from '@/server/domain/filings-terms';
import { useTRPC } from '@/server/trpc/react';
import type { RoundView } from './defaults';

interface Values {
  pricingBasis: PricingBasis;
  priceNote: string;
}

/**
 * HN-15 ¶2: 审核通过的…产品和服务按照公共数据资源登记管理要求登记,按照国家和省价格主管部门有关规定定价.
 * The name and description are the reviewed ones; the operator states the pricing basis.
 */
export function RegisterModal({ round, onClose }: { round: RoundView; onClose: () => void }) {
  const t = useTranslations('scenarios');
  const tr = useTranslations('scenarios.product.register');
  const trpc = useTRPC();
  const router = useRouter();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const basis = Form.useWatch('pricingBasis', form);
  const fail = useMutationError(trpc.scenario.pathKey());
  const register = useMutation(trpc.product.register.mutationOptions({
    onSuccess: (p) => {
      message.success(tr('done'));
      router.push(`/filings/products/${p.id}`);
    },
    onError: (e) => fail(e, form),
  }));
  return (
    <FormModal form={form} title={<>{tr('title')} <Cite code="HN-15.2">HN-15 ¶2</Cite></>} okText={tr('ok')} pending={register.isPending} onClose={onClose} width={640}
      initialValues={{ pricingBasis: 'public_free', priceNote: '' }}
      onFinish={(v) => register.mutate({ complianceReviewId: round.id, pricingBasis: v.pricingBasis, priceNote: v.priceNote || null })}>
      <Typography.Paragraph type="secondary">{tr('hint')} <Cite code="HN-10" /></Typography.Paragraph>
      <Descriptions size="small" bordered column={1} style={{ marginBottom: 16 }} items={[
        { key: 'name', label: t('compliance.productName'), children: round.productName },
        { key: 'desc', label: t('compliance.productDescription'), children: round.productDescription },
      ]} />
      <Form.Item name="pricingBasis" label={<>{tr('pricingBasis')} <Cite code="HN-15.2">HN-15 ¶2</Cite> <Cite code="HN-21.3">HN-21 ¶3</Cite></>} rules={[{ required: true, message: tr('pricingBasis') }]}>
        <Radio.Group aria-label={tr('pricingBasis')}>
          <Space orientation="vertical">
            {PRICING_BASES.map((b) => (
              <Radio key={b} value={b}>{t(`pricingBasis.${b}`)} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`pricingHint.${b}`)}</Typography.Text></Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="priceNote" label={tr('priceNote')} rules={[{ required: basis === 'gov_guided', whitespace: true, message: tr('priceNoteRequired') }]}>
        <Input.TextArea rows={2} maxLength={1000} aria-label={tr('priceNote')} />
      </Form.Item>
    </FormModal>
  );
}
