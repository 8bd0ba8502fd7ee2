import { Names, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { LogDecisions } from '../resolve/decisions';
import { acknowledge } from '../validations';

/** The namespace of the metric counting message delivery errors in the delivered logs. */
export const DELIVERY_ERRORS_NAMESPACE = 'CdkMfaUserPool';

/** What log delivery built for one pool. */
export interface LogDeliveryBinding {
  /** The log group of message delivery errors, when they are delivered. */
  readonly deliveryErrors?: logs.LogGroup;
  /** The log group of user authentication events, when they are delivered. */
  readonly authEvents?: logs.LogGroup;
  /** The metric name the delivery-error filter writes, in DELIVERY_ERRORS_NAMESPACE. */
  readonly deliveryErrorsMetricName?: string;
}

/**
 * The pool's log delivery: one log group per event source, and one
 * `AWS::Cognito::LogDeliveryConfiguration`.
 *
 * Log groups are named under `/aws/vendedlogs/`: CloudWatch Logs then lets the log delivery
 * service write to them through one account-wide resource policy statement for that prefix,
 * rather than one statement per log group in a policy that is limited in size and in number
 * per Region ("To send logs to log groups with a resource policy of a size greater than 5120
 * characters, configure a log group with a path that starts with /aws/vendedlogs", CloudFormation
 * reference of CloudWatchLogsConfiguration; "Enabling logging from AWS services", CloudWatch Logs
 * guide). CloudWatch Logs writes that policy when the delivery is set up; nothing per pool.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cognito-logdeliveryconfiguration-cloudwatchlogsconfiguration.html
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-and-resource-policy.html
 *
 * The groups are not KMS-encrypted: Cognito refuses an encrypted log group ("The log group must
 * not be encrypted with AWS Key Management Service", same reference).
 */
export function addLogDelivery(scope: Construct, userPoolId: string, d: LogDecisions, removalPolicy: RemovalPolicy): LogDeliveryBinding {
  if (!d.messageDeliveryErrors && !d.userAuthEvents) {
    return {};
  }
  const uniqueName = Names.uniqueResourceName(scope, { maxLength: 200 });
  const deliveryErrors = d.messageDeliveryErrors
    ? logGroup(scope, 'DeliveryErrorLogs', `${uniqueName}/message-delivery-errors`, d, removalPolicy) : undefined;
  const authEvents = d.userAuthEvents
    ? logGroup(scope, 'AuthEventLogs', `${uniqueName}/user-auth-events`, d, removalPolicy) : undefined;
  const deliveryErrorsMetricName = `MessageDeliveryErrors-${uniqueName}`;
  if (deliveryErrors) {
    // The group receives nothing but ERROR-level delivery events, so every event counts: the
    // filter depends on no field of the event's format.
    new logs.MetricFilter(scope, 'DeliveryErrorMetric', {
      logGroup: deliveryErrors,
      filterPattern: logs.FilterPattern.allEvents(),
      metricNamespace: DELIVERY_ERRORS_NAMESPACE,
      metricName: deliveryErrorsMetricName,
      metricValue: '1',
    });
  }
  const destination = (group: logs.LogGroup) => ({ cloudWatchLogsConfiguration: { logGroupArn: group.logGroupArn } });
  new cognito.CfnLogDeliveryConfiguration(scope, 'LogDelivery', {
    userPoolId,
    logConfigurations: [
      ...(deliveryErrors ? [{ eventSource: 'userNotification', logLevel: 'ERROR', ...destination(deliveryErrors) }] : []),
      ...(authEvents ? [{ eventSource: 'userAuthEvents', logLevel: 'INFO', ...destination(authEvents) }] : []),
    ],
  });
  return { deliveryErrors, authEvents, deliveryErrorsMetricName: deliveryErrors && deliveryErrorsMetricName };
}

function logGroup(scope: Construct, id: string, name: string, d: LogDecisions, removalPolicy: RemovalPolicy): logs.LogGroup {
  const group = new logs.LogGroup(scope, id, {
    logGroupName: `/aws/vendedlogs/cognito/${name}`,
    retention: d.retention,
    removalPolicy,
  });
  const evidence = 'Cognito log delivery refuses KMS-encrypted log groups ("The log group must not be encrypted with AWS Key Management Service", '
    + 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cognito-logdeliveryconfiguration-cloudwatchlogsconfiguration.html); '
    + 'CloudWatch Logs still encrypts the data at rest with its own keys.';
  for (const [pack, rule] of [['NIST.800.53.R5', 'NIST.800.53.R5-CloudWatchLogGroupEncrypted'], ['HIPAA.Security', 'HIPAA.Security-CloudWatchLogGroupEncrypted'],
    ['PCI.DSS.321', 'PCI.DSS.321-CloudWatchLogGroupEncrypted']]) {
    acknowledge(group, pack, rule, evidence);
  }
  return group;
}
