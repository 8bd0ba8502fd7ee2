import { CODE_PLACEHOLDER } from './messages';
import { EmailMfaOptions } from '../../email';
import { ResolveContext } from '../context';
import { isLiteral } from '../errors';
import { RULES } from '../rules';

/** The email factor's message and subject, within the limits CloudFormation documents. */
export function checkEmail(ctx: ResolveContext, email: EmailMfaOptions): void {
  if (isLiteral(email.body)) {
    if (!email.body.includes(CODE_PLACEHOLDER)) {
      throw ctx.refuse(RULES.emailMessageForm, 'email.body', `must contain the placeholder ${CODE_PLACEHOLDER}`, email.body,
        `Put ${CODE_PLACEHOLDER} where the code goes.`);
    }
    if (email.body.length < 6 || email.body.length > 20000) {
      throw ctx.refuse(RULES.emailMessageForm, 'email.body', `must be 6 to 20,000 characters, not ${email.body.length}`, email.body, 'Change the length of the body.');
    }
  }
  if (isLiteral(email.subject) && (email.subject.length < 1 || email.subject.length > 140)) {
    throw ctx.refuse(RULES.emailMessageForm, 'email.subject', `must be 1 to 140 characters, not ${email.subject.length}`, email.subject, 'Change the length of the subject.');
  }
}
