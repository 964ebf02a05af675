'use client';

import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Descriptions, Space, Table, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Cite } from '@/app/_components/citation';
import type { CampaignNode } from './defaults';

/**
 * The indicator tree of a campaign as a navigation list: dimensions and indicators as headings, each
 * leaf a button with its state (done ✓ / not yet). Used by the self-assessment and the scoring
 * screens; the order is the depth-first order the keyboard walks.
 */
export function LeafNav({ nodes, current, done, onSelect, label }: {
  nodes: readonly CampaignNode[];
  current: string | null;
  done: (code: string) => boolean;
  onSelect: (code: string) => void;
  label: string;
}) {
  const t = useTranslations('campaigns.leaf');
  return (
    <nav aria-label={label} data-testid="leaf-nav">
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {nodes.map((n) => {
          const pad = (n.depth - 1) * 14;
          if (!n.leaf) {
            return (
              <li key={n.code} style={{ padding: `6px 8px 2px ${8 + pad}px` }}>
                <Typography.Text strong={n.depth === 1} type={n.depth === 1 ? undefined : 'secondary'}>{n.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>{n.weight}%</Typography.Text>
              </li>
            );
          }
          const active = n.code === current;
          const ok = done(n.code);
          return (
            <li key={n.code}>
              <button
                type="button"
                onClick={() => onSelect(n.code)}
                aria-current={active ? 'true' : undefined}
                data-testid="leaf-item"
                data-code={n.code}
                data-done={ok}
                style={{
                  display: 'flex', alignItems: 'center', gap: 6, width: '100%', textAlign: 'left', border: 0, cursor: 'pointer', borderRadius: 6,
                  padding: `5px 8px 5px ${8 + pad}px`, background: active ? '#e6f4ff' : 'transparent', color: 'inherit', font: 'inherit',
                }}
              >
                {ok
                  ? <CheckCircleFilled style={{ color: '#237804' }} aria-label={t('done')} />
                  : <MinusCircleOutlined style={{ color: '#595959' }} aria-label={t('notDone')} />}
                <span style={{ flex: 1 }}>{n.name}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** What a leaf asks for: its rubric (levels, ranges, guidance), the evidence expected, the article. */
export function LeafRubric({ node }: { node: CampaignNode }) {
  const t = useTranslations('campaigns.leaf');
  const max = node.maxScore ?? 100;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Descriptions size="small" column={1} bordered items={[
        { key: 'max', label: t('maxScore'), children: max },
        { key: 'evidence', label: t('evidence'), children: node.evidence || '—' },
        { key: 'article', label: t('article'), children: node.article ? <Cite code={node.article} /> : '—' },
        ...(node.vetoBelow != null ? [{ key: 'veto', label: t('veto'), children: t('vetoBelow', { n: node.vetoBelow }) }] : []),
      ]} />
      <Table
        size="small"
        rowKey="label"
        pagination={false}
        dataSource={node.rubric ?? []}
        locale={{ emptyText: t('noRubric') }}
        data-testid="rubric"
        columns={[
          { title: t('level'), dataIndex: 'label', width: 90 },
          { title: t('range'), key: 'range', width: 110, render: (_: unknown, r) => `${r.min} – ${r.max}` },
          { title: t('guidance'), dataIndex: 'guidance' },
        ]}
      />
    </Space>
  );
}

export type SaveState = { kind: 'idle' } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; message: string };

/**
 * Autosave: `schedule()` after typing (saved after a pause), `flush()` on blur or before moving on.
 * `save` returns a promise; its failure leaves the state 'error' with the message.
 */
export function useAutosave(save: () => Promise<unknown>, delay = 800) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef(false);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);
  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!pending.current) return;
    pending.current = false;
    setState({ kind: 'saving' });
    try {
      await saveRef.current();
      setState({ kind: 'saved', at: new Date() });
    } catch (err) {
      setState({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }, []);
  const schedule = useCallback(() => {
    pending.current = true;
    setState({ kind: 'dirty' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), delay);
  }, [delay, flush]);
  const reset = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    pending.current = false;
    setState({ kind: 'idle' });
  }, []);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return { state, schedule, flush, reset };
}

/** "已自动保存 hh:mm:ss" and the other states, announced politely to screen readers. */
export function SaveStatus({ state }: { state: SaveState }) {
  const t = useTranslations('campaigns.autosave');
  const text = state.kind === 'saved' ? t('saved', { time: state.at.toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) })
    : state.kind === 'saving' ? t('saving')
    : state.kind === 'dirty' ? t('dirty')
    : state.kind === 'error' ? state.message
    : t('idle');
  return (
    <Typography.Text role="status" aria-live="polite" data-testid="save-status" data-state={state.kind} style={{ fontSize: 12, color: state.kind === 'error' ? '#a8071a' : '#595959' }}>
      {text}
    </Typography.Text>
  );
}
