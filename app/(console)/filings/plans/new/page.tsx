import type { Metadata } from 'next';
import { requirePermission } from '@/server/auth/current';
import { PROVINCE_REGION } from '@/server/domain/roles';
import { NewPlan } from '../_components/new-plan';

export const metadata: Metadata = { title: '新建实施方案' };

export default async function NewPlanPage() {
  const user = await requirePermission('plan.write');
  return <NewPlan provincial={user.regionCode === PROVINCE_REGION} />;
}
