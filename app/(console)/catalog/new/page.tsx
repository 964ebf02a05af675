import type { Metadata } from 'next';
import { requirePermission } from '@/server/auth/current';
import { NewResource } from '../_components/new-resource';

export const metadata: Metadata = { title: '新建数据资源' };

export default async function NewResourcePage() {
  await requirePermission('catalog.write');
  return <NewResource />;
}
