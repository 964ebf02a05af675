'use client';

import { Alert, App, Button, Card, Descriptions, Form, Input, Radio, Space, Table, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Attachments } from '@/app/_components/attachments';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { useMutationError, useMutationFeedback } from '@/app/_components/list-kit';
import type { Checkpoint } from '@/server/domain/filings-terms';
import { CHECKPOINTS } from '@/server/domain/filings-terms';
import { useTRPC } from '@/server/trpc/react';
import type { RoundView } from './defaults';
import { RegisterModal } from './register-modal';
import { RejectModal } from './reject-modal';
import { StatusTag } from './tags';

type Checkpoints = RoundView['checkpoints'];

/**
 * One round of the compliance review before release (HN-15 ¶2): the five checkpoints with their
 * results and remarks, the reason and basis of a rejection, the evidence files, and the steps the
 * caller may take on it (record, approve, reject; withdraw, register).
 */
export function ComplianceRound({ round }: { round: RoundView }) {
  const t = useTranslations('scenarios');
  const tc = useTranslations('scenarios.compliance');
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const [recording, setRecording] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [registering, setRegistering] = useState(false);
  const [form] = Form.useForm<{ checkpoints: Checkpoints }>();
  const key = trpc.scenario.pathKey();
  const { done, onError } = useMutationFeedback(key, { form, onDone: () => { setRecording(false); setRejecting(false); } });
  const record = useMutation(trpc.scenario.compliance.record.mutationOptions({ onSuccess: () => done(tc('done.record')), onError }));
  const approve = useMutation(trpc.scenario.compliance.approve.mutationOptions({ onSuccess: () => done(tc('done.approve')), onError }));
  const reject = useMutation(trpc.scenario.compliance.reject.mutationOptions());
  const fail = useMutationError(key);
  const withdraw = useMutation(trpc.scenario.compliance.withdraw.mutationOptions({ onSuccess: () => done(tc('done.withdraw')), onError }));
  const ref = { id: round.id, version: round.version };
  const allPassed = CHECKPOINTS.every((c) => round.checkpoints[c]?.result === 'pass');
  const has = (a: RoundView['actions'][number]) => round.actions.includes(a);

  const confirm = (title: string, content: string, run: () => Promise<unknown>) =>
    modal.confirm({ title, content, okText: title, onOk: () => run().catch(() => undefined) });

  const results = (
    <Table
      rowKey="key"
      size="small"
      pagination={false}
      data-testid={`round-${round.round}-checkpoints`}
      dataSource={CHECKPOINTS.map((c) => ({ key: c, ...round.checkpoints[c] }))}
      columns={[
        { title: tc('checkpoint'), dataIndex: 'key', render: (c: Checkpoint) => <><Typography.Text strong>{t(`checkpoint.${c}`)}</Typography.Text><br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`checkpointHint.${c}`)}</Typography.Text></> },
        { title: tc('result'), dataIndex: 'result', width: 110, render: (r: string | null) => <StatusTag kind="result" status={r ?? 'none'} /> },
        { title: tc('remark'), dataIndex: 'remark', render: (v: string) => v || '—' },
      ]}
    />
  );

  const recorder = (
    <Form form={form} layout="vertical" initialValues={{ checkpoints: round.checkpoints }} data-testid={`round-${round.round}-record`}
      onFinish={(v) => record.mutate({ ...ref, checkpoints: v.checkpoints })}>
      {CHECKPOINTS.map((c) => {
        const name = t(`checkpoint.${c}`);
        return (
          <Card key={c} size="small" style={{ marginBottom: 8 }} title={<>{name} <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>{t(`checkpointHint.${c}`)}</Typography.Text></>}>
            <Space align="start" wrap style={{ width: '100%' }}>
              <Form.Item name={['checkpoints', c, 'result']} rules={[{ required: true, message: tc('resultRequired') }]} style={{ marginBottom: 0 }}>
                <Radio.Group aria-label={tc('resultLabel', { name })} optionType="button" buttonStyle="solid"
                  options={[{ value: 'pass', label: t('result.pass') }, { value: 'fail', label: t('result.fail') }]} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate={(a, b) => a.checkpoints?.[c]?.result !== b.checkpoints?.[c]?.result}>
                {({ getFieldValue }) => (
                  <Form.Item name={['checkpoints', c, 'remark']} style={{ marginBottom: 0, minWidth: 420 }}
                    rules={[{ required: getFieldValue(['checkpoints', c, 'result']) === 'fail', whitespace: true, message: tc('remarkRequired') }]}>
                    <Input.TextArea rows={1} autoSize maxLength={500} placeholder={tc('remark')} aria-label={tc('remarkLabel', { name })} />
                  </Form.Item>
                )}
              </Form.Item>
            </Space>
          </Card>
        );
      })}
      <Space>
        <Button type="primary" htmlType="submit" loading={record.isPending}>{tc('actions.save')}</Button>
        <Button onClick={() => setRecording(false)}>{tc('actions.cancel')}</Button>
      </Space>
    </Form>
  );

  return (
    <Card
      size="small"
      data-testid={`round-${round.round}`}
      title={<Space wrap><span>{tc('round', { round: round.round })}</span><span>{round.productName}</span><StatusTag kind="roundStatus" status={round.status} testId={`round-${round.round}-status`} /></Space>}
      extra={
        <Space wrap>
          {has('record') && !recording && <Button onClick={() => setRecording(true)}>{tc('actions.record')}</Button>}
          {has('approve') && !recording && (
            <Button type="primary" disabled={!allPassed} title={allPassed ? undefined : tc('notAllPassed')} loading={approve.isPending}
              onClick={() => confirm(tc('actions.approve'), tc('confirm.approve'), () => approve.mutateAsync(ref))}>{tc('actions.approve')}</Button>
          )}
          {has('reject') && !recording && <Button danger onClick={() => setRejecting(true)}>{tc('actions.reject')}</Button>}
          {has('withdraw') && <Button onClick={() => confirm(tc('actions.withdraw'), tc('confirm.withdraw'), () => withdraw.mutateAsync(ref))}>{tc('actions.withdraw')}</Button>}
          {has('register') && <Button type="primary" onClick={() => setRegistering(true)}>{tc('actions.register')}</Button>}
        </Space>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {round.status === 'rejected' && (
          <Alert type="error" showIcon data-testid={`round-${round.round}-rejection`} title={<>{tc('rejected')} <Cite code="HN-15.2">HN-15 ¶2</Cite></>}
            description={<><div>{t('scenario.detail.rejectedReason', { reason: round.reason ?? '' })}</div><div>{t('scenario.detail.rejectedBasis', { basis: round.basis ?? '' })}</div></>} />
        )}
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'desc', label: tc('productDescription'), children: round.productDescription, span: 'filled' },
          { key: 'at', label: tc('submittedAt'), children: fmtDateTime(round.createdAt) },
          { key: 'by', label: tc('reviewedBy'), children: round.reviewedBy ? `${round.reviewedBy} · ${fmtDateTime(round.reviewedAt)}` : '—' },
        ]} />
        {recording ? recorder : results}
        <div>
          <Typography.Text strong>{tc('evidence')}</Typography.Text>
          <Attachments entityType="compliance_review" entityId={round.id} />
        </div>
      </Space>
      {rejecting && (
        <RejectModal title={`${tc('actions.reject')} · ${tc('round', { round: round.round })}`} pending={reject.isPending} onClose={() => setRejecting(false)}
          onSubmit={(v, f) => reject.mutate({ ...ref, ...v }, { onSuccess: () => done(tc('done.reject')), onError: (e) => fail(e, f) })} />
      )}
      {registering && <RegisterModal round={round} onClose={() => setRegistering(false)} />}
    </Card>
  );
}
