package smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cdkmfauserpool.AppClientOAuth;
import io.github.cdkmfauserpool.AppClientOptions;
import io.github.cdkmfauserpool.DeviceRemembering;
import io.github.cdkmfauserpool.MfaAlarmOptions;
import io.github.cdkmfauserpool.MfaAlarms;
import io.github.cdkmfauserpool.EmailMfaOptions;
import io.github.cdkmfauserpool.MfaEnforcement;
import io.github.cdkmfauserpool.MfaErrors;
import io.github.cdkmfauserpool.MfaUserPool;
import io.github.cdkmfauserpool.MfaUserPoolProps;
import io.github.cdkmfauserpool.NewSmsRoleOptions;
import io.github.cdkmfauserpool.SmsMfa;
import io.github.cdkmfauserpool.SmsMfaOptions;
import io.github.cdkmfauserpool.ThreatProtection;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolEmail;
import software.amazon.awscdk.services.cognito.UserPoolProps;
import software.amazon.awscdk.services.cognito.UserPoolSESOptions;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iam.ServicePrincipalOpts;

/**
 * Smoke test of the Java binding: enums, the SMS factor's static factories, props builders,
 * methods, and a validation error raised through the binding. A binding that lost a prop, an
 * enum member or a factory does not compile or fails here.
 */
class SmokeTest {
  private static Stack newStack() {
    App app = new App();
    return new Stack(app, "Smoke", StackProps.builder()
        .env(Environment.builder().account("123456789012").region("us-east-1").build())
        .build());
  }

  @Test
  void enumsHaveEveryMember() {
    assertEquals(List.of("OFF", "OPTIONAL", "REQUIRED"),
        Arrays.stream(MfaEnforcement.values()).map(Enum::name).collect(Collectors.toList()));
    assertEquals(List.of("OFF", "ALWAYS", "USER_OPT_IN"),
        Arrays.stream(DeviceRemembering.values()).map(Enum::name).collect(Collectors.toList()));
    assertEquals(List.of("OFF", "AUDIT", "ENFORCED"),
        Arrays.stream(ThreatProtection.values()).map(Enum::name).collect(Collectors.toList()));
  }

