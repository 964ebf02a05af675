'use client';

import { Alert, Descriptions, Progress, Space, Table, Tag, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { ToneTag } from '@/app/_components/tone-tag';
import { GRADE_TONE, type Report } from './types';

/**
 * One target's result (HN-22), as the target sees it once published and as the printable report
 * shows it: total, grade (a veto item caps it), per-dimension and per-item scores, findings, and
 * the evaluators' comments — never an evaluator's name.
 */
export function ResultReport({ r, print = false }: { r: Report; print?: boolean }) {
  const t = useTranslations('results.report');
  const tg = useTranslations('results.grade');
  const res = r.result;
  const commentsOf = new Map<string, string[]>();
  for (const c of r.comments) commentsOf.set(c.nodeCode, [...(commentsOf.get(c.nodeCode) ?? []), c.comment]);
  const nameOf = new Map(r.nodes.map((n) => [n.code, n.name]));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="result-report">
      {res && !res.frozen && <Alert type="warning" showIcon title={t('unconfirmed')} />}
      <Descriptions size="small" bordered column={print ? 2 : { xs: 1, md: 2, xl: 3 }} items={[
        { key: 'target', label: t('target'), children: <span data-testid="report-target">{r.target.orgName}</span> },
        { key: 'region', label: t('region'), children: r.target.regionName },
        { key: 'campaign', label: t('campaign'), children: <>{r.campaign.name}({r.campaign.year}) <Cite code={r.campaign.article} /></> },
        { key: 'total', label: t('total'), children: res ? <Typography.Text strong style={{ fontSize: 18 }} data-testid="report-total">{res.total.toFixed(2)}</Typography.Text> : '—' },
        {
          key: 'grade', label: t('grade'),
          children: res ? <Space size={4}><ToneTag tone={GRADE_TONE[res.grade]} data-testid="report-grade">{tg(res.grade)}</ToneTag>{res.vetoed && <Tag color="red">{t('vetoed', { items: res.vetoItems.join('、') })}</Tag>}</Space> : '—',
        },
        ...(res?.rank ? [{ key: 'rank', label: t('rank'), children: `${res.rank} / ${res.targetCount}` }] : []),
        { key: 'published', label: t('published'), children: r.campaign.publishedAt ? fmtDateTime(r.campaign.publishedAt) : t('notPublished') },
        { key: 'bands', label: t('bands'), children: t('bandsText', { excellent: r.gradeBands.excellent, good: r.gradeBands.good, pass: r.gradeBands.pass }) },
      ]} />
      <div>
        <Typography.Title level={5}>{t('dimensions')}</Typography.Title>
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={r.dimensions}
          data-testid="report-dimensions"
          columns={[
            { title: t('cols.dimension'), dataIndex: 'name' },
            { title: t('cols.weight'), dataIndex: 'weight', width: 90, render: (v: number) => `${v}%` },
            {
              title: t('cols.score'), key: 'score', width: print ? 120 : 260,
              render: (_: unknown, d) => (d.score === null ? '—' : print ? d.score.toFixed(2) : <Progress percent={d.score} size="small" format={() => d.score!.toFixed(2)} aria-label={d.name} />),
            },
          ]}
        />
      </div>
      <div>
        <Typography.Title level={5}>{t('items')}</Typography.Title>
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={r.leaves}
          columns={[
            { title: t('cols.item'), key: 'name', render: (_: unknown, l) => <>{l.name}<Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{l.code}{l.parentCode ? ` · ${nameOf.get(l.parentCode) ?? ''}` : ''}</Typography.Text></> },
            { title: t('cols.article'), key: 'article', width: 100, render: (_: unknown, l) => (l.article ? <Cite code={l.article} /> : '—') },
            { title: t('cols.itemScore'), key: 'score', width: 120, render: (_: unknown, l) => <>{l.score ?? '—'} / {l.maxScore}{l.vetoBelow !== null && l.score !== null && l.score < l.vetoBelow && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('vetoItem')}</Tag>}</> },
            { title: t('cols.comments'), key: 'comments', render: (_: unknown, l) => (commentsOf.get(l.code)?.length ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{commentsOf.get(l.code)!.map((c, i) => <li key={i}>{c}</li>)}</ul> : '—') },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('commentsHint')}</Typography.Text>
      </div>
      <div>
        <Typography.Title level={5}>{t('findings')}</Typography.Title>
        {r.findings.length === 0 ? <Typography.Text type="secondary">{t('noFindings')}</Typography.Text> : (
          <ol style={{ paddingInlineStart: 20 }} data-testid="report-findings">
            {r.findings.map((f) => (
              <li key={f.id}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{f.body}</span>
                {f.nodeCode && <Typography.Text type="secondary">({nameOf.get(f.nodeCode) ?? f.nodeCode})</Typography.Text>}
                {f.majorRisk && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('majorRisk')}</Tag>}
                {f.orderNo && <Typography.Text type="secondary"> — {t('order', { no: f.orderNo })}</Typography.Text>}
              </li>
            ))}
          </ol>
        )}
      </div>
    </Space>
  );
}
