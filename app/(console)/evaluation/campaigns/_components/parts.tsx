'use client';

import { CheckCircleFilled, ExclamationCircleFilled, WarningFilled } from '@ant-design/icons';
import { Descriptions, List, Space, Steps, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Cite } from '@/app/_components/citation';
import { DueTag, type DueStatus } from '@/app/_components/due-tag';
import { ToneTag, type Tone } from '@/app/_components/tone-tag';
import type { FactRow } from './defaults';

export const CAMPAIGN_STEPS = ['draft', 'self_assessment', 'scoring', 'review', 'published'] as const;
const STATUS_TONE: Record<string, Tone> = { draft: 'gray', self_assessment: 'blue', scoring: 'orange', review: 'gold', published: 'green' };
export const KIND_ARTICLE: Record<string, string> = { agency: 'HN-22 ¶1', operator: 'HN-22 ¶2' };

export function CampaignStatusTag({ status, testId }: { status: string; testId?: string }) {
  const t = useTranslations('campaigns.status');
  return <ToneTag tone={STATUS_TONE[status] ?? 'gray'} data-testid={testId}>{t(status)}</ToneTag>;
}

export function KindText({ kind, cite = true }: { kind: string; cite?: boolean }) {
  const t = useTranslations('campaigns.kind');
  return <>{t(kind)}{cite && <> <Cite code={KIND_ARTICLE[kind] ?? 'HN-22'} /></>}</>;
}

/** The status as steps: where the campaign stands in its workflow. */
export function StatusSteps({ status }: { status: string }) {
  const t = useTranslations('campaigns.status');
  const current = CAMPAIGN_STEPS.indexOf(status as (typeof CAMPAIGN_STEPS)[number]);
  return (
    <Steps
      size="small"
      current={current}
      status={status === 'published' ? 'finish' : 'process'}
      items={CAMPAIGN_STEPS.map((s) => ({ title: t(s) }))}
      style={{ marginBottom: 16 }}
      data-testid="campaign-steps"
    />
  );
}

interface Schedule {
  selfStartsOn: string;
  selfEndsOn: string;
  scoringEndsOn: string;
  reviewEndsOn: string;
  publishOn: string;
}

/** The schedule, with the time left of the current phase. */
export function ScheduleView({ c, due }: { c: Schedule; due: { on: string; dueAt: Date; status: DueStatus } | null }) {
  const t = useTranslations('campaigns.schedule');
  const tag = (on: string) => (due && due.on === on ? <DueTag dueAt={due.dueAt} status={due.status} basis="HN-22" /> : null);
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} data-testid="campaign-schedule" items={[
      { key: 'self', label: t('self'), children: <Space wrap>{`${c.selfStartsOn} — ${c.selfEndsOn}`}{tag(c.selfEndsOn)}</Space> },
      { key: 'scoring', label: t('scoringEndsOn'), children: <Space wrap>{c.scoringEndsOn}{tag(c.scoringEndsOn)}</Space> },
      { key: 'review', label: t('reviewEndsOn'), children: <Space wrap>{c.reviewEndsOn}{tag(c.reviewEndsOn)}</Space> },
      { key: 'publish', label: t('publishOn'), children: c.publishOn },
    ]} />
  );
}

const TONE_ICON = {
  ok: <CheckCircleFilled style={{ color: '#237804' }} />,
  warn: <WarningFilled style={{ color: '#ad6800' }} />,
  bad: <ExclamationCircleFilled style={{ color: '#a8071a' }} />,
};

/**
 * The facts the console recorded for a leaf (reports on time, quality answers late, open
 * rectifications…), in the reader's language where a message exists. Links only for the target
 * itself (`links`), whose lists they are.
 */
export function FactList({ facts, links = false }: { facts: readonly FactRow[]; links?: boolean }) {
  const t = useTranslations('campaigns.facts');
  if (!facts.length) return <Typography.Text type="secondary">{t('none')}</Typography.Text>;
  return (
    <List
      size="small"
      bordered
      data-testid="fact-list"
      dataSource={[...facts]}
      renderItem={(f) => {
        const label = t.has(`codes.${f.code}`) ? t(`codes.${f.code}`) : f.label;
        return (
          <List.Item data-testid="fact" data-tone={f.tone}>
            <Space>
              <span role="img" aria-label={t(`tone.${f.tone}`)}>{TONE_ICON[f.tone]}</span>
              {links && f.href ? <Link href={f.href}>{label}</Link> : <span>{label}</span>}
            </Space>
            <Typography.Text strong style={f.tone === 'bad' ? { color: '#a8071a' } : undefined}>{String(f.value)}</Typography.Text>
          </List.Item>
        );
      }}
    />
  );
}
