'use client';

import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Radio, Typography, Upload, type UploadFile } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { FormModal } from '@/app/_components/form-modal';
import { useMutationError } from '@/app/_components/list-kit';
import { routeError } from '@/app/_components/route-error';
import { DateItem } from '@/app/(console)/filings/plans/_components/filing-parts';
import type { OrderAction } from '@/server/routers/rectification/order-machine';
import { useTRPC } from '@/server/trpc/react';
import type { OrderDetail } from './defaults';

export type Step = OrderAction | 'progress' | 'requestExtension' | 'decideExtension';

/** Steps whose entry takes evidence files (attachments of the entry, HN-22 ¶2 整改证明材料). */
const WITH_FILES: readonly Step[] = ['submitPlan', 'progress', 'requestVerify'];
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.xlsx,.docx,.ofd';

interface Values {
  measures?: string;
  responsible?: string;
  plannedOn?: string;
  body?: string;
  percent?: number;
  reason?: string;
  requestedDueOn?: string;
  grant?: boolean;
}

/** Upload the chosen evidence files to the entry the step recorded; returns the names that failed. */
async function uploadEvidence(entryId: string, files: UploadFile[]): Promise<string[]> {
  const failed: string[] = [];
  for (const f of files) {
    const body = new FormData();
    body.set('entityType', 'rectification_entry');
    body.set('entityId', entryId);
    body.set('file', f.originFileObj as File);
    const res = await fetch('/api/attachments', { method: 'POST', body });
    if (!res.ok) failed.push(`${f.name}:${await routeError(res)}`);
  }
  return failed;
}

/**
 * The dialog of one step of an order (except accepting a plan, which is confirmed only): its fields,
 * with the server's field errors beside them, the evidence files for the target's entries, and a
 * warning for what the step does.
 */
