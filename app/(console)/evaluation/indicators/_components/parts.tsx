'use client';

import { Space, Table, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { Cite } from '@/app/_components/citation';
import { ToneTag } from '@/app/_components/tone-tag';
import { isFactKey, type RubricLevel } from '@/server/domain/evaluation';

/** HN-22 ¶1: implementing agencies; HN-22 ¶2: operators (一级开发主体). */
export const KIND_ARTICLE: Record<string, string> = { agency: 'HN-22 ¶1', operator: 'HN-22 ¶2' };

export function KindText({ kind, cite = true }: { kind: string; cite?: boolean }) {
  const t = useTranslations('indicators.kind');
  return <>{t(kind)}{cite && <> <Cite code={KIND_ARTICLE[kind] ?? 'HN-22'} /></>}</>;
}

export function VersionStatusTag({ status, testId }: { status: 'draft' | 'published'; testId?: string }) {
  const t = useTranslations('indicators.status');
  return <ToneTag tone={status === 'draft' ? 'orange' : 'green'} data-testid={testId}>{t(status)}</ToneTag>;
}

/** The label of a 预填事实 key (what the console records and pre-fills as evidence). */
export function FactLabel({ factKey }: { factKey: string | null | undefined }) {
  const t = useTranslations('indicators.facts');
  if (!factKey) return null;
  return <>{isFactKey(factKey) ? t(factKey) : factKey}</>;
}

const num = (x: number) => String(Number(x.toFixed(2)));
export const rangeText = (l: { min: number; max: number }) => `${num(l.min)}–${num(l.max)}`;

/** A leaf's scoring rubric: levels with score ranges and guidance. */
export function RubricTable({ levels }: { levels: readonly RubricLevel[] }) {
  const t = useTranslations('indicators.node');
  if (!levels.length) return <Typography.Text type="secondary">{t('noRubric')}</Typography.Text>;
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(l) => `${l.label}-${l.min}-${l.max}`}
      dataSource={[...levels]}
      columns={[
        { title: t('level'), dataIndex: 'label', width: 100 },
        { title: t('range'), key: 'range', width: 110, render: (_: unknown, l: RubricLevel) => rangeText(l) },
        { title: t('guidance'), dataIndex: 'guidance', render: (v: string) => v || '—' },
      ]}
    />
  );
}

/** A leaf's details below the tree row: rubric, evidence, veto line, pre-filled fact. */
export function LeafDetails({ node }: { node: { rubric?: RubricLevel[] | null; evidence?: string | null; vetoBelow?: number | null; factKey?: string | null; maxScore?: number | null } }) {
  const t = useTranslations('indicators.node');
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <RubricTable levels={node.rubric ?? []} />
      <Typography.Text><Typography.Text type="secondary">{t('evidence')}:</Typography.Text>{node.evidence || '—'}</Typography.Text>
      {node.vetoBelow != null && <Typography.Text><Typography.Text type="secondary">{t('vetoBelow')}:</Typography.Text>{t('vetoText', { n: node.vetoBelow })}</Typography.Text>}
      {node.factKey && <Typography.Text><Typography.Text type="secondary">{t('factKey')}:</Typography.Text><FactLabel factKey={node.factKey} /></Typography.Text>}
    </Space>
  );
}

/** The grade bands of a version: 优秀 ≥ …, 良好 ≥ …, 合格 ≥ …, else 不合格 (or a triggered veto item). */
export function GradeBandsView({ bands }: { bands: { excellent: number; good: number; pass: number } }) {
  const t = useTranslations('indicators.bands');
  return (
    <Space wrap size={[16, 8]} data-testid="grade-bands">
      <span><ToneTag tone="green">{t('excellent')}</ToneTag>≥ {bands.excellent}</span>
      <span><ToneTag tone="blue">{t('good')}</ToneTag>≥ {bands.good}</span>
      <span><ToneTag tone="gold">{t('pass')}</ToneTag>≥ {bands.pass}</span>
      <span><ToneTag tone="red">{t('fail')}</ToneTag>{t('failText', { n: bands.pass })}</span>
    </Space>
  );
}
