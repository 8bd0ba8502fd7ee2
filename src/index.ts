export * from './mfa';
export * from './sms';
export * from './email';
export * from './device';
export * from './threat-protection';
export * from './errors';
export * from './mfa-user-pool-props';
export * from './mfa-user-pool';
