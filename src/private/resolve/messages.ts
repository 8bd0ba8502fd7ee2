/** The placeholder Cognito replaces with the code in SMS and email MFA messages. */
export const CODE_PLACEHOLDER = '{####}';
