import * as cognito from 'aws-cdk-lib/aws-cognito';
import { SignInDecisions } from './decisions';

/**
 * Sign-in and verification: users sign in with their email address, which Cognito verifies and
 * keeps until a new address is verified, unless `userPoolProps` says otherwise.
 */
export function resolveSignIn(pass: cognito.UserPoolProps): SignInDecisions {
  const signInAliases = pass.signInAliases ?? { email: true };
  // The L2's rule: without autoVerify, the email and phone sign-in aliases are verified.
  const effectiveAutoVerify = pass.autoVerify ?? { email: !!signInAliases.email, phone: !!signInAliases.phone };
  const keepOriginal = pass.keepOriginal ?? (effectiveAutoVerify.email || effectiveAutoVerify.phone
    ? { email: effectiveAutoVerify.email || undefined, phone: effectiveAutoVerify.phone || undefined }
    : undefined);
  return {
    signInAliases,
    autoVerify: pass.autoVerify,
    keepOriginal,
    phoneVerified: !!effectiveAutoVerify.phone,
    // The L2 writes the aliases as UsernameAttributes unless username (or preferredUsername) is on.
    phoneIsUsername: !!signInAliases.phone && !signInAliases.username && !signInAliases.preferredUsername,
  };
}
