import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type { ManagedLoginSecurityPolicy } from '../managed-login';

/** A managed login domain as given: a prefix, or a custom domain with its certificate. */
export interface ManagedLoginDomainSpec {
  readonly prefix?: string;
  readonly customDomainName?: string;
  readonly certificate?: acm.ICertificate;
  readonly securityPolicy?: ManagedLoginSecurityPolicy;
}
