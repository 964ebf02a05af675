import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { loadMessages, resolveLocale } from './messages';

/** zh-CN by default; English on request (cookie set by the language switch). Times in Asia/Shanghai. */
export default getRequestConfig(async () => {
  const locale = resolveLocale((await cookies()).get('locale')?.value);
  return { locale, messages: await loadMessages(locale), timeZone: 'Asia/Shanghai' };
});
