'use client';

import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { setLocaleAction } from './locale-actions';

export function LocaleSwitch() {
  const locale = useLocale();
  const router = useRouter();
  const t = useTranslations('common');
  const [pending, start] = useTransition();
  return (
    <Select
      aria-label={t('language')}
      size="small"
      value={locale}
      loading={pending}
      suffixIcon={<GlobalOutlined />}
      style={{ width: 110 }}
      options={[
        { value: 'zh-CN', label: '简体中文' },
        { value: 'en', label: 'English' },
      ]}
      onChange={(v) => start(async () => {
        await setLocaleAction(v);
        router.refresh();
      })}
    />
  );
}
