'use client';

import { useTranslations } from 'next-intl';
import { DueTag, type DueStatus } from '@/app/_components/due-tag';
import { ToneTag, type Tone } from '@/app/_components/tone-tag';

/** The status tags of HN-15 / HN-17 rows, one palette (ToneTag keeps the contrast). */
const TONES: Record<string, Record<string, Tone>> = {
  status: { draft: 'gray', agency_review: 'blue', authority_review: 'blue', approved: 'green', rejected: 'red', withdrawn: 'gray' },
  roundStatus: { submitted: 'blue', approved: 'green', rejected: 'red', withdrawn: 'gray' },
  selectionStatus: { draft: 'gray', submitted: 'blue', approved: 'gold', returned: 'red', contracted: 'green' },
  disclosureStatus: { draft: 'gray', published: 'green' },
  result: { pass: 'green', fail: 'red', none: 'gray' },
};

export function StatusTag({ kind, status, testId }: { kind: keyof typeof TONES; status: string; testId?: string }) {
  const t = useTranslations(`scenarios.${kind}`);
  return <ToneTag tone={TONES[kind][status] ?? 'gray'} data-testid={testId}>{t(status)}</ToneTag>;
}

/** The clock of the row's open step (HN-15 ¶2 及时审核: the console's 10-working-day target). */
export function OpenStepDue({ due }: { due: { dueAt: Date; status: string; basis: string | null } | null }) {
  return due ? <DueTag dueAt={due.dueAt} status={due.status as DueStatus} basis={due.basis} /> : <>—</>;
}

/** An audit action (e.g. `scenario_application.submit`) as words, for the timeline. */
export function useActionLabel() {
  const t = useTranslations('scenarios.timeline');
  return (action: string) => (t.has(action) ? t(action) : action);
}

/** A required text field's rule, worded as the forms say it (请填写…). */
export function useRequired() {
  const t = useTranslations('scenarios');
  return (label: string) => [{ required: true, whitespace: true, message: t('required', { label }) }];
}
