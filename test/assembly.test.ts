import { Assembly, TypeKind } from '@jsii/spec';
import { foreignStructLastParameters, methodsWithoutExample } from '../scripts/check-assembly';

/** A minimal assembly with one class, whose methods take the given last parameters. */
function assemblyWith(methods: Record<string, string>, initializerLast?: string): Assembly {
  const param = (fqn: string) => [{ name: 'id', type: { primitive: 'string' } }, { name: 'options', optional: true, type: { fqn } }];
  return {
    name: 'my-lib',
    types: {
      'my-lib.Pool': {
        assembly: 'my-lib',
        fqn: 'my-lib.Pool',
        name: 'Pool',
        kind: TypeKind.Class,
        ...(initializerLast ? { initializer: { parameters: param(initializerLast) } } : {}),
        methods: Object.entries(methods).map(([name, fqn]) => ({ name, parameters: param(fqn) })),
      },
    },
  } as unknown as Assembly;
}

const STRUCTS = new Set(['aws-cdk-lib.aws_cognito.UserPoolClientOptions']);
const isForeignStruct = (fqn: string) => STRUCTS.has(fqn);

describe('check:assembly', () => {
  test('finds a method and a constructor whose last parameter is a struct of another assembly', () => {
    const found = foreignStructLastParameters(assemblyWith({ addClient: 'aws-cdk-lib.aws_cognito.UserPoolClientOptions' },
      'aws-cdk-lib.aws_cognito.UserPoolClientOptions'), isForeignStruct);
    expect(found).toEqual([
      { callable: 'my-lib.Pool.<constructor>', parameter: 'options', struct: 'aws-cdk-lib.aws_cognito.UserPoolClientOptions' },
      { callable: 'my-lib.Pool.addClient', parameter: 'options', struct: 'aws-cdk-lib.aws_cognito.UserPoolClientOptions' },
    ]);
  });

  test('lets through own structs, and foreign types that are not structs (interfaces, classes)', () => {
    expect(foreignStructLastParameters(assemblyWith({
      addOwn: 'my-lib.AppClientOptions',
      grant: 'aws-cdk-lib.aws_iam.IGrantable',
    }), isForeignStruct)).toEqual([]);
  });

  test('finds a public method without an @example, and lets one with it through', () => {
    const assembly = assemblyWith({ addClient: 'my-lib.AppClientOptions', addAlarms: 'my-lib.MfaAlarmOptions' });
    (assembly.types!['my-lib.Pool'] as any).methods[1].docs = { example: 'pool.addAlarms();' };
    expect(methodsWithoutExample(assembly)).toEqual(['my-lib.Pool.addClient']);
  });
});
