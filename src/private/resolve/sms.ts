import { CODE_PLACEHOLDER } from './messages';
import { ResolveContext } from '../context';
import { isLiteral } from '../errors';
import { RULES } from '../rules';
import { EumsSpec, OriginationIdentitySpec, SmsSpec } from '../sms-spec';
import { acceptedSnsRegions, directPathAvailable, isCommercialRegion, REGION_PATTERN } from '../sns-regions';

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
      throw ctx.refuse(RULES.smsMessageForm, 'sms.message', `must contain the placeholder ${CODE_PLACEHOLDER}`, sms.message,
        `Put ${CODE_PLACEHOLDER} where the code goes, for example "Your sign-in code is ${CODE_PLACEHOLDER}".`);
    }
    if (sms.message.length > 140) {
      throw ctx.refuse(RULES.smsMessageForm, 'sms.message', `must be at most 140 characters, not ${sms.message.length}`, sms.message,
        'Shorten the message.');
    }
  }
  if (sms.externalId !== undefined && isLiteral(sms.externalId) && !EXTERNAL_ID_PATTERN.test(sms.externalId)) {
    throw ctx.refuse(RULES.externalIdForm, 'sms.externalId', 'must be 2 to 1,224 characters of letters, digits and +=,.@:/-_', sms.externalId,
      'Choose an external ID of that form, or leave it unset for a stable default.');
  }
  if (sms.eums) {
    checkEums(ctx, sms.eums, region, sms.role === undefined);
  } else if (region === undefined) {
    checkSnsRegionShape(ctx, sms.snsRegion);
  } else {
    checkSnsRegionFor(ctx, sms.snsRegion, region);
  }
}

const E164 = /^\+[1-9]\d{1,14}$/;
/** The OriginationIdentity and ConfigurationSetName patterns of End User Messaging's SendTextMessage. */
const CONFIGURATION_SET = /^[A-Za-z0-9_:/-]{1,256}$/;
const IDENTITY_ARN = /^arn:[a-z-]+:sms-voice:([a-z0-9-]+):(\d{12}):(phone-number|sender-id|pool)\/\S+$/;

/**
 * The direct path through End User Messaging (EumsSmsConfigurationType in the API reference):
 * the Region can only be the pool's own (refused otherwise). The API model gives the India DLT
 * IDs, the origination identity and the configuration set no pattern, so forms End User Messaging
 * would refuse when it sends are advised against, not refused.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_EumsSmsConfigurationType.html
 * https://docs.aws.amazon.com/pinpoint/latest/apireference_smsvoicev2/API_SendTextMessage.html
 *
 * @param createdRole this library creates the role, so an identity that is not an ARN leaves it unscoped
 */
function checkEums(ctx: ResolveContext, eums: EumsSpec, region: string | undefined, createdRole: boolean): void {
  if (region !== undefined && !directPathAvailable(region)) {
    const sns = acceptedSnsRegions(region) ?? [];
    throw ctx.refuse(RULES.directPathUnavailable, 'sms', `sends through End User Messaging directly, which Cognito does not offer for a pool in ${region} (the guide's direct path Region configuration)`,
      'End User Messaging', `Send SMS through Amazon SNS: SmsMfa.withNewRole({ snsRegion: ${sns.map(r => `'${r}'`).join(' or ')} }).`);
  }
  const eumsRegion = checkEumsRegion(ctx, eums.region, region);
  if ((eums.inEntityId === undefined) !== (eums.inTemplateId === undefined)) {
    const given = eums.inEntityId === undefined ? 'indiaTemplateId' : 'indiaEntityId';
    const missing = eums.inEntityId === undefined ? 'indiaEntityId' : 'indiaTemplateId';
    ctx.advise(RULES.indiaIdsApart, `sms.${given} is set without sms.${missing}. Cognito passes each as given, but India's DLT rules register the entity and the message template together: messages to India may be refused without both.`);
  }
  if (isLiteral(eums.configurationSetName) && !CONFIGURATION_SET.test(eums.configurationSetName)) {
    ctx.advise(RULES.configurationSetForm, `sms.configurationSetName ${JSON.stringify(eums.configurationSetName)} is not a configuration set name or ARN `
      + '(1 to 256 characters of letters, digits and _:/-): Cognito accepts it, and End User Messaging refuses every message sent with it. Use the name (or ARN) End User Messaging shows.');
  }
  const identity = eums.originationIdentity;
  if (identity) {
    checkOriginationIdentity(ctx, identity, eumsRegion);
  }
  if (createdRole && identity?.isArn !== true) {
    ctx.advise(RULES.smsRoleNotScoped, identity
      ? `sms.originationIdentity is ${identity.kind}, which a policy cannot name, so the SMS role may send from any origination identity of the account. Give it with SmsOriginationIdentity.fromArn() to scope the role to it.`
      : 'sms.originationIdentity is not set, so the SMS role may send from any origination identity of the account. Set it with SmsOriginationIdentity.fromArn() to scope the role to one.');
  }
}

