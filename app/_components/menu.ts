import type { Permission } from '@/server/domain/policy';

/**
 * The sidebar. An entry shows when the user holds its permission (none = every signed-in user).
 * Pages check the same permission on the server; the menu only helps.
 */
export interface MenuEntry {
  href: string;
  label: string; // key in messages nav.*
  permission?: Permission;
  /** Business pages are hidden from the 三权分立 admin roles. */
  businessOnly?: boolean;
  group?: 'catalogGroup' | 'filingGroup' | 'evaluationGroup' | 'supervisionGroup' | 'adminGroup' | 'securityGroup' | 'auditGroup';
}

export const MENU: MenuEntry[] = [
  { href: '/', label: 'home' },
  { href: '/catalog', label: 'catalog', permission: 'catalog.read', group: 'catalogGroup' },
  { href: '/catalog/registrations', label: 'registrations', permission: 'registration.read', group: 'catalogGroup' },
  { href: '/catalog/conflicts', label: 'conflicts', permission: 'catalog.conflicts.read', group: 'catalogGroup' },
  { href: '/filings/plans', label: 'plans', permission: 'plan.read', group: 'filingGroup' },
  { href: '/filings/agreements', label: 'agreements', permission: 'agreement.read', group: 'filingGroup' },
  { href: '/filings/scenarios', label: 'scenarios', permission: 'scenario.read', group: 'filingGroup' },
  { href: '/filings/products', label: 'products', permission: 'product.read', group: 'filingGroup' },
  { href: '/filings/developers', label: 'developers', permission: 'developer.read', group: 'filingGroup' },
  { href: '/filings/disclosures', label: 'disclosures', permission: 'disclosure.read', group: 'filingGroup' },
  { href: '/filings/quality', label: 'quality', permission: 'quality.read', group: 'filingGroup' },
  { href: '/filings/reports', label: 'reports', permission: 'report.read', group: 'filingGroup' },
  { href: '/evaluation/campaigns', label: 'campaigns', permission: 'campaign.read', group: 'evaluationGroup' },
  { href: '/evaluation/indicators', label: 'indicators', permission: 'indicator.read', group: 'evaluationGroup' },
  { href: '/rectification', label: 'rectification', permission: 'rectification.read', group: 'supervisionGroup' },
  { href: '/rectification/suspensions', label: 'suspensions', permission: 'suspension.read', group: 'supervisionGroup' },
  { href: '/rectification/criticisms', label: 'criticisms', permission: 'criticism.read', group: 'supervisionGroup' },
  { href: '/incidents', label: 'incidents', permission: 'incident.read', group: 'supervisionGroup' },
  { href: '/directory', label: 'directory', permission: 'directory.org.read' },
  { href: '/admin/orgs', label: 'orgs', permission: 'admin.org.read', group: 'adminGroup' },
  { href: '/admin/users', label: 'users', permission: 'admin.user.read', group: 'adminGroup' },
  { href: '/admin/regions', label: 'regions', permission: 'admin.region.read', group: 'adminGroup' },
  { href: '/security/policy', label: 'policy', permission: 'security.policy.read', group: 'securityGroup' },
  { href: '/security/calendar', label: 'calendar', permission: 'security.calendar.read', group: 'securityGroup' },
  { href: '/security/incident-policy', label: 'incidentPolicy', permission: 'security.incidentPolicy.read', group: 'securityGroup' },
  { href: '/audit', label: 'auditLog', permission: 'audit.read', group: 'auditGroup' },
  { href: '/regulations', label: 'regulations' },
];

export function visibleMenu(permissions: readonly string[]): MenuEntry[] {
  return MENU.filter((m) => !m.permission || permissions.includes(m.permission));
}
