/**
 * The email one-time-password factor. Setting it enables it: there is no separate on/off flag.
 *
 * Email MFA needs the pool to send email through Amazon SES
 * (`userPoolProps.email: cognito.UserPoolEmail.withSES(...)`) and the ESSENTIALS or PLUS
 * feature plan; users who have it can't recover their account by email.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-sms-email-message.html
 */
export interface EmailMfaOptions {
  /**
   * The subject of the email that carries the code. 1 to 140 characters.
   *
   * @default - Cognito's default subject
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpool.html#cfn-cognito-userpool-emailauthenticationsubject
   */
  readonly subject?: string;

  /**
   * The body of the email that carries the code. Must contain the placeholder `{####}`;
   * 6 to 20,000 characters.
   *
   * @default - Cognito's default message
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpool.html#cfn-cognito-userpool-emailauthenticationmessage
   */
  readonly body?: string;
}
