import { CODE_PLACEHOLDER } from './messages';
import { ResolveContext } from '../context';
import { isLiteral } from '../errors';
import { SmsSpec } from '../sms-spec';
import { acceptedSnsRegions, REGION_PATTERN } from '../sns-regions';

const EXTERNAL_ID_PATTERN = /^[\w+=,.@:/-]{2,1224}$/;

/**
 * The SMS configuration: the message Cognito accepts, an external ID of the form IAM accepts,
 * and an SNS Region that Cognito accepts for the pool's Region. Tokens are not checked.
 *
 * @param region the stack's Region, or undefined in an environment-agnostic stack
 */
export function checkSms(ctx: ResolveContext, sms: SmsSpec, region: string | undefined): void {
  if (isLiteral(sms.message)) {
    if (!sms.message.includes(CODE_PLACEHOLDER)) {
      throw ctx.refuse('sms.message', `must contain the placeholder ${CODE_PLACEHOLDER}`, sms.message,
        `Put ${CODE_PLACEHOLDER} where the code goes, for example "Your sign-in code is ${CODE_PLACEHOLDER}".`);
    }
    if (sms.message.length > 140) {
      throw ctx.refuse('sms.message', `must be at most 140 characters, not ${sms.message.length}`, sms.message,
        'Shorten the message.');
    }
  }
  if (sms.externalId !== undefined && isLiteral(sms.externalId) && !EXTERNAL_ID_PATTERN.test(sms.externalId)) {
    throw ctx.refuse('sms.externalId', 'must be 2 to 1,224 characters of letters, digits and +=,.@:/-_', sms.externalId,
      'Choose an external ID of that form, or leave it unset for a stable default.');
  }
  if (region === undefined) {
    checkSnsRegionShape(ctx, sms.snsRegion);
  } else {
    checkSnsRegionFor(ctx, sms.snsRegion, region);
  }
}

/** The pool's Region is unknown until deployment: the shape is all that can be checked. */
function checkSnsRegionShape(ctx: ResolveContext, snsRegion: string | undefined): void {
  if (!isLiteral(snsRegion)) {
    return;
  }
  if (!REGION_PATTERN.test(snsRegion)) {
    throw ctx.refuse('sms.snsRegion', 'is not an AWS Region name', snsRegion, 'Use a Region such as "us-east-1".');
  }
  ctx.advise('snsRegionUnchecked', `sms.snsRegion "${snsRegion}" cannot be checked against the pool's Region in an environment-agnostic stack: Cognito accepts only the pool's Region or its legacy SNS alternate. Give the stack an env to have it checked.`);
}

function checkSnsRegionFor(ctx: ResolveContext, snsRegion: string | undefined, region: string): void {
  const accepted = acceptedSnsRegions(region);
  const listed = accepted.map(r => `"${r}"`).join(' or ');
  if (snsRegion === undefined) {
    if (!accepted.includes(region)) {
      throw ctx.refuse('sms.snsRegion', `must be set for a pool in ${region}, which Cognito sends SMS from another Region for`, snsRegion,
        `Set snsRegion to ${listed}.`);
    }
    return;
  }
  if (isLiteral(snsRegion) && !accepted.includes(snsRegion)) {
    throw ctx.refuse('sms.snsRegion', `is not a Region Cognito accepts for a pool in ${region}`, snsRegion,
      `Use ${listed}, or leave it unset.`);
  }
}