export function StepDialog({ step, order, onClose }: { step: Step; order: OrderDetail; onClose: () => void }) {
  const t = useTranslations('rectification');
  const td = useTranslations(`rectification.dialogs.${step}`);
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const onError = useMutationError(trpc.rectification.pathKey());
  const finish = async (entryId: string | null | undefined) => {
    if (entryId && files.length) {
      setBusy(true);
      const failed = await uploadEvidence(entryId, files).finally(() => setBusy(false));
      if (failed.length) message.error(t('dialogs.uploadFailed', { files: failed.join(';') }));
    }
    message.success(t(`done.${step}`));
    await qc.invalidateQueries({ queryKey: trpc.rectification.pathKey() });
    onClose();
  };
  const opts = { onError: (err: unknown) => onError(err, form) };
  const m = {
    submitPlan: useMutation(trpc.rectification.submitPlan.mutationOptions({ ...opts, onSuccess: (r) => finish(r.entryId) })),
    returnPlan: useMutation(trpc.rectification.returnPlan.mutationOptions({ ...opts, onSuccess: () => finish(null) })),
    progress: useMutation(trpc.rectification.progress.mutationOptions({ ...opts, onSuccess: (r) => finish(r.entryId) })),
    requestVerify: useMutation(trpc.rectification.requestVerify.mutationOptions({ ...opts, onSuccess: (r) => finish(r.entryId) })),
    acceptVerify: useMutation(trpc.rectification.acceptVerify.mutationOptions({ ...opts, onSuccess: () => finish(null) })),
    returnVerify: useMutation(trpc.rectification.returnVerify.mutationOptions({ ...opts, onSuccess: () => finish(null) })),
    cancel: useMutation(trpc.rectification.cancel.mutationOptions({ ...opts, onSuccess: () => finish(null) })),
    requestExtension: useMutation(trpc.rectification.requestExtension.mutationOptions({ ...opts, onSuccess: () => finish(null) })),
    decideExtension: useMutation(trpc.rectification.decideExtension.mutationOptions({ ...opts, onSuccess: () => finish(null) })),
  };
  const ref = { id: order.id, version: order.version };
  const grant = Form.useWatch('grant', form);
  if (step === 'acceptPlan') return null;
  const pending = m[step].isPending || busy;

  const onFinish = (v: Values) => {
    switch (step) {
      case 'submitPlan':
        return m.submitPlan.mutate({ ...ref, measures: v.measures!, responsible: v.responsible!, plannedOn: v.plannedOn! });
      case 'returnPlan':
      case 'returnVerify':
      case 'cancel':
        return m[step].mutate({ ...ref, reason: v.reason! });
      case 'progress':
        return m.progress.mutate({ ...ref, body: v.body!, percent: v.percent ?? 0 });
      case 'requestVerify':
        return m.requestVerify.mutate({ ...ref, body: v.body! });
      case 'acceptVerify':
        return m.acceptVerify.mutate({ ...ref, body: v.body || null });
      case 'requestExtension':
        return m.requestExtension.mutate({ ...ref, requestedDueOn: v.requestedDueOn!, reason: v.reason! });
      case 'decideExtension':
        return m.decideExtension.mutate({ id: order.pendingExtension!.id, version: order.pendingExtension!.version, grant: !!v.grant, reason: v.reason || null });
    }
  };

  const text = (name: keyof Values, label: string, required: boolean, rows = 4) => (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, whitespace: true, min: 2, message: label }] : undefined}>
      <Input.TextArea rows={rows} maxLength={4000} showCount aria-label={label} />
    </Form.Item>
  );
  const article = step === 'cancel' || step.includes('Plan') || step.includes('Verify') ? order.article : 'HN-22 ¶2';

  return (
    <FormModal<Values>
      form={form}
      title={<>{t(`steps.${step}`)} <Cite code={article} /></>}
      okText={t(`steps.${step}`)}
      danger={step === 'cancel' || (step === 'decideExtension' && grant === false)}
      warning={td('warning')}
      width={640}
      pending={pending}
      onClose={onClose}
      initialValues={{ percent: 50, grant: true, requestedDueOn: step === 'requestExtension' ? dayjs(order.dueAt).add(15, 'day').format('YYYY-MM-DD') : undefined }}
      onFinish={onFinish}
    >
      {step === 'submitPlan' && (
        <>
          {text('measures', td('measures'), true, 5)}
          <Form.Item name="responsible" label={td('responsible')} rules={[{ required: true, whitespace: true, min: 2, message: td('responsible') }]}>
            <Input maxLength={100} aria-label={td('responsible')} />
          </Form.Item>
          <DateItem name="plannedOn" label={td('plannedOn')} extra={td('plannedOnHint', { due: dayjs(order.dueAt).format('YYYY-MM-DD') })} required message={td('plannedOn')} />
        </>
      )}
      {(step === 'returnPlan' || step === 'returnVerify' || step === 'cancel') && text('reason', td('reason'), true)}
      {step === 'progress' && (
        <>
          {text('body', td('body'), true)}
          <Form.Item name="percent" label={td('percent')} rules={[{ required: true, message: td('percent') }]}>
            <InputNumber min={0} max={100} precision={0} suffix="%" aria-label={td('percent')} style={{ width: 140 }} />
          </Form.Item>
        </>
      )}
      {step === 'requestVerify' && text('body', td('body'), true)}
      {step === 'acceptVerify' && text('body', td('body'), false, 3)}
      {step === 'requestExtension' && (
        <>
          <DateItem name="requestedDueOn" label={td('requestedDueOn')} extra={td('requestedDueOnHint', { due: dayjs(order.dueAt).format('YYYY-MM-DD') })} required message={td('requestedDueOn')} />
          {text('reason', td('reason'), true)}
        </>
      )}
      {step === 'decideExtension' && order.pendingExtension && (
        <>
          <Typography.Paragraph>{td('request', { date: order.pendingExtension.requestedDueOn, reason: order.pendingExtension.reason })}</Typography.Paragraph>
          <Form.Item name="grant" label={td('decision')}>
            <Radio.Group options={[{ value: true, label: td('grant') }, { value: false, label: td('refuse') }]} />
          </Form.Item>
          {text('reason', grant === false ? td('reasonRequired') : td('reasonOptional'), grant === false, 3)}
        </>
      )}
      {WITH_FILES.includes(step) && (
        <Form.Item label={t('dialogs.files')} extra={t('dialogs.filesHint')}>
          <Upload
            accept={ACCEPT}
            multiple
            fileList={files}
            beforeUpload={(f) => {
              setFiles((list) => [...list, { uid: f.uid, name: f.name, size: f.size, type: f.type, originFileObj: f }]);
              return false;
            }}
            onRemove={(f) => setFiles((list) => list.filter((x) => x.uid !== f.uid))}
          >
            <Button icon={<UploadOutlined />}>{t('dialogs.chooseFiles')}</Button>
          </Upload>
        </Form.Item>
      )}
    </FormModal>
  );
}
