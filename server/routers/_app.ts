import { createTRPCRouter } from '@/server/trpc/init';
import { adminRouter } from './admin/router';
import { attachmentRouter } from './attachments/router';
import { auditRouter } from './audit/router';
import { catalogRouter } from './catalog/router';
import { directoryRouter } from './directory/router';
import { campaignRouter } from './evaluation/campaign-router';
import { indicatorRouter } from './evaluation/indicator-router';
import { evaluationRouter } from './evaluation/result-router';
import { incidentPolicyRouter, incidentRouter } from './incidents/router';
import { meRouter } from './me/router';
import { agreementRouter, planRouter } from './plans/router';
import { criticismRouter, rectificationRouter, suspensionRouter } from './rectification/router';
import { qualityRouter, reportRouter } from './reports/router';
import { developerRouter, disclosureRouter, productRouter, scenarioRouter } from './scenarios/router';
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
  plan: planRouter,
  agreement: agreementRouter,
  scenario: scenarioRouter,
  product: productRouter,
  developer: developerRouter,
  disclosure: disclosureRouter,
  quality: qualityRouter,
  report: reportRouter,
  indicator: indicatorRouter,
  campaign: campaignRouter,
  evaluation: evaluationRouter,
  rectification: rectificationRouter,
  suspension: suspensionRouter,
  criticism: criticismRouter,
  incident: incidentRouter,
  incidentPolicy: incidentPolicyRouter,
});

export type AppRouter = typeof appRouter;
