'use client';

import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Spin, Steps, Table, Typography, Upload } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { ToneTag } from '@/app/_components/tone-tag';
import { Cite } from '@/app/_components/citation';
import { useMutationFeedback } from '@/app/_components/list-kit';
import { useXlsxUpload, xlsxUploadError } from '@/app/_components/read-file';
import { useTRPC } from '@/server/trpc/react';

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * 导入数据资源目录 (HN-9): download the template, upload it for a dry run that lists every problem by
 * sheet, row and column and what would be created or updated; nothing is written until the user
 * confirms, and then the valid resources are written in one transaction.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const t = useTranslations('catalog.import');
  const tc = useTranslations('common');
  const tt = useTranslations('catalog.cols');
  const trpc = useTRPC();
  const { file, fileError, setFileError, read } = useXlsxUpload(MAX_BYTES, { notXlsx: t('notXlsx'), tooBig: t('tooBig') });
  const { done, onError } = useMutationFeedback(trpc.catalog.pathKey(), { onDone: onClose });
  const dryRun = useMutation(trpc.catalog.import.dryRun.mutationOptions({
    onError: (err) => setFileError(xlsxUploadError(err)),
  }));
  const pick = async (f: File) => {
    dryRun.reset();
    const base64 = await read(f);
    if (base64) dryRun.mutate({ xlsxBase64: base64 });
  };
  const commit = useMutation(trpc.catalog.import.commit.mutationOptions({ onSuccess: (r) => done(t('done', { n: r.written })), onError }));
  const report = dryRun.data;
  const valid = report ? report.summary.create + report.summary.update : 0;
  const problems = report ? [...report.rows.flatMap((r) => r.problems), ...report.orphanProblems] : [];

  return (
    <Modal
      open
      title={<>{t('title')} <Cite code="HN-9" /></>}
      width={960}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>{tc('cancel')}</Button>,
        <Button key="ok" type="primary" disabled={!report || valid === 0} loading={commit.isPending} onClick={() => file && commit.mutate({ xlsxBase64: file.base64 })} data-testid="import-confirm">
          {t('confirm', { n: valid })}
        </Button>,
      ]}
    >
      <Steps size="small" current={report ? 2 : file ? 1 : 0} style={{ margin: '8px 0 16px' }} items={[{ title: t('step1') }, { title: t('step2') }, { title: t('step3') }]} />
      <Space style={{ marginBottom: 16 }}>
        <a href="/api/catalog/template" download><Button icon={<DownloadOutlined />}>{t('template')}</Button></a>
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => { void pick(f); return false; }}>
          <Button icon={<UploadOutlined />} data-testid="import-choose">{file ? t('again') : t('choose')}</Button>
        </Upload>
        {file && <Typography.Text type="secondary">{file.name}</Typography.Text>}
      </Space>
      {fileError && <Alert type="error" showIcon title={fileError} style={{ marginBottom: 16 }} />}
      {(dryRun.isPending || commit.isPending) && (
        <Spin tip={dryRun.isPending ? t('checking') : t('writing')}><div style={{ height: 80 }} /></Spin>
      )}
      {report && !commit.isPending && (
        <>
          <Alert
            data-testid="import-summary"
            type={valid === 0 ? 'error' : report.summary.error ? 'warning' : 'success'}
            showIcon
            title={valid === 0 ? t('allBad') : t('summary', report.summary)}
            style={{ marginBottom: 16 }}
          />
          {problems.length > 0 ? (
            <Table
              data-testid="import-problems"
              size="small"
              rowKey={(p) => `${p.sheet}-${p.row}-${p.column}-${p.message}`}
              dataSource={problems}
              pagination={problems.length > 10 ? { pageSize: 10 } : false}
              columns={[
                { title: t('sheet'), dataIndex: 'sheet', width: 100 },
                { title: t('row'), dataIndex: 'row', width: 60 },
                { title: t('column'), dataIndex: 'column', width: 140 },
                { title: t('problem'), dataIndex: 'message', render: (v: string) => <Typography.Text type="danger">{v}</Typography.Text> },
              ]}
            />
          ) : <Alert type="success" title={t('noErrors')} />}
          <Table
            style={{ marginTop: 16 }}
            size="small"
            rowKey="row"
            dataSource={report.rows}
            pagination={report.rows.length > 10 ? { pageSize: 10 } : false}
            columns={[
              { title: t('row'), dataIndex: 'row', width: 60 },
              { title: tt('code'), dataIndex: 'code', width: 180 },
              { title: tt('name'), dataIndex: 'name' },
              { title: tt('itemCount'), dataIndex: 'itemCount', width: 80 },
              { title: t('result'), dataIndex: 'action', width: 90, render: (a: 'create' | 'update' | 'error') => <ToneTag tone={a === 'error' ? 'red' : a === 'update' ? 'blue' : 'green'}>{t(a)}</ToneTag> },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
