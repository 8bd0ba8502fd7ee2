import { Lazy } from 'aws-cdk-lib';
import { refusal, resolve } from './helpers';
import { MfaEnforcement } from '../../../src';

describe('phase: the email factor', () => {
  test.each([
    [{ body: '{####}' }, undefined], [{ body: `{####}${'x'.repeat(19994)}` }, undefined], [{ body: `{####}${'x'.repeat(19995)}` }, 'emailMessageForm'],
    [{ body: 'no code here' }, 'emailMessageForm'], [{ subject: 's' }, undefined], [{ subject: 's'.repeat(140) }, undefined],
    [{ subject: 's'.repeat(141) }, 'emailMessageForm'], [{ subject: '' }, 'emailMessageForm'], [{}, undefined],
  ])('%j', (email, rule) => {
    expect(refusal({ email })).toBe(rule);
  });

  test('the refusals say what is wrong and the length', () => {
    expect(() => resolve({ email: { body: 'Your code' } })).toThrow(
      '[MfaUserPool P] email.body must contain the placeholder {####} (received: "Your code"). Put {####} where the code goes. [rule: emailMessageForm');
    expect(() => resolve({ email: { body: `{####}${'x'.repeat(19995)}` } })).toThrow(
      /^\[MfaUserPool P\] email\.body must be 6 to 20,000 characters, not 20001 \(received: "\{####\}x+\.\.\."\)\. Change the length of the body\./);
    expect(() => resolve({ email: { subject: '' } })).toThrow(
      '[MfaUserPool P] email.subject must be 1 to 140 characters, not 0 (received: ""). Change the length of the subject.');
  });

  test('tokens are not checked; with mfa OFF the email factor is refused before its form', () => {
    const empty = Lazy.string({ produce: () => '' });
    expect(refusal({ email: { body: empty, subject: empty } })).toBeUndefined();
    expect(refusal({ mfa: MfaEnforcement.OFF, email: { subject: '' } })).toBe('factorWhileMfaOff');
  });
});
