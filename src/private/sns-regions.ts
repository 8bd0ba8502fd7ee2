/**
 * The Amazon SNS Regions Cognito accepts for a user pool's SMS configuration.
 *
 * A pool sends SMS through SNS in its own Region, or in a supported "legacy Amazon SNS alternate
 * Region" (CloudFormation `AWS::Cognito::UserPool SmsConfiguration.SnsRegion`). The alternates are
 * the table "Amazon Cognito Regions / Supported Amazon SNS Regions" of the Cognito developer guide,
 * "SMS message settings for Amazon Cognito user pools":
 * https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-sms-settings.html
 * Asia Pacific (Seoul) must use Asia Pacific (Tokyo) (the SnsRegion doc of the CloudFormation
 * reference), so Seoul's own Region is not accepted there.
 */
const LEGACY_ALTERNATES: Record<string, { readonly alternates: readonly string[]; readonly ownRegionAllowed: boolean }> = {
  'us-east-2': { alternates: ['us-east-1'], ownRegionAllowed: true },
  'ap-south-1': { alternates: ['ap-southeast-1'], ownRegionAllowed: true },
  'ap-northeast-2': { alternates: ['ap-northeast-1'], ownRegionAllowed: false },
  'ca-central-1': { alternates: ['us-east-1'], ownRegionAllowed: true },
  'eu-central-1': { alternates: ['eu-west-1'], ownRegionAllowed: true },
  'eu-west-2': { alternates: ['eu-west-1'], ownRegionAllowed: true },
};

/** The SNS Regions Cognito accepts for a user pool in `poolRegion`. */
export function acceptedSnsRegions(poolRegion: string): string[] {
  const legacy = LEGACY_ALTERNATES[poolRegion];
  if (!legacy) {
    return [poolRegion];
  }
  return legacy.ownRegionAllowed ? [poolRegion, ...legacy.alternates] : [...legacy.alternates];
}

/** The shape of an AWS Region name, for pools in environment-agnostic stacks. */
export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/;
