/**
 * Where each SMS path is available, from the Cognito developer guide, "SMS message settings for
 * Amazon Cognito user pools", "Choose the AWS Region for SMS messages":
 * https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-sms-settings.html#sms-choose-a-region
 *
 * SNS path ("Amazon SNS path Region configuration"): "You can send SMS messages for any Amazon
 * Cognito Region in the following table with AWS End User Messaging SMS resources in the
 * corresponding SMS message Region", and "Amazon SNS SMS is available in the AWS Regions listed
 * in [that table]. To send SMS messages from a user pool in any other AWS Region, use AWS End User
 * Messaging SMS directly." Each entry is a pool Region and the SNS Regions (SmsConfiguration
 * SnsRegion) Cognito accepts for it, in the table's order.
 */
const SNS_PATH: Record<string, readonly string[]> = {
  'us-east-2': ['us-east-2', 'us-east-1'],
  'us-east-1': ['us-east-1'],
  'us-west-1': ['us-west-1'],
  'us-west-2': ['us-west-2'],
  'ca-central-1': ['ca-central-1', 'us-east-1'],
  'ca-west-1': ['ca-west-1'],
  'mx-central-1': ['mx-central-1'],
  'eu-central-1': ['eu-central-1', 'eu-west-1'],
  'eu-west-2': ['eu-west-2', 'eu-west-1'],
  'eu-west-1': ['eu-west-1'],
  'eu-west-3': ['eu-west-3'],
  'eu-north-1': ['eu-north-1'],
  'eu-south-1': ['eu-south-1'],
  'eu-south-2': ['eu-south-2'],
  'eu-central-2': ['eu-central-2'],
  'ap-southeast-5': ['ap-southeast-1'],
  'ap-southeast-7': ['ap-south-1'],
  'ap-south-1': ['ap-south-1', 'ap-southeast-1'],
  'ap-south-2': ['ap-south-2'],
  'ap-east-1': ['ap-southeast-1'],
  'ap-northeast-2': ['ap-northeast-1'],
  'ap-southeast-1': ['ap-southeast-1'],
  'ap-southeast-2': ['ap-southeast-2'],
  'ap-northeast-1': ['ap-northeast-1'],
  'ap-southeast-3': ['ap-southeast-3'],
  'ap-northeast-3': ['ap-northeast-3'],
  'ap-southeast-4': ['ap-southeast-4'],
  'me-south-1': ['me-south-1'],
  'me-central-1': ['me-central-1'],
  'sa-east-1': ['sa-east-1'],
  'il-central-1': ['il-central-1'],
  'af-south-1': ['af-south-1'],
};

/**
 * Direct path ("AWS End User Messaging SMS direct path Region configuration"): "The AWS End User
 * Messaging SMS direct path is not available in the Asia Pacific (Thailand), Asia Pacific (Hong
 * Kong), and Asia Pacific (Malaysia) AWS Regions. To send SMS messages from a user pool in one of
 * these Regions, use the Amazon SNS path instead."
 */
const NO_DIRECT_PATH: readonly string[] = ['ap-southeast-7', 'ap-east-1', 'ap-southeast-5'];

/** The commercial partition: the guide's tables describe it, and only it. */
const COMMERCIAL = /^[a-z]{2}-[a-z]+-\d+$/;

/** Whether a Region is in the commercial partition, the one the guide's tables describe. */
export function isCommercialRegion(region: string): boolean {
  return COMMERCIAL.test(region);
}

/**
 * The SNS Regions Cognito accepts for a commercial user pool in `poolRegion`: the guide's table,
 * or undefined when the SNS path is not available there.
 */
export function acceptedSnsRegions(poolRegion: string): readonly string[] | undefined {
  return SNS_PATH[poolRegion];
}

/** Whether Cognito can send SMS through End User Messaging directly for a pool in `poolRegion`. */
export function directPathAvailable(poolRegion: string): boolean {
  return !NO_DIRECT_PATH.includes(poolRegion);
}

/**
 * The shape of an AWS Region name, for pools in environment-agnostic stacks: every Region of
 * botocore 1.44.8's endpoints.json matches it, the European Sovereign Cloud's `eusc-de-east-1`
 * included (a four-letter partition prefix and a country segment).
 */
export const REGION_PATTERN = /^[a-z]{2,4}(-gov|-iso[a-z]*)?(-[a-z]+){1,2}-\d+$/;
