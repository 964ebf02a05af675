'use client';

import { ArrowLeftOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Select, Space, Tabs, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { fmtDateTime } from '@/app/_components/format';
import { useMutationError } from '@/app/_components/list-kit';
import { QueryErrorView } from '@/app/_components/query-error';
import { FilingTimeline } from '@/app/_components/timeline';
import { useTRPC } from '@/server/trpc/react';
import type { SystemDetail, VersionSummary } from './defaults';
import { GradeBandsView, KindText, VersionStatusTag } from './parts';
import { DraftEditor } from './tree-editor';
import { TreeView } from './tree-view';
import { VersionDiffView } from './version-diff';

/** The version shown first: the draft for the province, else the current published one. */
function defaultVersion(s: SystemDetail): VersionSummary | undefined {
  return s.versions.find((v) => v.id === s.draftId) ?? s.versions.find((v) => v.versionNo === s.publishedVersionNo) ?? s.versions[0];
}

/**
 * One indicator system (HN-22): its versions (a draft for the province, the published ones frozen),
 * the chosen version's tree and grade bands — editable while a draft —, the comparison of two
 * versions and the record of what was done.
 */
export function SystemView({ id }: { id: string }) {
  const t = useTranslations('indicators');
  const td = useTranslations('indicators.detail');
  const tev = useTranslations('indicators.events');
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const onError = useMutationError(trpc.indicator.pathKey());
  const q = useQuery(trpc.indicator.get.queryOptions({ id }));
  const [picked, setPicked] = useState<string | null>(null);
  const createDraft = useMutation(trpc.indicator.createDraft.mutationOptions({
    onSuccess: async (d) => {
      message.success(td('draftCreated', { n: d.versionNo }));
      await qc.invalidateQueries({ queryKey: trpc.indicator.pathKey() });
      setPicked(d.id);
    },
    onError: (e) => onError(e),
  }));
  if (q.error) return <QueryErrorView error={q.error} />;
  if (!q.data) return <Card loading />;
  const s = q.data;
  const selected = s.versions.find((v) => v.id === picked) ?? defaultVersion(s);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link href="/evaluation/indicators"><ArrowLeftOutlined /> {td('back')}</Link>
      <Card
        title={<Typography.Title level={4} style={{ margin: 0 }} data-testid="system-title">{s.name}</Typography.Title>}
        extra={
          <Space wrap>
            {selected && (
              <Button icon={<DownloadOutlined />} href={`/api/evaluation/indicators/versions/${selected.id}/export`} download>
                {td('exportVersion', { n: selected.versionNo })}
              </Button>
            )}
            {s.canCreateDraft && (
              <Button icon={<PlusOutlined />} loading={createDraft.isPending} onClick={() => createDraft.mutate({ systemId: s.id })}>
                {td('createDraft')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} items={[
          { key: 'kind', label: td('kind'), children: <KindText kind={s.targetKind} /> },
          { key: 'current', label: td('current'), children: s.publishedVersionNo ? `v${s.publishedVersionNo}` : td('neverPublished') },
          { key: 'updated', label: td('updatedAt'), children: fmtDateTime(s.updatedAt) },
          ...(s.description ? [{ key: 'desc', label: td('description'), children: s.description, span: 3 }] : []),
        ]} />
      </Card>
      {selected ? (
        <Card>
          <Tabs items={[
            {
              key: 'tree',
              label: td('treeTab'),
              children: (
                <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                  <VersionBar s={s} selected={selected} onPick={setPicked} />
                  <VersionPanel key={selected.id} versionId={selected.id} />
                </Space>
              ),
            },
            {
              key: 'diff',
              label: td('diffTab'),
              disabled: s.versions.length < 2,
              children: <VersionDiffView versions={s.versions} />,
            },
            ...(s.canWrite ? [{
              key: 'timeline',
              label: td('timelineTab'),
              children: <FilingTimeline events={s.timeline.events} files={s.timeline.files} label={(a) => (tev.has(a.replace('.', '_')) ? tev(a.replace('.', '_')) : a)} />,
            }] : []),
          ]} />
        </Card>
      ) : (
        <Alert type="info" showIcon title={t('detail.noVersion')} />
      )}
    </Space>
  );
}

/** The version selector and what the chosen version is: status, publication, change note. */
function VersionBar({ s, selected, onPick }: { s: SystemDetail; selected: VersionSummary; onPick: (id: string) => void }) {
  const t = useTranslations('indicators');
  const td = useTranslations('indicators.detail');
  return (
    <Space wrap size={[16, 8]} align="center">
      <Select
        aria-label={td('version')}
        value={selected.id}
        onChange={onPick}
        style={{ minWidth: 220 }}
        options={s.versions.map((v) => ({
          value: v.id,
          label: `v${v.versionNo} · ${t(`status.${v.status}`)}${v.publishedAt ? ` · ${fmtDateTime(v.publishedAt).slice(0, 10)}` : ''}`,
        }))}
      />
      <VersionStatusTag status={selected.status} testId="version-status" />
      {selected.status === 'published'
        ? <Typography.Text type="secondary">{td('publishedBy', { at: fmtDateTime(selected.publishedAt), by: selected.publishedByName ?? '—' })}</Typography.Text>
        : <Typography.Text type="secondary">{td('draftSince', { at: fmtDateTime(selected.updatedAt) })}</Typography.Text>}
      <Typography.Text type="secondary">{td('counts', { nodes: selected.nodeCount, leaves: selected.leafCount })}</Typography.Text>
      {selected.changeNote && <Typography.Text data-testid="change-note">{td('changeNote')}:{selected.changeNote}</Typography.Text>}
    </Space>
  );
}

/** One version: read-only tree and bands, or the editor while it is a draft the caller may edit. */
function VersionPanel({ versionId }: { versionId: string }) {
  const td = useTranslations('indicators.detail');
  const trpc = useTRPC();
  const q = useQuery(trpc.indicator.version.queryOptions({ id: versionId }));
  if (q.error) return <QueryErrorView error={q.error} />;
  if (!q.data) return <Card loading variant="borderless" />;
  const v = q.data;
  if (v.canEdit) return <DraftEditor key={`${v.version.id}-${v.version.version}`} tree={v} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {v.version.status === 'published' && <Alert type="info" showIcon title={td('frozenHint')} />}
      <div>
        <Typography.Title level={5}>{td('bandsTitle')}</Typography.Title>
        <GradeBandsView bands={v.version.gradeBands} />
      </div>
      <TreeView nodes={v.nodes} />
    </Space>
  );
}
