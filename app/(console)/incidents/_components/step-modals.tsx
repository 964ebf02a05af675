'use client';

import { Alert, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Switch, type FormInstance } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Cite } from '@/app/_components/citation';
import { FormModal } from '@/app/_components/form-modal';
import { fmtDateTime } from '@/app/_components/format';
import { useMutationFeedback } from '@/app/_components/list-kit';
import {
  incidentRecipients, INCIDENT_TYPES, NOTIFY_CHANNELS, NOTIFY_ITEMS, SEVERITIES, SUMMARY_FIELDS, type IncidentType, type Severity,
} from '@/server/domain/incidents';
import { useTRPC } from '@/server/trpc/react';
import { fromWallClock, type Grading, type IncidentDetail } from './defaults';
import { DateTimeItem, GradingHelp } from './fields';

/** The dialogs of an incident's steps: follow-up, notification, end of handling, summary, closure review, rectification order. */

type Props = { r: IncidentDetail; onClose: () => void };
const ref = (r: IncidentDetail) => ({ id: r.id, version: r.version });
const articleOf = (r: IncidentDetail) => (r.regime === 'ID' ? 'ID-12 ¶3' : 'HN-18');

function useStep(onClose: () => void, form: FormInstance) {
  const trpc = useTRPC();
  return { trpc, ...useMutationFeedback(trpc.incident.pathKey(), { form, onDone: onClose }) };
}

interface FollowUpValues {
  body: string;
  type: IncidentType;
  severity: Severity;
  severityReason?: string;
  measures?: string;
  processingStoppedAt?: string | null;
  personalInfoPeople?: number | null;
  peopleAffected?: number | null;
  directLossYuan?: number | null;
  crimeSuspected: boolean;
}

