#!/usr/bin/env python3
"""The negative space of the resources this library writes, read from botocore's service models.

For every API operation CloudFormation calls for those resources, the exceptions the operation
documents and every member constraint of its input (required members; min, max, pattern and enum
of the member's shape), deduplicated by shape, are written to docs/negative-space/models.json.
test/rules/negative-space.test.ts fails when an entry of that file has no row in the table
(scripts/negative-space-table.ts); `--check` fails when the file is not what the pinned botocore
gives (run by `npx projen lint:cfn`, where the pinned botocore is installed).

Usage: .venv/bin/python scripts/negative-space.py [--check]
"""
import json
import os
import re
import sys

import botocore
import botocore.loaders

# Which resource the library writes, and the operations CloudFormation calls for it on create and update
# (the handler permissions of the CloudFormation resource schemas; the SMS role has no inline policy).
SCOPE = {
    'cognito-idp': {
        'AWS::Cognito::UserPool': ['CreateUserPool', 'UpdateUserPool', 'SetUserPoolMfaConfig', 'AddCustomAttributes'],
        'AWS::Cognito::UserPoolClient': ['CreateUserPoolClient', 'UpdateUserPoolClient'],
        'AWS::Cognito::UserPoolDomain': ['CreateUserPoolDomain', 'UpdateUserPoolDomain'],
        'AWS::Cognito::ManagedLoginBranding': ['CreateManagedLoginBranding', 'UpdateManagedLoginBranding'],
        'AWS::Cognito::Terms': ['CreateTerms', 'UpdateTerms'],
        'AWS::Cognito::UserPoolRiskConfigurationAttachment': ['SetRiskConfiguration'],
        'AWS::Cognito::LogDeliveryConfiguration': ['SetLogDeliveryConfiguration'],
        'AWS::Cognito::UserPoolReplica': ['CreateUserPoolReplica'],
        'AWS::Cognito::UserPoolRegionalConfigurationAttachment': ['UpdateUserPool', 'UpdateUserPoolReplica'],
    },
    'wafv2': {
        'AWS::WAFv2::WebACL': ['CreateWebACL', 'UpdateWebACL'],
        'AWS::WAFv2::WebACLAssociation': ['AssociateWebACL'],
        'AWS::WAFv2::LoggingConfiguration': ['PutLoggingConfiguration'],
    },
    'pinpoint-sms-voice-v2': {
        'AWS::SMSVOICE::ProtectConfiguration': ['CreateProtectConfiguration', 'UpdateProtectConfigurationCountryRuleSet'],
        'AWS::SMSVOICE::ConfigurationSet': ['CreateConfigurationSet', 'AssociateProtectConfiguration'],
    },
    'iam': {
        'AWS::IAM::Role': ['CreateRole', 'UpdateAssumeRolePolicy', 'AttachRolePolicy'],
        'AWS::IAM::ManagedPolicy': ['CreatePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion'],
    },
}

OUT = os.path.join(os.path.dirname(__file__), '..', 'docs', 'negative-space', 'models.json')
# Members every request has that carry no configuration (pagination, idempotency tokens, tags' keys are kept).
TAG = re.compile(r'<[^>]+>')


def first_sentence(doc):
    text = ' '.join(TAG.sub('', doc or '').split())
    match = re.match(r'(.+?\.)(\s|$)', text)
    return (match.group(1) if match else text)[:240]


def constraint_of(shape):
    parts = []
    if 'min' in shape:
        parts.append(f"min {shape['min']}")
    if 'max' in shape:
        parts.append(f"max {shape['max']}")
    if 'pattern' in shape:
        parts.append(f"pattern {shape['pattern']}")
    if 'enum' in shape:
        parts.append('one of ' + ', '.join(shape['enum']))
    return '; '.join(parts)


def walk(model, shape_name, seen, entries, service):
    """Every constrained member reachable from a structure, keyed by the structure that holds it."""
    if shape_name in seen:
        return
    seen.add(shape_name)
    shape = model['shapes'][shape_name]
    kind = shape['type']
    if kind == 'structure':
        required = set(shape.get('required', []))
        for member, ref in shape.get('members', {}).items():
            target = model['shapes'][ref['shape']]
            text = constraint_of(target)
            if member in required:
                text = 'required' + (f'; {text}' if text else '')
            if text:
                key = f'{service}:{shape_name}.{member}'
                entries[key] = {'id': key, 'kind': 'constraint', 'says': text}
            walk(model, ref['shape'], seen, entries, service)
    elif kind == 'list':
        walk(model, shape['member']['shape'], seen, entries, service)
    elif kind == 'map':
        walk(model, shape['key']['shape'], seen, entries, service)
        walk(model, shape['value']['shape'], seen, entries, service)


def extract():
    loader = botocore.loaders.Loader()
    entries = {}
    resources = {}
    for service, by_resource in SCOPE.items():
        model = loader.load_service_model(service, 'service-2')
        for resource, operations in by_resource.items():
            resources[resource] = [f'{service}:{op}' for op in operations]
            for op in operations:
                operation = model['operations'][op]
                for error in operation.get('errors', []):
                    name = error['shape']
                    key = f'{service}:{op}!{name}'
                    entries[key] = {'id': key, 'kind': 'exception', 'says': first_sentence(model['shapes'][name].get('documentation'))}
                walk(model, operation['input']['shape'], set(), entries, service)
    return {
        'botocore': botocore.__version__,
        'resources': resources,
        'entries': [entries[k] for k in sorted(entries)],
    }


def main():
    text = json.dumps(extract(), indent=1, sort_keys=True) + '\n'
    if '--check' in sys.argv:
        with open(OUT, encoding='utf-8') as f:
            if f.read() != text:
                sys.exit('docs/negative-space/models.json is not what the pinned botocore gives: run .venv/bin/python scripts/negative-space.py')
        print(f'negative space: docs/negative-space/models.json matches botocore {botocore.__version__}')
        return
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write(text)
    print(f'negative space: {OUT} written from botocore {botocore.__version__}')


if __name__ == '__main__':
    main()
