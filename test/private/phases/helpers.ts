import type { MfaUserPoolProps } from '../../../src';
import { MfaConfigurationError } from '../../../src/private/errors';
import { Decisions, resolveDecisions } from '../../../src/private/resolve';
import { WARNING_PREFIX } from '../../../src/private/rules';

/** The phases alone, without a Stack: `region` null is an environment-agnostic stack. */
export function resolve(props: MfaUserPoolProps, region: string | null = 'us-east-1'): Decisions {
  return resolveDecisions('P', props, region ?? undefined);
}

/** The rule that refuses the props, or undefined when they resolve. */
export function refusal(props: MfaUserPoolProps, region: string | null = 'us-east-1'): string | undefined {
  try {
    resolve(props, region);
    return undefined;
  } catch (e) {
    if (e instanceof MfaConfigurationError) {
      return e.ruleId;
    }
    throw e;
  }
}

/** The text of the refusal of the props; fails when they resolve. */
export function refusalMessage(props: MfaUserPoolProps, region: string | null = 'us-east-1'): string {
  try {
    resolve(props, region);
  } catch (e) {
    if (e instanceof MfaConfigurationError) {
      return e.message;
    }
    throw e;
  }
  throw new Error('expected a refusal');
}

/** The advisories of props that resolve, as `rule id: message`. */
export function advised(props: MfaUserPoolProps, region: string | null = 'us-east-1'): string[] {
  return resolve(props, region).advisories.map(a => `${a.id.slice(WARNING_PREFIX.length)}: ${a.message}`);
}

/** The rule ids of the advisories of props that resolve. */
export function advisoryIds(props: MfaUserPoolProps, region: string | null = 'us-east-1'): string[] {
  return resolve(props, region).advisories.map(a => a.id.slice(WARNING_PREFIX.length));
}
