import { asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { dataProducts, organizations, usageDisclosures } from '@/db/schema';

/**
 * HN-17 ¶2: 一级开发主体应当公布公共数据一级开发产品和服务清单,定期向社会披露公共数据资源使用情况.
 * What the public page (/open, no login) shows, and nothing else: each operator's registered
 * products (name, form, use category, pricing basis, registration number, dates) and its published
 * disclosures. No ids, no reviewers, no drafts, scenarios or reviews. Read by the page directly, not
 * through a tRPC procedure (every procedure needs a permission).
 */
export interface PublicProduct {
  name: string;
  productForm: string;
  useCategory: string;
  pricingBasis: string;
  registrationNo: string;
  noticeEndsOn: string | null;
  effectiveOn: string | null;
}

export interface PublicDisclosure {
  period: string;
  title: string;
  body: string;
  publishedAt: Date | null;
}

export interface PublicOperator {
  name: string;
  products: PublicProduct[];
  disclosures: PublicDisclosure[];
}

export async function publicListing(db: DbOrTx): Promise<PublicOperator[]> {
  const products = await db
    .select({
      operator: organizations.name, name: dataProducts.name, productForm: dataProducts.productForm, useCategory: dataProducts.useCategory,
      pricingBasis: dataProducts.pricingBasis, registrationNo: dataProducts.registrationNo, noticeEndsOn: dataProducts.noticeEndsOn, effectiveOn: dataProducts.effectiveOn,
    })
    .from(dataProducts)
    .innerJoin(organizations, eq(organizations.id, dataProducts.operatorOrgId))
    // registered: approved by the authority (HN-15 ¶2 → HN-10), from its public notice on
    .where(eq(dataProducts.status, 'approved'))
    .orderBy(asc(organizations.name), desc(dataProducts.effectiveOn), asc(dataProducts.name));
  const disclosures = await db
    .select({ operator: organizations.name, period: usageDisclosures.period, title: usageDisclosures.title, body: usageDisclosures.body, publishedAt: usageDisclosures.publishedAt })
    .from(usageDisclosures)
    .innerJoin(organizations, eq(organizations.id, usageDisclosures.operatorOrgId))
    .where(eq(usageDisclosures.status, 'published'))
    .orderBy(asc(organizations.name), desc(usageDisclosures.period), desc(usageDisclosures.publishedAt));
  const byOperator = new Map<string, PublicOperator>();
  const entry = (name: string) => {
    if (!byOperator.has(name)) byOperator.set(name, { name, products: [], disclosures: [] });
    return byOperator.get(name)!;
  };
  for (const { operator, registrationNo, ...p } of products) entry(operator).products.push({ ...p, registrationNo: registrationNo ?? '' });
  for (const { operator, ...d } of disclosures) entry(operator).disclosures.push(d);
  return [...byOperator.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
