/**
 * Messages are split by namespace, one file per namespace and locale (messages/<locale>/<ns>.json),
 * so that each domain owns its own files.
 */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function resolveLocale(value: string | undefined | null): Locale {
  return value === 'en' ? 'en' : 'zh-CN';
}

const NAMESPACES = ['common', 'nav', 'auth', 'home', 'roles', 'admin', 'security', 'audit', 'regulations', 'catalog', 'plans', 'scenarios', 'reports', 'indicators', 'campaigns', 'results', 'rectification', 'incidents'] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => [ns, (await import(`../../messages/${locale}/${ns}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
}
