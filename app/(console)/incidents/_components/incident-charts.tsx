'use client';

import { Card, Col, Row, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { INCIDENT_TYPES, SEVERITIES } from '@/server/domain/incidents';
import type { IncidentStats } from './defaults';

/** One color per grade, dark enough for text contrast in the legend. */
export const SEVERITY_COLOR: Record<string, string> = { general: '#1d39c4', large: '#ad8b00', major: '#d46b08', critical: '#a8071a' };

/**
 * Incidents per month (Asia/Shanghai) stacked by grade, and per type, for the list's filters. The
 * numbers come from SQL aggregation (incident.stats); a plain table under each chart reads them out.
 */
export function IncidentCharts({ stats }: { stats: IncidentStats | undefined }) {
  const t = useTranslations('incidents');
  const ts = useTranslations('incidents.severity');
  const tt = useTranslations('incidents.type');
  const months = stats?.months ?? [];
  const byType = INCIDENT_TYPES.map((type) => ({ type: tt(type), n: stats?.byType.find((b) => b.type === type)?.n ?? 0 }));
  const total = months.reduce((s, m) => s + m.general + m.large + m.major + m.critical, 0);
  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('stats.byMonth')} data-testid="chart-by-month">
          <figure style={{ margin: 0 }} aria-label={t('stats.byMonthLabel', { n: total })}>
            <ResponsiveContainer width="100%" height={240}>
              <BarChart data={months} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="month" tick={{ fontSize: 12, fill: '#434343' }} />
                <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: '#434343' }} />
                <Tooltip />
                <Legend itemSorter={(item) => SEVERITIES.indexOf(item.dataKey as (typeof SEVERITIES)[number])} formatter={(v: string) => <span style={{ color: '#262626' }}>{v}</span>} />
                {SEVERITIES.map((s) => <Bar key={s} dataKey={s} name={ts(s)} stackId="s" fill={SEVERITY_COLOR[s]} isAnimationActive={false} />)}
              </BarChart>
            </ResponsiveContainer>
            <figcaption style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
              {months.map((m) => `${m.month}: ${SEVERITIES.map((s) => `${ts(s)} ${m[s]}`).join(', ')}`).join('; ')}
            </figcaption>
          </figure>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('stats.byType')} data-testid="chart-by-type">
          <figure style={{ margin: 0 }} aria-label={t('stats.byTypeLabel')}>
            <ResponsiveContainer width="100%" height={240}>
              <BarChart data={byType} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 24 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: '#434343' }} />
                <YAxis type="category" dataKey="type" width={120} tick={{ fontSize: 12, fill: '#434343' }} />
                <Tooltip />
                <Bar dataKey="n" name={t('stats.count')} fill="#1d39c4" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
            <figcaption style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
              {byType.map((b) => `${b.type} ${b.n}`).join('; ')}
            </figcaption>
          </figure>
          {total === 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('stats.empty')}</Typography.Text>}
        </Card>
      </Col>
    </Row>
  );
}
