import type { Metadata } from 'next';
import { requirePermission } from '@/server/auth/current';
import { NewAgreement } from '../_components/new-agreement';

export const metadata: Metadata = { title: '新建运营协议' };

export default async function NewAgreementPage() {
  await requirePermission('agreement.write');
  return <NewAgreement />;
}
