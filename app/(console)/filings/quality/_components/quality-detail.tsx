'use client';

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Tabs, Timeline, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { Attachments } from '@/app/_components/attachments';
import { Cite } from '@/app/_components/citation';
import { FormModal } from '@/app/_components/form-modal';
import { fmtDateTime } from '@/app/_components/format';
import { useMutationFeedback } from '@/app/_components/list-kit';
import { QueryErrorView } from '@/app/_components/query-error';
import { FilingTimeline } from '@/app/_components/timeline';
import { useTRPC } from '@/server/trpc/react';
import type { QualityDetail } from './defaults';
import { ClockTag, LateTag, QualityStatusTag } from './tags';

type Action = QualityDetail['actions'][number];
/** Steps that carry a message (the others are confirmed only). */
type MessageAction = Exclude<Action, 'close'>;

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' };
const DANGER: readonly Action[] = ['withdraw', 'reopen'];

/** One request: the HN-16 clock, the exchange between operator and provider, files, and the timeline. */
export function QualityDetailView({ id }: { id: string }) {
  const t = useTranslations('reports.quality');
  const td = useTranslations('reports.quality.detail');
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const q = useQuery(trpc.quality.get.queryOptions({ id }));
  const [asking, setAsking] = useState<MessageAction | null>(null);
  const [form] = Form.useForm<{ body: string }>();
  const { done, onError } = useMutationFeedback(trpc.quality.pathKey(), { form, onDone: () => setAsking(null) });
  const opts = (a: Action) => ({ onSuccess: () => done(t(`done.${a}`)), onError });
  const m = {
    clarify: useMutation(trpc.quality.clarify.mutationOptions(opts('clarify'))),
    reply: useMutation(trpc.quality.reply.mutationOptions(opts('reply'))),
    answer: useMutation(trpc.quality.answer.mutationOptions(opts('answer'))),
    close: useMutation(trpc.quality.close.mutationOptions(opts('close'))),
    reopen: useMutation(trpc.quality.reopen.mutationOptions(opts('reopen'))),
    withdraw: useMutation(trpc.quality.withdraw.mutationOptions(opts('withdraw'))),
  };

  if (q.error) return <QueryErrorView error={q.error} />;
  if (!q.data) return <Card loading />;
  const r = q.data;
  const ref = { id: r.id, version: r.version };

  const act = (a: Action) => {
    if (a !== 'close') return setAsking(a);
    modal.confirm({
      title: t('actions.close'),
      content: t('dialogs.close'),
      okText: t('actions.close'),
      onOk: () => m.close.mutateAsync({ ...ref, body: null }).catch(() => undefined),
    });
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link href="/filings/quality"><ArrowLeftOutlined /> {td('back')}</Link>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="quality-title">{r.resourceName}</Typography.Title>
            <Typography.Text type="secondary" style={mono}>{r.resourceCode}</Typography.Text>
            <QualityStatusTag status={r.status} testId="quality-status" />
            {r.late && <LateTag />}
          </Space>
        }
        extra={
          <Space wrap>
            {r.actions.map((a) => (
              <Button key={a} type={a === 'answer' || a === 'reply' || a === 'close' ? 'primary' : 'default'} danger={DANGER.includes(a)} onClick={() => act(a)} loading={m[a].isPending}>
                {t(`actions.${a}`)}
              </Button>
            ))}
          </Space>
        }
      >
        <ClockPanel r={r} />
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 16 }} items={[
          { key: 'provider', label: td('provider'), children: r.providerName },
          { key: 'owner', label: td('owner'), children: r.ownerName },
          { key: 'operator', label: td('operator'), children: r.operatorName },
          { key: 'subject', label: td('subject'), children: `${t(`subject.${r.subject}`)}${r.itemName ? `:${r.itemName}` : ''}` },
          { key: 'created', label: td('createdAt'), children: fmtDateTime(r.createdAt) },
          { key: 'answered', label: td('answeredAt'), children: fmtDateTime(r.answeredAt) },
          { key: 'description', label: td('description'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.description}</span>, span: 'filled' },
          ...(r.answer ? [{ key: 'answer', label: td('answer'), children: <span style={{ whiteSpace: 'pre-wrap' }} data-testid="quality-answer">{r.answer}</span>, span: 'filled' as const }] : []),
        ]} />
        <Tabs items={[
          { key: 'exchange', label: td('exchange'), children: <Exchange messages={r.messages} /> },
          { key: 'files', label: td('files'), children: <Attachments entityType="quality_request" entityId={r.id} /> },
          { key: 'timeline', label: td('timeline'), children: <FilingTimeline events={r.timeline.events} files={r.timeline.files} label={(a) => t.has(`events.${a.split('.')[1]}`) ? t(`events.${a.split('.')[1]}`) : a} /> },
        ]} />
      </Card>
      {asking && (
        <FormModal<{ body: string }>
          form={form}
          title={<>{t(`actions.${asking}`)} <Cite code="HN-16" /></>}
          okText={t(`actions.${asking}`)}
          danger={DANGER.includes(asking)}
          warning={t(`dialogs.${asking}.warning`)}
          pending={m[asking].isPending}
          onClose={() => setAsking(null)}
          initialValues={{ body: '' }}
          onFinish={(v) => m[asking].mutate({ ...ref, body: v.body })}
        >
          <Form.Item name="body" label={t(`dialogs.${asking}.label`)} rules={[{ required: true, whitespace: true, min: 2, message: t(`dialogs.${asking}.label`) }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount aria-label={t(`dialogs.${asking}.label`)} />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}

/** Where the HN-16 clock stands, in words. */
function ClockPanel({ r }: { r: QualityDetail }) {
  const t = useTranslations('reports.quality.detail');
  if (!r.clock || r.status === 'closed' || r.status === 'withdrawn') return null;
  const type = r.clock.status === 'overdue' ? 'error' : r.clock.status === 'paused' ? 'warning' : r.clock.status === 'done' ? 'success' : 'info';
  return (
    <Alert
      type={type}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="clock-panel"
      title={<Space wrap>{t(`clockState.${r.clock.status}`)}<ClockTag clock={r.clock} /></Space>}
      description={<>{t('clockHint', { due: fmtDateTime(r.clock.dueAt) })} <Cite code="HN-16" /></>}
    />
  );
}

/** The messages between the operator and the provider, in order. */
function Exchange({ messages }: { messages: QualityDetail['messages'] }) {
  const t = useTranslations('reports.quality.message');
  return (
    <Timeline items={messages.map((msg) => ({
      key: msg.id,
      content: (
        <div data-testid="quality-message">
          <Typography.Text strong>{t(msg.kind)}</Typography.Text>
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{fmtDateTime(msg.createdAt)} · {msg.authorName}({msg.orgName})</Typography.Text>
          <div style={{ whiteSpace: 'pre-wrap' }}>{msg.body}</div>
        </div>
      ),
    }))} />
  );
}
