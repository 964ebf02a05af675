'use client';

import { toBase64 } from '@/app/_components/read-file';
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import dayjs from 'dayjs';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { applyServerErrors } from '@/app/_components/use-form-errors';
import { useTRPC } from '@/server/trpc/react';
import type { CalendarPreview } from './types';

const MAX_BYTES = 1024 * 1024;

interface Values {
  year: number;
  text?: string;
}

/**
 * 载入年度日历: paste lines or upload the xlsx template, see a dry run with every row's problems,
 * and only then write the year's table in one transaction.
 */
export function LoadYearDialog({ open, year, onClose, onLoaded }: { open: boolean; year: number; onClose: () => void; onLoaded: (year: number) => void }) {
  const t = useTranslations('security.load');
  const tk = useTranslations('security.calendar');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formYear = Form.useWatch('year', form);
  const [tab, setTab] = useState<'xlsx' | 'text'>('xlsx');
  const [fileName, setFileName] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<CalendarPreview | null>(null);

  const reset = () => {
    setPreview(null);
    setFileName(null);
    setFileError(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const previewYear = useMutation(trpc.security.calendar.previewYear.mutationOptions({
    onSuccess: (p) => setPreview(p),
    onError: (err) => {
      setPreview(null);
      const fe = err instanceof TRPCClientError ? (err.data as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors : undefined;
      if (fe?.xlsxBase64) return setFileError(fe.xlsxBase64.join(';'));
      const msg = applyServerErrors(form, err);
      if (msg) message.error(msg);
    },
  }));
  const loadYear = useMutation(trpc.security.calendar.loadYear.mutationOptions({
    onSuccess: async (r) => {
      message.success(t('loaded', { year: r.year, n: r.days }));
      await Promise.all([
        qc.invalidateQueries({ queryKey: trpc.security.pathKey() }),
        qc.invalidateQueries({ queryKey: trpc.me.pathKey() }),
      ]);
      onLoaded(r.year);
      close();
    },
    onError: (err) => {
      const msg = applyServerErrors(form, err);
      if (msg) message.error(msg);
    },
  }));

  const onFile = async (file: File) => {
    reset();
    setFileName(file.name);
    if (!/\.xlsx$/i.test(file.name)) return setFileError(t('notXlsx'));
    if (file.size > MAX_BYTES) return setFileError(t('tooLarge'));
    const y = await form.validateFields(['year']).then((v) => v.year, () => null);
    if (y === null) return;
    previewYear.mutate({ year: y, xlsxBase64: await toBase64(file) });
  };

  const onPreviewText = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setPreview(null);
    previewYear.mutate({ year: v.year, text: v.text ?? '' });
  };

  const problemRows = preview?.problemCount ?? 0;
  const ok = !!preview && problemRows === 0 && preview.days.length > 0;
  const rest = preview?.days.filter((d) => !d.working).length ?? 0;

  return (
    <Modal
      open={open}
      width={880}
      title={t('title')}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>{tc('cancel')}</Button>
          <Button
            type="primary"
            disabled={!ok}
            loading={loadYear.isPending}
            onClick={() => preview && loadYear.mutate({ year: preview.year, days: preview.days })}
          >
            {preview ? t('confirm', { year: preview.year, n: preview.days.length }) : t('confirmDisabled')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" initialValues={{ year }} onValuesChange={() => setPreview(null)} preserve={false}>
        <Form.Item label={t('year')} name="year" rules={[{ required: true, message: t('yearRequired') }, { type: 'number', min: 2004, max: 2100, message: t('yearRange') }]}>
          <InputNumber precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            setTab(k as 'xlsx' | 'text');
            reset();
          }}
          items={[
            {
              key: 'xlsx',
              label: t('tabXlsx'),
              children: (
                <Form.Item label={t('file')} validateStatus={fileError ? 'error' : undefined} help={fileError ?? t('fileHelp')}>
                  <Upload.Dragger
                    accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    maxCount={1}
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void onFile(file);
                      return Upload.LIST_IGNORE;
                    }}
                  >
                    <p className="ant-upload-drag-icon"><InboxOutlined /></p>
                    <p className="ant-upload-text">{fileName ?? t('drop')}</p>
                    <p className="ant-upload-hint">
                      <a href={`/api/security/calendar/template?year=${formYear ?? year}`} onClick={(e) => e.stopPropagation()}>{tk('template')}</a>
                    </p>
                  </Upload.Dragger>
                </Form.Item>
              ),
            },
            {
              key: 'text',
              label: t('tabText'),
              children: (
                <>
                  <Form.Item label={t('text')} name="text" extra={t('textHelp')} rules={[{ required: tab === 'text', whitespace: true, message: t('textRequired') }]}>
                    <Input.TextArea rows={8} placeholder={t('textPlaceholder')} style={{ fontFamily: 'monospace' }} />
                  </Form.Item>
                  <Button onClick={onPreviewText} loading={previewYear.isPending}>{t('preview')}</Button>
                </>
              ),
            },
          ]}
        />
      </Form>

      {previewYear.isPending && tab === 'xlsx' && <Typography.Text type="secondary">{t('reading')}</Typography.Text>}
      {preview && (
        <div style={{ marginTop: 16 }} data-testid="calendar-preview">
          {ok ? (
            <Alert type="success" showIcon title={t('previewOk', { year: preview.year, n: preview.days.length, rest, work: preview.days.length - rest })}
              description={preview.replaces > 0 ? t('replaces', { year: preview.year, n: preview.replaces }) : undefined} />
          ) : (
            <Alert type="error" showIcon role="alert" title={t('previewProblems', { n: problemRows, total: preview.rows.length })} />
          )}
          <Table
            size="small"
            style={{ marginTop: 12 }}
            rowKey="row"
            dataSource={preview.rows}
            pagination={preview.rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            rowClassName={(r) => (r.problems.length ? 'row-has-problem' : '')}
            columns={[
              { title: t('colRow'), dataIndex: 'row', width: 64 },
              { title: t('colDate'), dataIndex: 'date', width: 120, render: (v: string | null, r) => v ?? <Typography.Text type="danger">{r.raw.split(/\s+/)[0] || '—'}</Typography.Text> },
              { title: t('colWeekday'), key: 'weekday', width: 90, render: (_: unknown, r) => (r.date ? dayjs(r.date).format('dddd') : '') },
              {
                title: t('colType'), dataIndex: 'working', width: 110,
                render: (v: boolean | null) => (v === null ? '—' : v ? <Tag color="orange">{tk('kind.adjusted_workday')}</Tag> : <Tag color="red">{tk('kind.holiday')}</Tag>),
              },
              { title: t('colName'), dataIndex: 'name', render: (v: string | null) => v ?? '' },
              {
                title: t('colProblems'), dataIndex: 'problems',
                render: (ps: CalendarPreview['rows'][number]['problems'], r) => (ps.length
                  ? <Typography.Text type="danger">{ps.map((p) => t(`problem.${p}`, { year: preview.year, date: r.date ?? '' })).join(';')}</Typography.Text>
                  : <Typography.Text type="success">{t('rowOk')}</Typography.Text>),
              },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}
