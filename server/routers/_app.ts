import { createTRPCRouter } from '@/server/trpc/init';
import { adminRouter } from './admin/router';
import { attachmentRouter } from './attachments/router';
import { auditRouter } from './audit/router';
import { catalogRouter } from './catalog/router';
import { directoryRouter } from './directory/router';
import { meRouter } from './me/router';
import { securityRouter } from './security/router';

/** The API's table of contents. Each domain adds one line. */
export const appRouter = createTRPCRouter({
  me: meRouter,
  admin: adminRouter,
  security: securityRouter,
  audit: auditRouter,
  directory: directoryRouter,
  catalog: catalogRouter,
  attachment: attachmentRouter,
});

export type AppRouter = typeof appRouter;