/** The Region Cognito accepts for the direct path is the pool's own; returns the Region messages go out from, when known. */
function checkEumsRegion(ctx: ResolveContext, eumsRegion: string | undefined, region: string | undefined): string | undefined {
  if (!isLiteral(eumsRegion)) {
    return region;
  }
  if (!REGION_PATTERN.test(eumsRegion)) {
    throw ctx.refuse(RULES.eumsRegionNotPool, 'sms.region', 'is not an AWS Region name, and Cognito accepts only the pool\'s own Region', eumsRegion,
      'Use the pool\'s Region, or leave it unset.');
  }
  if (region === undefined) {
    ctx.advise(RULES.eumsRegionUnchecked, `sms.region "${eumsRegion}" cannot be checked in an environment-agnostic stack: Cognito accepts only the pool's own Region for End User Messaging. Leave it unset, or give the stack an env.`);
    return eumsRegion;
  }
  if (eumsRegion !== region) {
    throw ctx.refuse(RULES.eumsRegionNotPool, 'sms.region', `must be the pool's Region (${region}): Cognito rejects any other Region for End User Messaging`, eumsRegion,
      `Set region to "${region}" or leave it unset, and send from End User Messaging resources in ${region}.`);
  }
  return region;
}

function checkOriginationIdentity(ctx: ResolveContext, identity: OriginationIdentitySpec, region: string | undefined): void {
  const value = identity.value;
  if (!isLiteral(value)) {
    return;
  }
  const listedForms = 'The API reference lists an E.164 phone number or the ARN of a phone number, sender ID or phone pool; Cognito passes any other value as given, and End User Messaging refuses the messages.';
  if (identity.isArn) {
    const match = IDENTITY_ARN.exec(value);
    if (!match) {
      ctx.advise(RULES.originationIdentityForm, `sms.originationIdentity ${JSON.stringify(value)} is not the ARN of an End User Messaging phone number, sender ID or phone pool `
        + `(arn:aws:sms-voice:<region>:<account>:phone-number/<id>, sender-id/..., pool/...). ${listedForms}`);
    } else if (region !== undefined && match[1] !== region) {
      ctx.advise(RULES.originationIdentityRegion, `sms.originationIdentity is in ${match[1]}, but Cognito sends through End User Messaging in the pool's Region (${region}): it cannot send from that identity. Use an origination identity of ${region}.`);
    }
    return;
  }
  if (identity.kind !== 'a phone number') {
    ctx.advise(RULES.originationIdentityForm, `sms.originationIdentity is an ID (${JSON.stringify(value)}). ${listedForms} Give the identity with SmsOriginationIdentity.fromArn(), which also scopes the SMS role.`);
  } else if (!E164.test(value)) {
    ctx.advise(RULES.originationIdentityForm, `sms.originationIdentity ${JSON.stringify(value)} is not a phone number in E.164 format (like +12065550100). ${listedForms}`);
  }
}

/** The pool's Region is unknown until deployment: the shape is all that can be checked. */
function checkSnsRegionShape(ctx: ResolveContext, snsRegion: string | undefined): void {
  if (!isLiteral(snsRegion)) {
    return;
  }
  if (!REGION_PATTERN.test(snsRegion)) {
    throw ctx.refuse(RULES.snsRegionNotAccepted, 'sms.snsRegion', 'is not an AWS Region name, and Cognito accepts only the pool\'s Region or its legacy SNS alternate', snsRegion,
      'Use a Region such as "us-east-1".');
  }
  ctx.advise(RULES.snsRegionUnchecked, `sms.snsRegion "${snsRegion}" cannot be checked against the pool's Region in an environment-agnostic stack: Cognito accepts only the pool's Region or its legacy SNS alternate. Give the stack an env to have it checked.`);
}

function checkSnsRegionFor(ctx: ResolveContext, snsRegion: string | undefined, region: string): void {
  if (!isCommercialRegion(region)) {
    // The guide's table describes the commercial partition only (not GovCloud, China or ISO).
    if (isLiteral(snsRegion) && snsRegion !== region) {
      ctx.advise(RULES.snsRegionUnchecked, `sms.snsRegion "${snsRegion}" differs from the pool's Region ${region}, outside the partition the guide's SNS Region table describes: it cannot be checked here. Cognito accepts the pool's Region or its legacy SNS alternate.`);
    }
    return;
  }
  const accepted = acceptedSnsRegions(region);
  if (accepted === undefined) {
    throw ctx.refuse(RULES.snsPathUnavailable, 'sms', `sends through Amazon SNS, which Cognito does not offer for a pool in ${region} (the guide's SNS path Region table)`, 'Amazon SNS',
      'Send SMS through End User Messaging directly, with SmsMfa.withEndUserMessaging() (or withEndUserMessagingRole()).');
  }
  const listed = accepted.map(r => `"${r}"`).join(' or ');
  if (snsRegion === undefined) {
    if (!accepted.includes(region)) {
      throw ctx.refuse(RULES.snsRegionRequired, 'sms.snsRegion', `must be set for a pool in ${region}, which Cognito sends SMS from another Region for`, snsRegion,
        `Set snsRegion to ${listed}.`);
    }
    return;
  }
  if (isLiteral(snsRegion) && !accepted.includes(snsRegion)) {
    throw ctx.refuse(RULES.snsRegionNotAccepted, 'sms.snsRegion', `is not a Region Cognito accepts for a pool in ${region}`, snsRegion,
      `Use ${listed}, or leave it unset.`);
  }
}
