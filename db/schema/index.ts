export * from './admin';
export * from './audit';
export * from './workflow';
export * from './catalog';
export * from './attachments';
export * from './filings';
export * from './evaluation';
export * from './rectification';
