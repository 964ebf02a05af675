'use client';

import { App, Button, Descriptions, Form, Input, Modal, Popconfirm, Radio, Space, Tag } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useLocale, useTranslations } from 'next-intl';
import { applyServerErrors } from '@/app/_components/use-form-errors';
import { useTRPC } from '@/server/trpc/react';
import { KIND_STYLE, type CalendarDay } from './types';

interface Values {
  working: boolean;
  name?: string;
}

/** Set one day to 工作日 or 休息日 (it then wins over the package), or remove that override. */
export function DayDialog({ day, onClose }: { day: CalendarDay | null; onClose: () => void }) {
  const t = useTranslations('security.calendar');
  const tc = useTranslations('common');
  const en = useLocale() === 'en';
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  const done = async (text: string) => {
    message.success(text);
    await qc.invalidateQueries({ queryKey: trpc.security.pathKey() });
    onClose();
  };
  const setDay = useMutation(trpc.security.calendar.setDay.mutationOptions({
    onSuccess: () => done(t('daySaved', { date: day?.date ?? '' })),
    onError: (err) => {
      const msg = applyServerErrors(form, err);
      if (msg) message.error(msg);
    },
  }));
  const removeDay = useMutation(trpc.security.calendar.removeDay.mutationOptions({
    onSuccess: () => done(t('dayRemoved', { date: day?.date ?? '' })),
    onError: (err) => message.error(err.message),
  }));

  return (
    <Modal
      open={!!day}
      title={day ? t('dayTitle', { date: day.date, weekday: dayjs(day.date).format('dddd') }) : ''}
      onCancel={onClose}
      destroyOnHidden
      footer={day && (
        <Space>
          {day.source === 'loaded' && (
            <Popconfirm title={t('removeConfirm')} description={t('removeHelp')} okText={t('remove')} cancelText={tc('cancel')} okButtonProps={{ danger: true }} onConfirm={() => removeDay.mutate({ date: day.date })}>
              <Button danger loading={removeDay.isPending}>{t('remove')}</Button>
            </Popconfirm>
          )}
          <Button onClick={onClose}>{tc('cancel')}</Button>
          <Button type="primary" loading={setDay.isPending} onClick={() => form.submit()}>{t('confirmSet')}</Button>
        </Space>
      )}
    >
      {day && (
        <>
          <Descriptions size="small" column={1} style={{ marginBottom: 16 }} items={[
            { key: 'kind', label: t('currentKind'), children: <Tag style={{ color: KIND_STYLE[day.kind].color, background: KIND_STYLE[day.kind].background }}>{t(`kind.${day.kind}`)}</Tag> },
            { key: 'name', label: t('name'), children: (en ? day.nameEn : day.name) ?? '—' },
            { key: 'source', label: t('sourceLabel'), children: t(`source.${day.source}`) },
          ]} />
          <Form<Values>
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={{ working: !day.working, name: day.name ?? '' }}
            onFinish={(v) => setDay.mutate({ date: day.date, working: v.working, name: v.name?.trim() || null })}
          >
            <Form.Item label={t('setAs')} name="working" rules={[{ required: true }]}>
              <Radio.Group optionType="button" options={[{ value: true, label: t('asWorking') }, { value: false, label: t('asRest') }]} />
            </Form.Item>
            <Form.Item label={t('name')} name="name" extra={t('nameHelp')} rules={[{ max: 50, message: t('nameTooLong') }]}>
              <Input placeholder={t('namePlaceholder')} maxLength={50} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
