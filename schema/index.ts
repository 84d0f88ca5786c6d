export * from './actions.ts';
export * from './campaign.ts';
export * from './errors.ts';
export * from './goal.ts';
export * from './limits.ts';
