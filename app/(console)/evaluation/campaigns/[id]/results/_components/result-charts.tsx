'use client';

import { Card, Col, Row, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { QueryErrorView } from '@/app/_components/query-error';
import { GRADES } from '@/server/domain/evaluation';
import { useTRPC } from '@/server/trpc/react';
import { GRADE_COLOR, type Overview } from './types';

const hidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' } as const;
const tick = { fontSize: 12, fill: '#434343' };

/**
 * The province's view of a confirmed campaign (HN-22): grade distribution, mean score per
 * dimension, and per region the mean total and grades. Numbers from SQL (evaluation.stats); a
 * caption under each chart reads them out, and a table repeats the regions.
 */
export function ResultCharts({ campaignId, dimensions }: { campaignId: string; dimensions: Overview['dimensions'] }) {
  const t = useTranslations('results.charts');
  const tg = useTranslations('results.grade');
  const trpc = useTRPC();
  const q = useQuery(trpc.evaluation.stats.queryOptions({ campaignId }));
  if (q.error) return <QueryErrorView error={q.error} />;
  const s = q.data;
  const grades = (s?.grades ?? []).map((g) => ({ ...g, label: tg(g.grade) }));
  const dims = s?.dimensions ?? dimensions.map((d) => ({ ...d, mean: 0 }));
  const regions = s?.regions ?? [];
  return (
    <Row gutter={[16, 16]} data-testid="result-charts">
      <Col xs={24} xl={8}>
        <Card size="small" title={t('grades')} loading={q.isLoading} data-testid="chart-grades">
          <figure style={{ margin: 0 }} aria-label={t('gradesLabel')}>
            <ResponsiveContainer width="100%" height={240}>
              <BarChart data={grades} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={tick} />
                <YAxis allowDecimals={false} tick={tick} />
                <Tooltip />
                <Bar dataKey="n" name={t('count')} isAnimationActive={false}>
                  {grades.map((g) => <Cell key={g.grade} fill={GRADE_COLOR[g.grade]} />)}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
            <figcaption style={hidden}>{grades.map((g) => `${g.label} ${g.n}`).join('; ')}</figcaption>
          </figure>
        </Card>
      </Col>
      <Col xs={24} xl={16}>
        <Card size="small" title={t('dimensions')} loading={q.isLoading} data-testid="chart-dimensions">
          <figure style={{ margin: 0 }} aria-label={t('dimensionsLabel')}>
            <ResponsiveContainer width="100%" height={240}>
              <BarChart data={dims} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="name" tick={tick} interval={0} />
                <YAxis domain={[0, 100]} tick={tick} />
                <Tooltip />
                <Bar dataKey="mean" name={t('mean')} fill="#1d39c4" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
            <figcaption style={hidden}>{dims.map((d) => `${d.name} ${d.mean}`).join('; ')}</figcaption>
          </figure>
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title={t('regions')} loading={q.isLoading} data-testid="chart-regions">
          <figure style={{ margin: 0 }} aria-label={t('regionsLabel')}>
            <ResponsiveContainer width="100%" height={260}>
              <BarChart data={regions} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="regionName" tick={tick} />
                <YAxis allowDecimals={false} tick={tick} />
                <Tooltip />
                <Legend formatter={(v: string) => <span style={{ color: '#262626' }}>{v}</span>} />
                {GRADES.map((g) => <Bar key={g} dataKey={g} name={tg(g)} stackId="g" fill={GRADE_COLOR[g]} isAnimationActive={false} />)}
              </BarChart>
            </ResponsiveContainer>
            <figcaption style={hidden}>{regions.map((r) => `${r.regionName}: ${GRADES.map((g) => `${tg(g)} ${r[g]}`).join(', ')}`).join('; ')}</figcaption>
          </figure>
          <Table
            rowKey="regionCode"
            size="small"
            pagination={false}
            dataSource={regions}
            style={{ marginTop: 8 }}
            columns={[
              { title: t('region'), dataIndex: 'regionName' },
              { title: t('targets'), dataIndex: 'n' },
              { title: t('meanTotal'), dataIndex: 'mean' },
              ...GRADES.map((g) => ({ title: tg(g), dataIndex: g })),
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
