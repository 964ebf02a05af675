'use client';

import { Segmented } from 'antd';
import { useTranslations } from 'next-intl';

/** The list's views above its filters: 全部 / 待我备案 / 即将到期 …, each a filter of the list. */
export function ViewSwitch<V extends string>({ value, options, onChange }: { value: V; options: readonly V[]; onChange: (v: V) => void }) {
  const t = useTranslations('plans.list');
  return (
    <Segmented<V>
      aria-label={t('all')}
      value={value}
      onChange={onChange}
      options={options.map((o) => ({ value: o, label: t(o as 'all') }))}
      style={{ marginBottom: 16 }}
      data-testid="view-switch"
    />
  );
}