/** 续报: what is new, facts and grade; a new grade needs its reason; recipients the rules now require are added. */
export function FollowUpModal({ r, policy, onClose }: Props & { policy: Grading | undefined }) {
  const t = useTranslations('incidents.followUp');
  const ti = useTranslations('incidents');
  const [form] = Form.useForm<FollowUpValues>();
  const { trpc, done, onError } = useStep(onClose, form);
  const m = useMutation(trpc.incident.followUp.mutationOptions({ onSuccess: () => done(t('done')), onError }));
  const severity = Form.useWatch('severity', form) ?? r.severity;
  const type = Form.useWatch('type', form) ?? r.type;
  const crime = Form.useWatch('crimeSuspected', form) ?? r.crimeSuspected;
  const have = new Set(r.recipients.map((x) => x.kind));
  const adds = incidentRecipients({ regime: r.regime as 'HN' | 'ID', type: type as IncidentType, severity: severity as Severity, crimeSuspected: !!crime })
    .filter((x) => !have.has(x.kind) && !(x.kind === 'agency' && !r.agencyName));
  return (
    <FormModal<FollowUpValues>
      form={form}
      title={<>{t('title')} <Cite code={articleOf(r)} /></>}
      okText={t('submit')}
      width={720}
      pending={m.isPending}
      onClose={onClose}
      initialValues={{
        type: r.type as IncidentType, severity: r.severity as Severity, personalInfoPeople: r.personalInfoPeople, peopleAffected: r.peopleAffected,
        directLossYuan: r.directLossYuan, crimeSuspected: r.crimeSuspected, processingStoppedAt: null,
      }}
      onFinish={(v) => m.mutate({
        ...ref(r), body: v.body, type: v.type, severity: v.severity, severityReason: v.severity !== r.severity ? v.severityReason : null,
        measures: v.measures || null, processingStoppedAt: fromWallClock(v.processingStoppedAt),
        personalInfoPeople: v.personalInfoPeople ?? null, peopleAffected: v.peopleAffected ?? null, directLossYuan: v.directLossYuan ?? null, crimeSuspected: v.crimeSuspected,
      })}
    >
      <Form.Item name="body" label={t('body')} rules={[{ required: true, whitespace: true, min: 2, message: t('bodyRequired') }]}>
        <Input.TextArea rows={3} maxLength={4000} showCount aria-label={t('body')} />
      </Form.Item>
      <Space wrap size={16} style={{ width: '100%' }}>
        <Form.Item name="type" label={t('type')}>
          <Select aria-label={t('type')} style={{ width: 220 }} options={INCIDENT_TYPES.map((v) => ({ value: v, label: ti(`type.${v}`) }))} />
        </Form.Item>
        <Form.Item name="severity" label={t('severity')} extra={<GradingHelp policy={policy} />}>
          <Radio.Group optionType="button" buttonStyle="solid" options={SEVERITIES.map((s) => ({ value: s, label: ti(`severity.${s}`) }))} aria-label={t('severity')} />
        </Form.Item>
      </Space>
      {severity !== r.severity && (
        <Form.Item name="severityReason" label={t('severityReason')} rules={[{ required: true, whitespace: true, min: 2, message: t('severityReasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={1000} aria-label={t('severityReason')} />
        </Form.Item>
      )}
      {r.type === 'relationship_risk' && !r.processingStoppedAt && (
        <DateTimeItem name="processingStoppedAt" label={t('processingStoppedAt')} extra={<>{t('processingStoppedHint')} <Cite code="HN-18" /></>} />
      )}
      <Space wrap size={16}>
        <Form.Item name="personalInfoPeople" label={t('personalInfoPeople')}>
          <InputNumber min={0} precision={0} style={{ width: 190 }} aria-label={t('personalInfoPeople')} />
        </Form.Item>
        <Form.Item name="peopleAffected" label={t('peopleAffected')}>
          <InputNumber min={0} precision={0} style={{ width: 190 }} aria-label={t('peopleAffected')} />
        </Form.Item>
        <Form.Item name="directLossYuan" label={t('directLossYuan')}>
          <InputNumber min={0} precision={0} style={{ width: 190 }} aria-label={t('directLossYuan')} />
        </Form.Item>
      </Space>
      <Form.Item name="measures" label={t('measures')} extra={t('measuresHint')}>
        <Input.TextArea rows={2} maxLength={4000} aria-label={t('measures')} />
      </Form.Item>
      <Form.Item name="crimeSuspected" label={t('crimeSuspected')} valuePropName="checked">
        <Switch aria-label={t('crimeSuspected')} />
      </Form.Item>
      {adds.length > 0 && (
        <Alert type="warning" showIcon data-testid="adds-preview" title={t('adds', { kinds: adds.map((x) => ti(`kind.${x.kind}`)).join('、') })} description={t('addsHint')} />
      )}
    </FormModal>
  );
}

interface NotifyValues {
  decision: 'notify' | 'not_notify';
  notifiedAt?: string | null;
  channels: ('sms' | 'email' | 'notice')[];
  items: Partial<Record<(typeof NOTIFY_ITEMS)[number], string>>;
  reason?: string;
}

/** 告知个人 (ID-12 ¶3, PIPL Art 57): whether, when, how, the content items; or why not. */
export function NotifyModal({ r, onClose }: Props) {
  const t = useTranslations('incidents.notify');
  const [form] = Form.useForm<NotifyValues>();
  const { trpc, done, onError } = useStep(onClose, form);
  const m = useMutation(trpc.incident.notify.mutationOptions({ onSuccess: () => done(t('done')), onError }));
  const decision = Form.useWatch('decision', form);
  const n = r.notification;
  return (
    <FormModal<NotifyValues>
      form={form}
      title={<>{t('title')} <Cite code="ID-12 ¶3" /></>}
      width={720}
      pending={m.isPending}
      onClose={onClose}
      initialValues={{
        decision: n?.decision ?? 'notify', notifiedAt: n?.notifiedAt ? fmtDateTime(n.notifiedAt) : fmtDateTime(new Date()),
        channels: (n?.channels ?? []) as NotifyValues['channels'], items: n?.items ?? {}, reason: n?.reason ?? '',
      }}
      onFinish={(v) => m.mutate(v.decision === 'notify'
        ? { ...ref(r), decision: 'notify', notifiedAt: fromWallClock(v.notifiedAt), channels: v.channels, items: v.items }
        : { ...ref(r), decision: 'not_notify', reason: v.reason })}
    >
      <Alert type="info" showIcon title={t('hint')} style={{ marginBottom: 16 }} />
      <Form.Item name="decision" label={t('decision')}>
        <Radio.Group options={[{ value: 'notify', label: t('notify') }, { value: 'not_notify', label: t('not_notify') }]} />
      </Form.Item>
      {decision === 'not_notify' ? (
        <Form.Item name="reason" label={t('reason')} extra={t('reasonHint')} rules={[{ required: true, whitespace: true, min: 2, message: t('reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} aria-label={t('reason')} />
        </Form.Item>
      ) : (
        <>
          <DateTimeItem name="notifiedAt" label={t('notifiedAt')} required />
          <Form.Item name="channels" label={t('channels')} rules={[{ required: true, type: 'array', min: 1, message: t('channelsRequired') }]}>
            <Checkbox.Group options={NOTIFY_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
          </Form.Item>
          {NOTIFY_ITEMS.map((k) => (
            <Form.Item key={k} name={['items', k]} label={t(`items.${k}`)} rules={[{ required: true, whitespace: true, min: 2, message: t('itemRequired') }]}>
              <Input.TextArea rows={1} autoSize maxLength={2000} aria-label={t(`items.${k}`)} />
            </Form.Item>
          ))}
        </>
      )}
    </FormModal>
  );
}

/** 处置结束: the closing summary's 30-day clock starts. */
export function EndHandlingModal({ r, onClose }: Props) {
  const t = useTranslations('incidents.endHandling');
  const [form] = Form.useForm<{ endedAt: string; body?: string }>();
  const { trpc, done, onError } = useStep(onClose, form);
  const m = useMutation(trpc.incident.endHandling.mutationOptions({ onSuccess: () => done(t('done')), onError }));
  return (
    <FormModal<{ endedAt: string; body?: string }>
      form={form}
      title={<>{t('title')} <Cite code={articleOf(r)} /></>}
      okText={t('submit')}
      warning={t('warning')}
      pending={m.isPending}
      onClose={onClose}
      initialValues={{ endedAt: fmtDateTime(new Date()), body: '' }}
      onFinish={(v) => m.mutate({ ...ref(r), endedAt: fromWallClock(v.endedAt)!, body: v.body || null })}
    >
      <DateTimeItem name="endedAt" label={t('endedAt')} required />
      <Form.Item name="body" label={t('body')}>
        <Input.TextArea rows={3} maxLength={2000} aria-label={t('body')} />
      </Form.Item>
    </FormModal>
  );
}

/** 总结报告: cause, handling, harm, accountability, remediation, lessons — to the authority's review. */
export function SummaryModal({ r, onClose }: Props) {
  const t = useTranslations('incidents.summary');
  const [form] = Form.useForm<{ summary: Record<string, string> }>();
  const { trpc, done, onError } = useStep(onClose, form);
  const m = useMutation(trpc.incident.submitSummary.mutationOptions({ onSuccess: () => done(t('done')), onError }));
  return (
    <FormModal<{ summary: Record<string, string> }>
      form={form}
      title={<>{t('title')} <Cite code={articleOf(r)} /></>}
      okText={t('submit')}
      warning={t('warning')}
      width={720}
      pending={m.isPending}
      onClose={onClose}
      initialValues={{ summary: r.summary ?? {} }}
      onFinish={(v) => m.mutate({ ...ref(r), summary: v.summary as never })}
    >
      {r.summaryDueAt && <Alert type="info" showIcon title={t('due', { at: fmtDateTime(r.summaryDueAt) })} style={{ marginBottom: 16 }} />}
      {SUMMARY_FIELDS.map((k) => (
        <Form.Item key={k} name={['summary', k]} label={t(`fields.${k}`)} rules={[{ required: true, whitespace: true, min: 2, message: t('required') }]}>
          <Input.TextArea rows={2} autoSize={{ minRows: 2 }} maxLength={4000} aria-label={t(`fields.${k}`)} />
        </Form.Item>
      ))}
    </FormModal>
  );
}

interface OrderValues {
  findings: string[];
  deadlineKind: 'calendar_days' | 'working_days';
  deadlineAmount: number;
  majorRisk: boolean;
}

/** The fields of a rectification order from the review (source incident, target the reporter). */
function OrderFields({ prefix }: { prefix?: string }) {
  const t = useTranslations('incidents.order');
  const n = (k: string) => (prefix ? [prefix, k] : k);
  return (
    <>
      <Form.Item
        name={n('findings')}
        label={t('findings')}
        extra={t('findingsHint')}
        getValueProps={(v: string[] | undefined) => ({ value: (v ?? []).join('\n') })}
        normalize={(s: string) => s.split('\n')}
        rules={[{ validator: (_, v: string[] | undefined) => ((v ?? []).some((x) => x.trim().length >= 2) ? Promise.resolve() : Promise.reject(new Error(t('findingsRequired')))) }]}
      >
        <Input.TextArea rows={3} aria-label={t('findings')} />
      </Form.Item>
      <Space wrap size={16}>
        <Form.Item name={n('deadlineKind')} label={t('deadlineKind')}>
          <Select aria-label={t('deadlineKind')} style={{ width: 160 }} options={[{ value: 'calendar_days', label: t('calendar_days') }, { value: 'working_days', label: t('working_days') }]} />
        </Form.Item>
        <Form.Item name={n('deadlineAmount')} label={t('deadlineAmount')} rules={[{ required: true, message: t('deadlineAmountRequired') }]}>
          <InputNumber min={1} max={365} precision={0} style={{ width: 120 }} aria-label={t('deadlineAmount')} />
        </Form.Item>
        <Form.Item name={n('majorRisk')} label={t('majorRisk')} valuePropName="checked" extra={<>{t('majorRiskHint')} <Cite code="HN-22 ¶2" /></>}>
          <Switch aria-label={t('majorRisk')} />
        </Form.Item>
      </Space>
    </>
  );
}

const cleanFindings = (f: string[] | undefined) => (f ?? []).map((x) => x.trim()).filter(Boolean);

function defaultOrder(r: IncidentDetail, late: string): OrderValues {
  const findings = [r.summary?.cause ? `${r.title}:${r.summary.cause}` : r.title];
  if (r.lateCount > 0) findings.push(late);
  return { findings, deadlineKind: 'calendar_days', deadlineAmount: 30, majorRisk: false };
}

interface ReviewValues {
  decision: 'accept' | 'more';
  reason?: string;
  withOrder: boolean;
  order: OrderValues;
}

/** 审核结案: accept, or ask for more (with the reason); optionally a rectification order in the same step. */
export function ReviewModal({ r, onClose }: Props) {
  const t = useTranslations('incidents.review');
  const to = useTranslations('incidents.order');
  const [form] = Form.useForm<ReviewValues>();
  const { trpc, done, onError } = useStep(onClose, form);
  const m = useMutation(trpc.incident.review.mutationOptions({ onSuccess: () => done(t('done')), onError }));
  const decision = Form.useWatch('decision', form);
  const withOrder = Form.useWatch('withOrder', form);
  return (
    <FormModal<ReviewValues>
      form={form}
      title={<>{t('title')} <Cite code={articleOf(r)} /></>}
      okText={t('submit')}
      warning={t('warning')}
      width={720}
      pending={m.isPending}
      onClose={onClose}
      initialValues={{ decision: 'accept', reason: '', withOrder: false, order: defaultOrder(r, to('lateFinding', { n: r.lateCount })) }}
      onFinish={(v) => m.mutate({
        ...ref(r), decision: v.decision, reason: v.reason || null,
        order: v.withOrder && !r.order ? { ...v.order, findings: cleanFindings(v.order.findings) } : null,
      })}
    >
      <Form.Item name="decision" label={t('decision')}>
        <Radio.Group options={[{ value: 'accept', label: t('accept') }, { value: 'more', label: t('more') }]} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={decision === 'more' ? t('moreReason') : t('note')}
        rules={decision === 'more' ? [{ required: true, whitespace: true, min: 2, message: t('moreReasonRequired') }] : undefined}
      >
        <Input.TextArea rows={3} maxLength={2000} aria-label={decision === 'more' ? t('moreReason') : t('note')} />
      </Form.Item>
      {!r.order && (
        <Form.Item name="withOrder" valuePropName="checked">
          <Checkbox>{t('withOrder')}</Checkbox>
        </Form.Item>
      )}
      {withOrder && <OrderFields prefix="order" />}
    </FormModal>
  );
}

/** 开具整改通知 from the review: source incident, article HN-18 (ID-12 for a platform), target the reporter. */
export function OrderModal({ r, onClose }: Props) {
  const t = useTranslations('incidents.order');
  const [form] = Form.useForm<OrderValues>();
  const { trpc, done, onError } = useStep(onClose, form);
  const m = useMutation(trpc.incident.openOrder.mutationOptions({ onSuccess: () => done(t('done')), onError }));
  return (
    <FormModal<OrderValues>
      form={form}
      title={<>{t('title')} <Cite code={r.regime === 'ID' ? 'ID-12' : 'HN-18'} /> <Cite code="HN-20" /></>}
      okText={t('submit')}
      warning={t('warning', { org: r.reporterName })}
      width={680}
      pending={m.isPending}
      onClose={onClose}
      initialValues={defaultOrder(r, t('lateFinding', { n: r.lateCount }))}
      onFinish={(v) => m.mutate({ ...ref(r), ...v, findings: cleanFindings(v.findings) })}
    >
      <OrderFields />
    </FormModal>
  );
}
