export * from './rule';
export * from './catalog';
