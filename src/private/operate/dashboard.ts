import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { PoolOperations, smsSpendMetric, smsSuccessRateMetric } from './metrics';
import { MfaDashboardOptions, RiskLevel } from '../../operations';

/** The pool's operations facts, and the app clients added with addAppClient, by construct id. */
export interface DashboardFacts extends PoolOperations {
  readonly clients: ReadonlyArray<{ readonly id: string; readonly clientId: string }>;
}

/**
 * The dashboard: one row per concern, only with what the pool can produce.
 *
 *   Sign-in        | sign-in successes per client | throttles (all clients) | token refreshes per client
 *   MFA delivery   | delivery errors (logs) | SMS spend (SNS) | SMS success rate (SNS)
 *   Risk           | account takeover by level | compromised credentials
 *   Abuse          | requests the web ACL blocked
 */
export function buildDashboard(scope: Construct, facts: DashboardFacts, options: MfaDashboardOptions): cloudwatch.Dashboard {
  const dashboard = new cloudwatch.Dashboard(scope, 'Dashboard', {
    dashboardName: options.dashboardName,
    defaultInterval: options.defaultInterval,
  });
  const m = facts.metrics;
  const perClient = (metricName: string) => facts.clients.map(c => m.client(metricName, c.clientId, 'Sum', { label: c.id }));
  dashboard.addWidgets(new cloudwatch.TextWidget({ markdown: '## Sign-in', width: 24, height: 1 }));
  dashboard.addWidgets(
    new cloudwatch.GraphWidget({ title: 'Sign-in successes by client', left: perClient('SignInSuccesses'), width: 8 }),
    new cloudwatch.GraphWidget({ title: 'Sign-in throttles (all clients)', left: [m.allClients('SignInThrottles')], width: 8 }),
    new cloudwatch.GraphWidget({ title: 'Token refreshes by client', left: perClient('TokenRefreshSuccesses'), width: 8 }),
  );
  const delivery: cloudwatch.IWidget[] = [];
  if (facts.deliveryErrors) {
    delivery.push(new cloudwatch.GraphWidget({ title: 'Message delivery errors', left: [facts.deliveryErrors.with({ label: 'Message delivery errors' })], width: 8 }));
  }
  if (facts.smsThroughSns) {
    // Both graphs read the Region SNS publishes the SMS metrics in (the query runs in its graph's Region).
    const region = facts.smsMetricsRegion;
    const where = region === undefined ? '' : `, ${region}`;
    delivery.push(
      new cloudwatch.GraphWidget({ title: `SMS spend this month (USD, account${where})`, left: [smsSpendMetric({}, region)], width: 8, region }),
      new cloudwatch.GraphWidget({ title: `SMS success rate (account${where})`, left: [smsSuccessRateMetric()], width: 8, region }),
    );
  }
  if (delivery.length > 0) {
    dashboard.addWidgets(new cloudwatch.TextWidget({ markdown: '## MFA delivery', width: 24, height: 1 }));
    dashboard.addWidgets(...delivery);
  }
  if (facts.threatProtection) {
    dashboard.addWidgets(new cloudwatch.TextWidget({ markdown: '## Risk', width: 24, height: 1 }));
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Account takeover risk',
        left: [RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW].map(level => m.accountTakeoverRisk(level)),
        width: 12,
      }),
      new cloudwatch.GraphWidget({ title: 'Compromised credentials', left: [m.compromisedCredentialRisk()], width: 12 }),
    );
  }
  if (facts.webAclBlocked) {
    dashboard.addWidgets(new cloudwatch.TextWidget({ markdown: '## Abuse protection', width: 24, height: 1 }));
    dashboard.addWidgets(new cloudwatch.GraphWidget({ title: 'Requests the web ACL blocked', left: [facts.webAclBlocked.with({ label: 'Blocked requests' })], width: 24 }));
  }
  return dashboard;
}
