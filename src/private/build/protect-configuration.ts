import { CfnResource, Names, RemovalPolicy } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { Decisions } from '../resolve';
import { CountryDecisions } from '../resolve/abuse';
import { ISO_COUNTRY_CODES } from '../sms-countries';

/** What the country rules built: the configuration set the pool names, and its protect configuration. */
export interface ProtectConfigurationBinding {
  readonly configurationSetName: string;
  readonly configurationSet: CfnResource;
  readonly protectConfigurationArn: string;
}

/**
 * The protect configuration of the country rules and the configuration set it is linked to, as raw
 * resources: the floor's aws-cdk-lib (2.181) has no AWS::SMSVOICE L1s. Every ISO code is listed
 * (the allowed ones ALLOW, the others as chosen), since the protect configuration allows any code it
 * does not list. Fixed construct ids under the pool: adding the rules creates these two and changes
 * only the pool's SmsConfiguration (the set it names), never its logical ID.
 */
export function addProtectConfiguration(scope: Construct, countries: CountryDecisions, removalPolicy: RemovalPolicy): ProtectConfigurationBinding {
  const allowed = new Set(countries.allow);
  const protect = new CfnResource(scope, 'SmsProtectConfiguration', {
    type: 'AWS::SMSVOICE::ProtectConfiguration',
    properties: {
      CountryRuleSet: {
        SMS: ISO_COUNTRY_CODES.map(code => ({ CountryCode: code, ProtectStatus: allowed.has(code) ? 'ALLOW' : countries.others })),
      },
    },
  });
  protect.applyRemovalPolicy(removalPolicy);
  const configurationSetName = countries.configurationSetName ?? Names.uniqueResourceName(scope, { maxLength: 64, separator: '-' });
  const configurationSet = new CfnResource(scope, 'SmsConfigurationSet', {
    type: 'AWS::SMSVOICE::ConfigurationSet',
    properties: {
      ConfigurationSetName: configurationSetName,
      ProtectConfigurationId: protect.getAtt('ProtectConfigurationId').toString(),
    },
  });
  configurationSet.applyRemovalPolicy(removalPolicy);
  return { configurationSetName, configurationSet, protectConfigurationArn: protect.getAtt('Arn').toString() };
}

/** The decisions with the pool's direct-path SMS configuration naming the created configuration set. */
export function withConfigurationSet(decisions: Decisions, binding: ProtectConfigurationBinding): Decisions {
  const sms = decisions.factors.sms;
  if (!sms?.eums) {
    return decisions;
  }
  const eums = { ...sms.eums, configurationSetName: binding.configurationSetName, protectConfigurationArn: binding.protectConfigurationArn };
  return { ...decisions, factors: { ...decisions.factors, sms: { ...sms, eums } } };
}
