import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INCIDENT_POLICY, incidentRecipients, INCIDENT_TYPES, isLate, minimumSeverity, reportingDueAt, reportingHours, SEVERITIES, summaryDueAt,
  type IncidentType, type Severity,
} from './incidents';

const kinds = (regime: 'HN' | 'ID', type: IncidentType, severity: Severity, crimeSuspected = false) =>
  incidentRecipients({ regime, type, severity, crimeSuspected }).map((r) => r.kind).sort();

describe('grading guide thresholds (policy defaults)', () => {
  it('personal information of 1M / 10M / 100M people → at least 较大 / 重大 / 特别重大', () => {
    expect(minimumSeverity({ personalInfoPeople: 999_999 })).toBe('general');
    expect(minimumSeverity({ personalInfoPeople: 1_000_000 })).toBe('large');
    expect(minimumSeverity({ personalInfoPeople: 10_000_000 })).toBe('major');
    expect(minimumSeverity({ personalInfoPeople: 100_000_000 })).toBe('critical');
  });
  it('a direct loss of 5,000,000 yuan → at least 较大; the higher of the two facts wins', () => {
    expect(minimumSeverity({ directLossYuan: 4_999_999 })).toBe('general');
    expect(minimumSeverity({ directLossYuan: 5_000_000 })).toBe('large');
    expect(minimumSeverity({ personalInfoPeople: 1_000_000, directLossYuan: 20_000_000 })).toBe('major');
    expect(minimumSeverity({})).toBe('general');
  });
  it('follows an updated policy table', () => {
    const p = { ...DEFAULT_INCIDENT_POLICY, thresholds: { ...DEFAULT_INCIDENT_POLICY.thresholds, personalInfoPeople: { large: 500_000, major: 5_000_000, critical: 50_000_000 } } };
    expect(minimumSeverity({ personalInfoPeople: 600_000 }, p)).toBe('large');
  });
});

describe('recipients are computed, for every severity and type', () => {
  it('HN-18: the agency and the same-level authority always; 网信 of that level for a 重大+ data-security incident; provincial 网信 from 较大; 公安 on a suspected crime', () => {
    for (const type of INCIDENT_TYPES) {
      for (const severity of SEVERITIES) {
        const got = kinds('HN', type, severity);
        expect(got).toContain('agency');
        expect(got).toContain('authority');
        const dataIncident = ['loss', 'leakage', 'tampering', 'destruction'].includes(type);
        expect(got.includes('cyberspace_same_level'), `${type}/${severity}`).toBe(dataIncident && (severity === 'major' || severity === 'critical'));
        expect(got.includes('cyberspace_province'), `${type}/${severity}`).toBe(severity !== 'general');
        expect(got).not.toContain('police');
      }
    }
    expect(kinds('HN', 'leakage', 'general', true)).toEqual(['agency', 'authority', 'police']);
  });
  it('ID-12 ¶3: the competent departments (公安, 网信, ID-3), never the public-data authority', () => {
    expect(kinds('ID', 'leakage', 'general')).toEqual(['cyberspace_province', 'police']);
    expect(incidentRecipients({ regime: 'ID', type: 'availability', severity: 'major', crimeSuspected: true }).map((r) => r.basis)).toEqual(['ID-12.3', 'ID-12.3']);
  });
});

describe('reporting clocks in clock hours from discovery', () => {
  const at = (s: string) => new Date(s);
  it('a 较大 incident discovered at 22:30 is due 02:30 the next day, whatever the calendar', () => {
    expect(reportingDueAt(at('2026-09-30T22:30:00+08:00'), 'large', false)).toEqual(at('2026-10-01T02:30:00+08:00'));
  });
  it('a critical information infrastructure operator\'s is due at 23:30', () => {
    expect(reportingDueAt(at('2026-09-30T22:30:00+08:00'), 'major', true)).toEqual(at('2026-09-30T23:30:00+08:00'));
  });
  it('一般 incidents have the "promptly" target (default 24 h), configurable', () => {
    expect(reportingHours('general', false)).toBe(24);
    expect(reportingHours('general', true)).toBe(24);
    expect(reportingHours('general', false, { ...DEFAULT_INCIDENT_POLICY, promptHours: 12 })).toBe(12);
  });
  it('the closing summary is due 30 days after handling ends; a report after its clock is late', () => {
    expect(summaryDueAt(at('2026-10-02T10:00:00+08:00'))).toEqual(at('2026-11-01T10:00:00+08:00'));
    const due = reportingDueAt(at('2026-09-30T22:30:00+08:00'), 'large', false);
    expect(isLate(at('2026-10-01T02:30:00+08:00'), due)).toBe(false);
    expect(isLate(at('2026-10-01T02:31:00+08:00'), due)).toBe(true);
  });
});
