export * from './admin';
export * from './audit';
export * from './workflow';
