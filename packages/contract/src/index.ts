export * from './errors.ts';
export * from './common.ts';
export * from './models.ts';
export * from './rest.ts';
export * from './realtime.ts';
export * from './admin.ts';
export * from './league.ts';
export * from './changes.ts';
