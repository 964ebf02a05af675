import { eq } from 'drizzle-orm';
import { indicatorSystems, indicatorVersions } from '@/db/schema';
import { defineMachine } from '@/server/domain/workflow';

type VersionRow = typeof indicatorVersions.$inferSelect;

export const VERSION_ENTITY = 'indicator_version';
export const SYSTEM_ENTITY = 'indicator_system';
export const VERSION_STATUSES = ['draft', 'published'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export interface PublishStepInput {
  now: Date;
  by: string;
  changeNote: string | null;
}

/**
 * A version of an indicator system (HN-22 ¶1: 建立健全评价指标体系): a draft is edited, publishing
 * freezes it for good. A campaign takes a published version only, so a later draft never changes
 * an evaluation under way. The system's `publishedVersionNo` follows the latest published version.
 */
export const versionMachine = defineMachine<VersionStatus, 'publish', VersionRow, PublishStepInput>({
  entity: VERSION_ENTITY,
  table: indicatorVersions,
  states: VERSION_STATUSES,
  transitions: {
    publish: {
      from: ['draft'],
      to: 'published',
      permission: 'indicator.write',
      patch: (_row, input) => ({ publishedAt: input.now, publishedBy: input.by, changeNote: input.changeNote }),
      effect: async (tx, row, input) => {
        await tx.update(indicatorSystems).set({ publishedVersionNo: row.versionNo, updatedAt: input.now }).where(eq(indicatorSystems.id, row.systemId));
      },
    },
  },
});
