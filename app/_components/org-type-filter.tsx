'use client';

import { Select } from 'antd';
import { useTranslations } from 'next-intl';
import { ORG_TYPES, type OrgType } from '@/server/domain/roles';

/** The "organization type" filter of a list of organizations (cleared: every type). */
export function OrgTypeFilter({ label, placeholder, value, onChange }: { label: string; placeholder: string; value?: OrgType; onChange: (v?: OrgType) => void }) {
  const tr = useTranslations('roles');
  return (
    <Select
      aria-label={label}
      placeholder={placeholder}
      allowClear
      value={value}
      onChange={onChange}
      options={ORG_TYPES.map((v) => ({ value: v, label: tr(`orgTypes.${v}`) }))}
      style={{ width: 200 }}
    />
  );
}
