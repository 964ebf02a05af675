'use server';

import { cookies } from 'next/headers';
import { resolveLocale } from '@/server/i18n/messages';

export async function setLocaleAction(locale: string): Promise<void> {
  (await cookies()).set('locale', resolveLocale(locale), { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 86400 });
}