  @Test
  void referenceSetupWithEveryMfaProp() {
    Stack stack = newStack();
    MfaUserPool pool = new MfaUserPool(stack, "Users", MfaUserPoolProps.builder()
        .mfa(MfaEnforcement.OPTIONAL)
        .totp(true)
        .sms(SmsMfa.withNewRole(NewSmsRoleOptions.builder()
            .message("Your sign-in code for MyApp is {####}")
            .snsRegion("us-east-1")
            .build()))
        .deviceRemembering(DeviceRemembering.USER_OPT_IN)
        .passwordPolicy(PasswordPolicy.builder().minLength(14).build())
        .accountRecovery(AccountRecovery.EMAIL_ONLY)
        .featurePlan(FeaturePlan.ESSENTIALS)
        .threatProtection(ThreatProtection.OFF)
        .customAuthThreatProtection(ThreatProtection.OFF)
        .removalPolicy(RemovalPolicy.RETAIN)
        .deletionProtection(true)
        .userPoolProps(UserPoolProps.builder().userPoolName("java-pool").selfSignUpEnabled(true).build())
        .build());
    UserPoolClient client = pool.addAppClient("WebClient");
    Role admin = Role.Builder.create(stack, "Admin").assumedBy(new AccountRootPrincipal()).build();
    Grant grant = pool.grantAdminMfa(admin);
    pool.grant(admin, "cognito-idp:ListUsers");

    assertTrue(grant.getSuccess());
    assertNotNull(client);
    assertNotNull(pool.getSmsRole());
    assertEquals(MfaEnforcement.OPTIONAL, pool.getMfa());

    Template template = Template.fromStack(stack);
    template.hasResourceProperties("AWS::Cognito::UserPool", Map.of(
        "UserPoolName", "java-pool",
        "MfaConfiguration", "OPTIONAL",
        "EnabledMfas", List.of("SMS_MFA", "SOFTWARE_TOKEN_MFA"),
        "SmsConfiguration", Map.of(
            "ExternalId", "Users0A0EEA89",
            "SnsCallerArn", Map.of("Fn::GetAtt", List.of("UsersSmsRole2846A27E", "Arn")),
            "SnsRegion", "us-east-1"),
        "DeviceConfiguration", Map.of(
            "ChallengeRequiredOnNewDevice", true,
            "DeviceOnlyRememberedOnUserPrompt", true),
        "UserPoolTier", "ESSENTIALS"));
    template.hasResourceProperties("AWS::IAM::Role", Map.of(
        "AssumeRolePolicyDocument", Match.objectLike(Map.of(
            "Statement", List.of(Match.objectLike(Map.of(
                "Principal", Map.of("Service", "cognito-idp.amazonaws.com"),
                "Condition", Match.objectLike(Map.of(
                    "StringEquals", Map.of(
                        "sts:ExternalId", "Users0A0EEA89",
                        "aws:SourceAccount", "123456789012"))))))))));
    template.hasResourceProperties("AWS::Cognito::UserPoolClient", Map.of(
        "ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
        "GenerateSecret", false));
    template.hasResourceProperties("AWS::IAM::Policy", Map.of(
        "PolicyDocument", Match.objectLike(Map.of(
            "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                "Action", List.of(
                    "cognito-idp:AdminGetUser",
                    "cognito-idp:AdminSetUserMFAPreference",
                    "cognito-idp:AdminDeleteSoftwareToken",
                    "cognito-idp:AdminUserGlobalSignOut",
                    "cognito-idp:AdminListDevices",
                    "cognito-idp:AdminForgetDevice")))))))));
  }

  @Test
  void broughtRoleEmailFactorAndThreatProtection() {
    Stack stack = newStack();
    Role role = Role.Builder.create(stack, "SmsRole")
        .assumedBy(new ServicePrincipal("cognito-idp.amazonaws.com", ServicePrincipalOpts.builder()
            .conditions(Map.of("StringEquals", Map.of("sts:ExternalId", "java-ext")))
            .build()))
        .build();
    role.addToPolicy(PolicyStatement.Builder.create().actions(List.of("sns:Publish")).resources(List.of("*")).build());
    new MfaUserPool(stack, "Users", MfaUserPoolProps.builder()
        .sms(SmsMfa.withRole(role, "java-ext", SmsMfaOptions.builder().message("Code {####}").build()))
        .email(EmailMfaOptions.builder().subject("Your code").body("Your code is {####}").build())
        .threatProtection(ThreatProtection.ENFORCED)
        .userPoolProps(UserPoolProps.builder()
            .email(UserPoolEmail.withSES(UserPoolSESOptions.builder()
                .fromEmail("no-reply@example.com").sesRegion("us-east-1").build()))
            .build())
        .build());

    Template.fromStack(stack).hasResourceProperties("AWS::Cognito::UserPool", Map.of(
        "EnabledMfas", List.of("SMS_MFA", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP"),
        "SmsConfiguration", Match.objectLike(Map.of("ExternalId", "java-ext")),
        "EmailAuthenticationMessage", "Your code is {####}",
        "UserPoolTier", "PLUS",
        "UserPoolAddOns", Map.of("AdvancedSecurityMode", "ENFORCED"),
        "AccountRecoverySetting", Map.of("RecoveryMechanisms", List.of(
            Map.of("Name", "verified_email", "Priority", 1)))));
  }

  @Test
  void deviceRememberingOffEmitsNoDeviceConfiguration() {
    Stack stack = newStack();
    new MfaUserPool(stack, "Users", MfaUserPoolProps.builder().deviceRemembering(DeviceRemembering.OFF).build());
    Map<String, Map<String, Object>> pools = Template.fromStack(stack).findResources("AWS::Cognito::UserPool");
    @SuppressWarnings("unchecked")
    Map<String, Object> properties = (Map<String, Object>) pools.values().iterator().next().get("Properties");
    assertFalse(properties.containsKey("DeviceConfiguration"));
  }

  @Test
  void validationErrorReachesJavaWithItsMessage() {
    Stack stack = newStack();
    RuntimeException error = assertThrows(RuntimeException.class, () ->
        new MfaUserPool(stack, "Users", MfaUserPoolProps.builder().mfa(MfaEnforcement.REQUIRED).totp(false).build()));
    assertTrue(error.getMessage().contains("[MfaUserPool Smoke/Users] mfa is REQUIRED but no factor is enabled"),
        error.getMessage());
    assertTrue(error.getMessage().contains("Enable at least one factor"), error.getMessage());
    assertTrue(MfaErrors.isConfigurationErrorMessage(error.getMessage()));
    assertFalse(MfaErrors.isConfigurationErrorMessage("some other failure"));
  }

  @Test
  void isConfigurationErrorTakesTheCaughtException() {
    RuntimeException refusal = assertThrows(RuntimeException.class, () ->
        new MfaUserPool(newStack(), "Users", MfaUserPoolProps.builder().mfa(MfaEnforcement.REQUIRED).totp(false).build()));
    assertTrue(MfaErrors.isConfigurationError(refusal));
    Stack other = newStack();
    new MfaUserPool(other, "Users");
    RuntimeException duplicate = assertThrows(RuntimeException.class, () -> new MfaUserPool(other, "Users"));
    assertFalse(MfaErrors.isConfigurationError(duplicate));
    assertFalse(MfaErrors.isConfigurationError(new IllegalStateException("[MfaUserPool ]")));
    assertFalse(MfaErrors.isConfigurationError("text"));
    assertFalse(MfaErrors.isConfigurationError(42));
    assertFalse(MfaErrors.isConfigurationErrorMessage(duplicate.getMessage()));
  }

  @Test
  void refusalAtSynthesisIsRecognised() {
    Stack stack = newStack();
    Role role = Role.Builder.create(stack, "SmsRole").assumedBy(new AccountRootPrincipal()).build();
    new MfaUserPool(stack, "Users", MfaUserPoolProps.builder().sms(SmsMfa.withRole(role, "java-ext")).build());
    RuntimeException refusal = assertThrows(RuntimeException.class, () -> ((App) stack.getNode().getRoot()).synth());
    assertTrue(MfaErrors.isConfigurationError(refusal), refusal.getMessage());
    assertTrue(refusal.getMessage().contains("SmsMfa.withRole() or SmsMfa.withEndUserMessagingRole()"), refusal.getMessage());
    assertFalse(refusal.getMessage().contains("${Token["), refusal.getMessage());
  }

  @Test
  void appClientsAreSecureByDefaultAndAlarmsBuild() {
    Stack stack = newStack();
    MfaUserPool pool = new MfaUserPool(stack, "Users");
    pool.addAppClient("Mobile");
    pool.addAppClient("Web", AppClientOptions.builder()
        .oAuth(AppClientOAuth.builder().callbackUrls(List.of("https://app.example.com/callback")).build())
        .accessTokenValidity(Duration.minutes(15))
        .build());
    MfaAlarms alarms = pool.addAlarms(MfaAlarmOptions.builder().signInThrottlesThreshold(5).build());
    assertFalse(alarms.getAlarms().isEmpty());
    Template template = Template.fromStack(stack);
    template.hasResourceProperties("AWS::Cognito::UserPoolClient", Map.of(
        "AllowedOAuthFlowsUserPoolClient", false, "CallbackURLs", Match.absent(), "AllowedOAuthFlows", Match.absent()));
    template.hasResourceProperties("AWS::Cognito::UserPoolClient", Map.of(
        "AllowedOAuthFlows", List.of("code"), "CallbackURLs", List.of("https://app.example.com/callback"), "AccessTokenValidity", 15));
    RuntimeException implicit = assertThrows(RuntimeException.class, () -> pool.addAppClient("Legacy", AppClientOptions.builder()
        .oAuth(AppClientOAuth.builder().callbackUrls(List.of("https://app.example.com/callback"))
            .flows(OAuthFlows.builder().implicitCodeGrant(true).build()).build())
        .build()));
    assertTrue(MfaErrors.isConfigurationError(implicit));
    assertTrue(implicit.getMessage().contains("addAppClient('Legacy'): oAuth.flows.implicitCodeGrant asks for the OAuth implicit grant"),
        implicit.getMessage());
  }
}
