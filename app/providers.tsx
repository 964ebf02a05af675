'use client';

import { App, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { TRPCReactProvider } from '@/server/trpc/react';

export function Providers({ children, locale }: { children: React.ReactNode; locale: string }) {
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#1d4ed8', colorError: '#cf1322', colorLink: '#1d4ed8', colorTextSecondary: '#595959', colorTextDescription: '#595959', colorTextPlaceholder: '#767676', borderRadius: 6 }, components: { Descriptions: { labelColor: '#595959' } } }}>
      <App>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </App>
    </ConfigProvider>
  );
}
