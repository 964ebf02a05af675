'use client';

import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Spin, Steps, Table, Typography, Upload } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Cite } from '@/app/_components/citation';
import { useMutationFeedback } from '@/app/_components/list-kit';
import { useXlsxUpload, xlsxUploadError } from '@/app/_components/read-file';
import { useTRPC } from '@/server/trpc/react';
import type { ImportReport, VersionTree } from './defaults';

const MAX_BYTES = 2 * 1024 * 1024;
type Problem = ImportReport['problems'][number];

/**
 * 导入 xlsx into the draft: the file is checked first (every problem by sheet, row and column, and
 * what would be added, removed and changed); nothing is written until 确认导入, which replaces the
 * draft's whole tree and grade bands.
 */
export function ImportDialog({ tree, onClose }: { tree: VersionTree; onClose: () => void }) {
  const t = useTranslations('indicators.import');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const { file, fileError, setFileError, read } = useXlsxUpload(MAX_BYTES, { notXlsx: t('notXlsx'), tooBig: t('tooBig') });
  const { done, onError } = useMutationFeedback(trpc.indicator.pathKey(), { onDone: onClose });
  const dryRun = useMutation(trpc.indicator.importDryRun.mutationOptions({
    onError: (err) => setFileError(xlsxUploadError(err)),
  }));
  const pick = async (f: File) => {
    dryRun.reset();
    const base64 = await read(f);
    if (base64) dryRun.mutate({ id: tree.version.id, xlsxBase64: base64 });
  };
  const apply = useMutation(trpc.indicator.importApply.mutationOptions({ onSuccess: (r) => done(t('done', { n: r.summary.nodes })), onError }));
  const report = dryRun.data;
  const counts = report ? (({ bandsChanged: _b, ...n }) => n)(report.summary) : null;
  const ok = !!report && report.problems.length === 0;

  return (
    <Modal
      open
      title={<>{t('title', { n: tree.version.versionNo })} <Cite code="HN-22 ¶1" /></>}
      width={900}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>{tc('cancel')}</Button>,
        <Button key="ok" type="primary" disabled={!ok} loading={apply.isPending} onClick={() => file && apply.mutate({ id: tree.version.id, version: tree.version.version, xlsxBase64: file.base64 })} data-testid="import-confirm">
          {t('confirm')}
        </Button>,
      ]}
    >
      <Steps size="small" current={report ? 2 : file ? 1 : 0} style={{ margin: '8px 0 16px' }} items={[{ title: t('step1') }, { title: t('step2') }, { title: t('step3') }]} />
      <Alert type="warning" showIcon title={t('replaceWarning')} style={{ marginBottom: 16 }} />
      <Space style={{ marginBottom: 16 }}>
        <Button icon={<DownloadOutlined />} href={`/api/evaluation/indicators/versions/${tree.version.id}/export`} download>{t('template')}</Button>
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => { void pick(f); return false; }}>
          <Button icon={<UploadOutlined />} data-testid="import-choose">{file ? t('again') : t('choose')}</Button>
        </Upload>
        {file && <Typography.Text type="secondary">{file.name}</Typography.Text>}
      </Space>
      {fileError && <Alert type="error" showIcon title={fileError} style={{ marginBottom: 16 }} />}
      {(dryRun.isPending || apply.isPending) && <Spin tip={dryRun.isPending ? t('checking') : t('writing')}><div style={{ height: 80 }} /></Spin>}
      {report && !apply.isPending && (
        <>
          <Alert
            data-testid="import-summary"
            type={ok ? 'success' : 'error'}
            showIcon
            title={ok ? t('summaryOk', counts!) : t('summaryBad', counts!)}
            description={t('summaryDetail', { ...counts!, bands: report.summary.bandsChanged ? t('bandsChanged') : t('bandsSame') })}
            style={{ marginBottom: 16 }}
          />
          {report.problems.length > 0 && (
            <Table<Problem>
              data-testid="import-problems"
              size="small"
              rowKey={(p) => `${p.sheet}-${p.row}-${p.column}-${p.message}`}
              dataSource={report.problems}
              pagination={report.problems.length > 10 ? { pageSize: 10 } : false}
              columns={[
                { title: t('sheet'), dataIndex: 'sheet', width: 100 },
                { title: t('row'), dataIndex: 'row', width: 60 },
                { title: t('column'), dataIndex: 'column', width: 140 },
                { title: t('problem'), dataIndex: 'message', render: (v: string) => <Typography.Text type="danger">{v}</Typography.Text> },
              ]}
            />
          )}
        </>
      )}
    </Modal>
  );
}
