export * from './rule';
export * from './catalog';
export * from './policy-checks';
