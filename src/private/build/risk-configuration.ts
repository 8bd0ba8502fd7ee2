import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { RiskNotificationEmail, RiskResponse } from '../../adaptive-authentication';
import { RiskDecisions } from '../resolve/decisions';

/**
 * The pool's one risk configuration, for every app client (`ClientId: ALL`). CloudFormation marks
 * `ClientId` required although Cognito treats it as optional; `ALL` is the pool-wide value
 * (aws-cloudformation/cloudformation-coverage-roadmap #2491). Its fixed id keeps its logical ID
 * as stable as the pool's; the pool's ID (a Ref) makes it depend on the pool.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpoolriskconfigurationattachment.html
 */
export function addRiskConfiguration(scope: Construct, userPoolId: string, risk: RiskDecisions): cognito.CfnUserPoolRiskConfigurationAttachment {
  const { accountTakeover, compromisedCredentials, ipExceptions, notification } = risk;
  const hasExceptions = !!(ipExceptions?.alwaysBlock?.length || ipExceptions?.neverScore?.length);
  return new cognito.CfnUserPoolRiskConfigurationAttachment(scope, 'RiskConfiguration', {
    userPoolId,
    clientId: 'ALL',
    accountTakeoverRiskConfiguration: accountTakeover && {
      actions: {
        lowAction: accountTakeover.low && toAction(accountTakeover.low),
        mediumAction: accountTakeover.medium && toAction(accountTakeover.medium),
        highAction: accountTakeover.high && toAction(accountTakeover.high),
      },
      notifyConfiguration: notification && {
        sourceArn: notification.sender._arn,
        from: notification.fromAddress,
        replyTo: notification.replyTo,
        blockEmail: toEmail(notification.blockEmail),
        mfaEmail: toEmail(notification.mfaEmail),
        noActionEmail: toEmail(notification.noActionEmail),
      },
    },
    compromisedCredentialsRiskConfiguration: compromisedCredentials && {
      actions: { eventAction: compromisedCredentials.block ? 'BLOCK' : 'NO_ACTION' },
      eventFilter: compromisedCredentials.events,
    },
    riskExceptionConfiguration: hasExceptions ? {
      blockedIpRangeList: ipExceptions?.alwaysBlock,
      skippedIpRangeList: ipExceptions?.neverScore,
    } : undefined,
  });
}

function toAction(response: RiskResponse): cognito.CfnUserPoolRiskConfigurationAttachment.AccountTakeoverActionTypeProperty {
  return { eventAction: response.action, notify: response.notify ?? false };
}

function toEmail(email: RiskNotificationEmail | undefined): cognito.CfnUserPoolRiskConfigurationAttachment.NotifyEmailTypeProperty | undefined {
  return email && { subject: email.subject, htmlBody: email.htmlBody, textBody: email.textBody };
}
