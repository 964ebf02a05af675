import type { IncidentStatus, IncidentType, Severity } from '@/server/domain/incidents';

/** Chinese labels for server-made text (titles, error messages, exports); the UI uses messages/<locale>/incidents.json. */
export const TYPE_LABEL: Record<IncidentType, string> = {
  relationship_risk: '数据关联风险隐患',
  loss: '数据丢失',
  leakage: '数据泄露',
  tampering: '数据篡改',
  destruction: '数据毁损',
  availability: '网络运行或可用性事件',
  other: '其他事件',
};

export const SEVERITY_LABEL: Record<Severity, string> = { general: '一般', large: '较大', major: '重大', critical: '特别重大' };

export const STATUS_LABEL: Record<IncidentStatus, string> = {
  reported: '已报告',
  handling: '处置中',
  handling_ended: '处置结束(待总结)',
  summary_submitted: '总结待审核',
  more_requested: '需补充总结',
  closed: '已结案',
};
