import { and, eq, ilike, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { organizations, regions } from '@/db/schema';
import { notFound } from '@/server/domain/errors';
import { keyset, likePattern, pageOf, ZPageInput } from '@/server/domain/paging';
import { ORG_TYPES } from '@/server/domain/roles';
import { visibleOrgs } from '@/server/domain/scope';
import { suspensionJson } from '@/server/routers/rectification/suspension-sql';
import { createTRPCRouter, permissionProcedure } from '@/server/trpc/init';

const columns = {
  id: organizations.id, name: organizations.name, creditCode: organizations.creditCode, type: organizations.type,
  regionCode: organizations.regionCode, regionName: regions.name, industry: organizations.industry,
  /** HN-22 ¶2: an operator's active suspension, for the 暂停运营 tag. */
  suspension: suspensionJson(organizations.id),
};

/**
 * The organizations a business user may see (DESIGN §1): the province sees all, an industry
 * department its industry, a municipal authority its city, everyone else their own organization.
 */
export const directoryRouter = createTRPCRouter({
  org: createTRPCRouter({
    list: permissionProcedure('directory.org.read')
      .input(ZPageInput.extend({ type: z.enum(ORG_TYPES).optional(), sort: z.enum(['name', 'regionCode']).default('name') }))
      .query(async ({ ctx, input }) => {
        const { where, order } = keyset(organizations[input.sort], organizations.id, input);
        const conds: (SQL | undefined)[] = [visibleOrgs(ctx.user), where, eq(organizations.active, true)];
        if (input.q) conds.push(or(ilike(organizations.name, likePattern(input.q)), ilike(organizations.creditCode, likePattern(input.q))));
        if (input.type) conds.push(eq(organizations.type, input.type));
        const rows = await ctx.db.select(columns).from(organizations).innerJoin(regions, eq(regions.code, organizations.regionCode)).where(and(...conds)).orderBy(...order).limit(input.limit + 1);
        return pageOf(rows, input.limit, (r) => r[input.sort]);
      }),
    get: permissionProcedure('directory.org.read').input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
      const [row] = await ctx.db.select(columns).from(organizations).innerJoin(regions, eq(regions.code, organizations.regionCode)).where(and(eq(organizations.id, input.id), visibleOrgs(ctx.user)));
      if (!row) throw notFound('机构');
      return row;
    }),
  }),
});
