import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type { ManagedLoginSecurityPolicy } from '../managed-login';

/** A managed login domain as given: a prefix, or a custom domain with its certificate. */
export interface ManagedLoginDomainSpec {
  readonly prefix?: string;
  readonly customDomainName?: string;
  readonly certificate?: acm.ICertificate;
  readonly securityPolicy?: ManagedLoginSecurityPolicy;
}

/**
 * The host of a prefix domain: `<prefix>.auth.<region>.amazoncognito.com`, and in AWS GovCloud (US)
 * `<prefix>.auth-fips.<region>.amazoncognito.com` (the Cognito GovCloud guide's endpoint format; both
 * parents are on the Public Suffix List). A Region known only at deploy time gets the commercial form.
 * https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-cog.html
 */
export function prefixDomainHost(prefix: string, region: string): string {
  return `${prefix}.${region.startsWith('us-gov-') ? 'auth-fips' : 'auth'}.${region}.amazoncognito.com`;
}
