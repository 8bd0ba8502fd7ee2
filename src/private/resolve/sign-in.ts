import * as cognito from 'aws-cdk-lib/aws-cognito';
import { SignInDecisions } from './decisions';

/**
 * Sign-in and verification: users sign in with their email address, which Cognito verifies and
 * keeps until a new address is verified, unless `userPoolProps` says otherwise.
 */
export function resolveSignIn(pass: cognito.UserPoolProps): SignInDecisions {
  const signInAliases = pass.signInAliases ?? { email: true };
  const effectiveAutoVerify = pass.autoVerify ?? { email: !!signInAliases.email, phone: !!signInAliases.phone };
  const keepOriginal = pass.keepOriginal ?? (effectiveAutoVerify.email || effectiveAutoVerify.phone
    ? { email: effectiveAutoVerify.email || undefined, phone: effectiveAutoVerify.phone || undefined }
    : undefined);
  return {
    signInAliases,
    autoVerify: pass.autoVerify,
    keepOriginal,
    phoneInUse: !!signInAliases.phone || !!effectiveAutoVerify.phone,
  };
}
