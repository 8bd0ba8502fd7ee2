"""Smoke test of the Python binding: a small CDK app built with the wheel that jsii-pacmak made.

It uses the parts of the API where language mapping bites (enums, the SMS factor's static
factories, props structs, keyword arguments, methods) and asserts on the synthesized template.
A binding that lost a prop, an enum member or a factory fails here.
"""
import json
import pathlib
import re

import aws_cdk as cdk
import pytest
from aws_cdk import assertions
from aws_cdk import aws_cognito as cognito
from aws_cdk import aws_iam as iam
from aws_cdk import cx_api

from cdk_mfa_user_pool import (
    AbuseProtectionOptions,
    AccountTakeoverResponses,
    AdaptiveAuthentication,
    AppClientOAuth,
    DeviceRemembering,
    EmailMfaOptions,
    LogDeliveryOptions,
    ManagedLoginBrandingOptions,
    ManagedLoginDomain,
    MfaEnforcement,
    MfaErrors,
    MfaFactor,
    MfaPolicy,
    MfaPolicyMechanism,
    MfaPolicyRule,
    MfaPolicySeverity,
    MfaRecovery,
    MfaUserPool,
    MfaUserPoolSecondary,
    NewSmsRoleOptions,
    RegionalEmailOptions,
    ReplicaStatus,
    ReplicationOptions,
    PasskeyOptions,
    PasswordlessOptions,
    RecoverySenderOptions,
    RiskAction,
    RiskLevel,
    RiskNotificationEmail,
    RiskNotificationOptions,
    RiskNotificationSender,
    RiskResponse,
    SmsCountryAction,
    SmsCountryRules,
    SmsMfa,
    SmsMfaOptions,
    SmsOriginationIdentity,
    ThreatProtection,
    TokenIssuer,
)

Match = assertions.Match


def new_stack():
    app = cdk.App()
    return cdk.Stack(app, "Smoke", env=cdk.Environment(account="123456789012", region="us-east-1"))


def test_enums_have_every_member():
    assert [m.name for m in MfaEnforcement] == ["OFF", "OPTIONAL", "REQUIRED"]
    assert [m.name for m in DeviceRemembering] == ["OFF", "ALWAYS", "USER_OPT_IN"]
    assert [m.name for m in ThreatProtection] == ["OFF", "AUDIT", "ENFORCED"]


def test_reference_setup_with_every_mfa_prop():
    stack = new_stack()
    pool = MfaUserPool(
        stack,
        "Users",
        mfa=MfaEnforcement.OPTIONAL,
        totp=True,
        sms=SmsMfa.with_new_role(message="Your sign-in code for MyApp is {####}", sns_region="us-east-1"),
        device_remembering=DeviceRemembering.USER_OPT_IN,
        password_policy=cognito.PasswordPolicy(min_length=14),
        account_recovery=cognito.AccountRecovery.EMAIL_ONLY,
        feature_plan=cognito.FeaturePlan.ESSENTIALS,
        threat_protection=ThreatProtection.OFF,
        custom_auth_threat_protection=ThreatProtection.OFF,
        removal_policy=cdk.RemovalPolicy.RETAIN,
        deletion_protection=True,
        user_pool_props=cognito.UserPoolProps(user_pool_name="python-pool", self_sign_up_enabled=True),
    )
    client = pool.add_app_client("WebClient")
    admin = iam.Role(stack, "Admin", assumed_by=iam.AccountRootPrincipal())
    grant = pool.grant_admin_mfa(admin)
    pool.grant(admin, "cognito-idp:ListUsers")

    assert grant.success
    assert isinstance(client, cognito.UserPoolClient)
    assert pool.mfa == MfaEnforcement.OPTIONAL
    assert pool.sms_role is not None
    assert pool.user_pool.node.id == "Default"

    template = assertions.Template.from_stack(stack)
    template.has_resource_properties("AWS::Cognito::UserPool", {
        "UserPoolName": "python-pool",
        "MfaConfiguration": "OPTIONAL",
        "EnabledMfas": ["SMS_MFA", "SOFTWARE_TOKEN_MFA"],
        "SmsAuthenticationMessage": "Your sign-in code for MyApp is {####}",
        "SmsConfiguration": {
            "ExternalId": "Users0A0EEA89",
            "SnsCallerArn": {"Fn::GetAtt": ["UsersSmsRole2846A27E", "Arn"]},
            "SnsRegion": "us-east-1",
        },
        "DeviceConfiguration": {"ChallengeRequiredOnNewDevice": True, "DeviceOnlyRememberedOnUserPrompt": True},
        "Policies": {"PasswordPolicy": Match.object_like({"MinimumLength": 14, "RequireSymbols": True})},
        "UserPoolTier": "ESSENTIALS",
    })
    template.has_resource_properties("AWS::IAM::Role", {
        "AssumeRolePolicyDocument": {
            "Version": "2012-10-17",
            "Statement": [Match.object_like({
                "Principal": {"Service": "cognito-idp.amazonaws.com"},
                "Condition": Match.object_like({
                    "StringEquals": {"sts:ExternalId": "Users0A0EEA89", "aws:SourceAccount": "123456789012"},
                }),
            })],
        },
    })
    template.has_resource_properties("AWS::Cognito::UserPoolClient", {
        "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        "GenerateSecret": False,
        "PreventUserExistenceErrors": "ENABLED",
    })
    template.has_resource_properties("AWS::IAM::Policy", {
        "PolicyDocument": {"Statement": Match.array_with([Match.object_like({"Action": [
            "cognito-idp:AdminGetUser",
            "cognito-idp:AdminSetUserMFAPreference",
            "cognito-idp:AdminDeleteSoftwareToken",
            "cognito-idp:AdminUserGlobalSignOut",
            "cognito-idp:AdminListDevices",
            "cognito-idp:AdminForgetDevice",
        ]})])},
    })


def test_brought_role_and_option_structs():
    stack = new_stack()
    role = iam.Role(
        stack,
        "SmsRole",
        assumed_by=iam.ServicePrincipal(
            "cognito-idp.amazonaws.com", conditions={"StringEquals": {"sts:ExternalId": "py-ext"}}
        ),
    )
    # What the role must allow on the SNS path (checked at synthesis for a role of the app).
    role.add_to_policy(iam.PolicyStatement(actions=["sns:Publish"], resources=["*"]))
    # The last struct parameter of a method becomes keyword arguments in Python.
    MfaUserPool(stack, "Users", sms=SmsMfa.with_role(role, "py-ext", message="Code {####}"))
    assertions.Template.from_stack(stack).has_resource_properties("AWS::Cognito::UserPool", {
        "SmsConfiguration": Match.object_like({"ExternalId": "py-ext"}),
        "SmsAuthenticationMessage": "Code {####}",
    })
    assert NewSmsRoleOptions(external_id="x1", message="{####}").external_id == "x1"
    assert SmsMfaOptions(sns_region="us-east-1").sns_region == "us-east-1"


def test_sms_through_end_user_messaging():
    stack = new_stack()
    phone = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef"
    MfaUserPool(stack, "Users", sms=SmsMfa.with_end_user_messaging(
        message="Code {####}",
        origination_identity=SmsOriginationIdentity.from_arn(phone),
        configuration_set_name="mfa-events",
    ))
    template = assertions.Template.from_stack(stack)
    template.has_resource_properties("AWS::Cognito::UserPool", {
        "SmsConfiguration": {"EumsSms": Match.object_like({"OriginationIdentity": phone, "ConfigurationSetName": "mfa-events"})},
    })
    template.has_resource_properties("AWS::IAM::ManagedPolicy", {
        "PolicyDocument": Match.object_like({"Statement": [Match.object_like({
            "Action": "sms-voice:SendTextMessage",
            "Resource": Match.array_with([phone]),
        })]}),
    })


def test_operations_alarms_dashboard_and_log_delivery():
    stack = new_stack()
    users = MfaUserPool(stack, "Users",
        sms=SmsMfa.with_new_role(),
        threat_protection=ThreatProtection.ENFORCED,
        log_delivery=LogDeliveryOptions(user_auth_events=True),
    )
    web = users.add_app_client("Web")
    alarms = users.add_alarms(sms_monthly_spend_limit_usd=50)
    users.add_dashboard()
    assert len(alarms.alarms) == 6
    assert users.metric_sign_in_successes(web).metric_name == "SignInSuccesses"
    assert "AccountTakeoverRisk" in users.metric_account_takeover_risk(RiskLevel.HIGH).expression
    template = assertions.Template.from_stack(stack)
    template.resource_count_is("AWS::CloudWatch::Alarm", 6)
    template.resource_count_is("AWS::CloudWatch::Dashboard", 1)
    template.has_resource_properties("AWS::CloudWatch::Alarm", {
        "MetricName": "SMSMonthToDateSpentUSD", "Namespace": "AWS/SNS", "Threshold": 40,
    })
    template.has_resource_properties("AWS::Cognito::LogDeliveryConfiguration", {
        "LogConfigurations": [
            Match.object_like({"EventSource": "userNotification", "LogLevel": "ERROR"}),
            Match.object_like({"EventSource": "userAuthEvents", "LogLevel": "INFO"}),
        ],
    })


def test_email_factor_and_threat_protection():
    stack = new_stack()
    MfaUserPool(
        stack,
        "Users",
        email=EmailMfaOptions(subject="Your code", body="Your code is {####}"),
        threat_protection=ThreatProtection.ENFORCED,
        user_pool_props=cognito.UserPoolProps(
            email=cognito.UserPoolEmail.with_ses(from_email="no-reply@example.com", ses_region="us-east-1"),
        ),
    )
    assertions.Template.from_stack(stack).has_resource_properties("AWS::Cognito::UserPool", {
        "EnabledMfas": ["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"],
        "EmailAuthenticationMessage": "Your code is {####}",
        "UserPoolTier": "PLUS",
        "UserPoolAddOns": {"AdvancedSecurityMode": "ENFORCED"},
    })


def test_device_remembering_off_emits_no_device_configuration():
    stack = new_stack()
    MfaUserPool(stack, "Users", device_remembering=DeviceRemembering.OFF)
    pool = assertions.Template.from_stack(stack).find_resources("AWS::Cognito::UserPool")
    assert "DeviceConfiguration" not in list(pool.values())[0]["Properties"]


def test_validation_error_reaches_python_with_its_message():
    stack = new_stack()
    with pytest.raises(Exception) as raised:
        MfaUserPool(stack, "Users", mfa=MfaEnforcement.REQUIRED, totp=False)
    message = str(raised.value)
    assert "[MfaUserPool Smoke/Users] mfa is REQUIRED but no factor is enabled" in message
    assert 'received: {"mfa":"REQUIRED","totp":false}' in message
    assert "Enable at least one factor" in message


def test_refusal_is_recognised_with_mfa_errors():
    # The JavaScript error object does not cross into Python: its message does, and carries the
    # marker MfaErrors recognises.
    stack = new_stack()
    with pytest.raises(Exception) as raised:
        MfaUserPool(stack, "Users", mfa=MfaEnforcement.REQUIRED, totp=False)
    assert MfaErrors.is_configuration_error_message(str(raised.value))
    assert not MfaErrors.is_configuration_error_message("Cannot find module 'aws-cdk-lib'")

    other = new_stack()
    MfaUserPool(other, "Users")
    with pytest.raises(Exception) as not_ours:
        MfaUserPool(other, "Users")  # a duplicate construct id: the constructs library's error
    assert "There is already a Construct with name 'Users'" in str(not_ours.value)
    assert not MfaErrors.is_configuration_error_message(str(not_ours.value))


def test_is_configuration_error_takes_any_python_value():
    # A refusal made while the construct is built: the exception itself, as it was caught.
    with pytest.raises(Exception) as refused:
        MfaUserPool(new_stack(), "Users", mfa=MfaEnforcement.REQUIRED, totp=False)
    assert MfaErrors.is_configuration_error(refused.value)
    # Anything else answers False, and never raises (jsii cannot pass most of these to JavaScript).
    other = new_stack()
    MfaUserPool(other, "Users")
    with pytest.raises(Exception) as duplicate:
        MfaUserPool(other, "Users")
    for value in [duplicate.value, ValueError("x"), RuntimeError("[MfaUserPool ]"), object(), None, "text", 42, {"a": 1}, [ValueError("y")]]:
        assert MfaErrors.is_configuration_error(value) is False, value
    assert MfaErrors.is_configuration_error_message(str(refused.value))
    assert not MfaErrors.is_configuration_error_message(str(duplicate.value))


def test_the_readme_python_message_is_the_real_one():
    readme = (pathlib.Path(__file__).resolve().parents[2] / "README.md").read_text()
    documented = re.search(r"^\[MfaUserPool MyStack/Users\] mfa is REQUIRED.*$", readme, re.M).group(0)
    with pytest.raises(Exception) as refused:
        MfaUserPool(cdk.Stack(cdk.App(), "MyStack"), "Users", mfa=MfaEnforcement.REQUIRED, totp=False)
    assert str(refused.value) == documented


def test_refusal_at_synthesis_is_recognised_and_named_for_python():
    # A brought SMS role that Cognito cannot assume is refused while the app is synthesized.
    stack = new_stack()
    role = iam.Role(stack, "SmsRole", assumed_by=iam.AccountRootPrincipal())
    MfaUserPool(stack, "Users", sms=SmsMfa.with_role(role, "python-ext"))
    with pytest.raises(Exception) as refused:
        stack.node.root.synth()
    message = str(refused.value)
    assert MfaErrors.is_configuration_error(refused.value)
    assert MfaErrors.is_configuration_error_message(message)
    assert message.count("Smoke/Users]") == 1
    assert "${Token[" not in message
    assert "SmsMfa.with_role() or SmsMfa.with_end_user_messaging_role()" in message
    assert message.endswith("[rule: smsRoleTrust, docs/RULES.md#smsroletrust]")


def test_app_clients_are_secure_by_default():
    stack = new_stack()
    pool = MfaUserPool(stack, "Users")
    pool.add_app_client("Mobile")
    pool.add_app_client("Web", o_auth=AppClientOAuth(callback_urls=["https://app.example.com/callback"]),
                        access_token_validity=cdk.Duration.minutes(15))
    template = assertions.Template.from_stack(stack)
    clients = template.find_resources("AWS::Cognito::UserPoolClient")
    by_name = {logical_id[len("Users"):len("Users") + 3]: r["Properties"] for logical_id, r in clients.items()}
    assert by_name["Mob"]["AllowedOAuthFlowsUserPoolClient"] is False
    assert "CallbackURLs" not in by_name["Mob"] and "AllowedOAuthFlows" not in by_name["Mob"]
    assert by_name["Web"]["AllowedOAuthFlows"] == ["code"]
    assert by_name["Web"]["CallbackURLs"] == ["https://app.example.com/callback"]
    assert by_name["Web"]["AccessTokenValidity"] == 15
    with pytest.raises(Exception) as implicit:
        pool.add_app_client("Legacy", o_auth=AppClientOAuth(
            callback_urls=["https://app.example.com/callback"], flows=cognito.OAuthFlows(implicit_code_grant=True)))
    assert MfaErrors.is_configuration_error(implicit.value)
    assert "add_app_client('Legacy'): o_auth.flows.implicit_code_grant asks for the OAuth implicit grant" in str(implicit.value)


def test_abuse_protection():
    stack = new_stack()
    pool = MfaUserPool(stack, "Users", sms=SmsMfa.with_new_role(),
                       abuse_protection=AbuseProtectionOptions(code_requests_per_ip=10, evaluation_window=cdk.Duration.minutes(1)))
    template = assertions.Template.from_stack(stack)
    template.resource_count_is("AWS::WAFv2::WebACLAssociation", 1)
    template.has_resource_properties("AWS::WAFv2::WebACL", {
        "Scope": "REGIONAL",
        "Rules": Match.array_with([Match.object_like({"Name": "CodeRequestsPerIp", "Statement": {"RateBasedStatement": Match.object_like({"Limit": 10, "EvaluationWindowSec": 60})}})]),
    })
    assert pool.web_acl_arn is not None
    with pytest.raises(Exception) as refused:
        MfaUserPool(new_stack(), "Users", abuse_protection=AbuseProtectionOptions(code_requests_per_ip=5))
    assert MfaErrors.is_configuration_error(refused.value)
    assert "abuse_protection.code_requests_per_ip must be a whole number from 10" in str(refused.value)


def test_abuse_protection_counts_every_surface_and_takes_the_optional_limits():
    stack = new_stack()
    MfaUserPool(stack, "Users", mfa=MfaEnforcement.OPTIONAL, sms=SmsMfa.with_new_role(),
                abuse_protection=AbuseProtectionOptions(code_requests_all_ips=1000, code_requests_per_asn=200,
                                                        caller_countries=["US", "CA"], bot_control=True))
    acl = list(assertions.Template.from_stack(stack).find_resources("AWS::WAFv2::WebACL").values())[0]["Properties"]
    rules = {r["Name"]: r for r in acl["Rules"]}
    assert rules["CodeRequestsAllIps"]["Statement"]["RateBasedStatement"]["AggregateKeyType"] == "CONSTANT"
    assert rules["CodeRequestsPerAsn"]["Statement"]["RateBasedStatement"]["CustomKeys"] == [{"ASN": {}}]
    assert rules["SignInRequestsPerIp"]["Statement"]["RateBasedStatement"]["Limit"] == 50
    assert "ManagedLoginRequestsPerIp" in rules and "AWSManagedRulesBotControlRuleSet" in rules
    scope = json.dumps(rules["CodeRequestsPerIp"]["Statement"]["RateBasedStatement"]["ScopeDownStatement"])
    assert '"/signup"' in scope and '"/forgotpassword"' in scope and '"SignUp"' in scope
    with pytest.raises(Exception) as refused:
        MfaUserPool(new_stack(), "Users", abuse_protection=AbuseProtectionOptions(caller_countries=["UK"]))
    assert MfaErrors.is_configuration_error(refused.value)
    assert "abuse_protection.caller_countries must hold country codes" in str(refused.value)


def test_sms_country_rules_and_the_web_acl_alarm():
    stack = new_stack()
    pool = MfaUserPool(stack, "Users", mfa=MfaEnforcement.OPTIONAL, sms=SmsMfa.with_end_user_messaging(),
                       abuse_protection=AbuseProtectionOptions(
                           sms_countries=SmsCountryRules(allow=["US", "CA"], other_countries=SmsCountryAction.FILTER)))
    pool.add_alarms(web_acl_blocked_requests_threshold=50)
    template = assertions.Template.from_stack(stack)
    protect = list(template.find_resources("AWS::SMSVOICE::ProtectConfiguration").values())
    assert len(protect) == 1
    rules = {r["CountryCode"]: r["ProtectStatus"] for r in protect[0]["Properties"]["CountryRuleSet"]["SMS"]}
    assert len(rules) == 249
    assert rules["US"] == "ALLOW" and rules["CA"] == "ALLOW" and rules["GB"] == "FILTER"
    sets = list(template.find_resources("AWS::SMSVOICE::ConfigurationSet").values())
    pool_props = list(template.find_resources("AWS::Cognito::UserPool").values())[0]["Properties"]
    assert pool_props["SmsConfiguration"]["EumsSms"]["ConfigurationSetName"] == sets[0]["Properties"]["ConfigurationSetName"]
    template.has_resource_properties("AWS::CloudWatch::Alarm", {"Namespace": "AWS/WAFV2", "MetricName": "BlockedRequests", "Threshold": 50})
    assert pool.metric_web_acl_blocked_requests().metric_name == "BlockedRequests"
    with pytest.raises(Exception) as refused:
        MfaUserPool(new_stack(), "Users", sms=SmsMfa.with_new_role(),
                    abuse_protection=AbuseProtectionOptions(sms_countries=SmsCountryRules(allow=["US"])))
    assert MfaErrors.is_configuration_error(refused.value)
    assert "abuse_protection.sms_countries needs the direct End User Messaging path" in str(refused.value)
    assert "SmsMfa.with_end_user_messaging()" in str(refused.value)


def test_managed_login_for_every_client():
    stack = new_stack()
    pool = MfaUserPool(stack, "Users", mfa=MfaEnforcement.REQUIRED)
    login = pool.add_managed_login(domain=ManagedLoginDomain.cognito_prefix("myapp-users"),
                                   terms_of_use_url="https://example.com/terms", privacy_policy_url="https://example.com/privacy")
    client = pool.add_app_client("Web", o_auth=AppClientOAuth(callback_urls=["https://app.example.com/callback"],
                                                              logout_urls=["https://app.example.com/"]))
    pool.user_pool.add_client("L2", o_auth=cognito.OAuthSettings(
        callback_urls=["https://admin.example.com/callback"], logout_urls=["https://admin.example.com/"],
        flows=cognito.OAuthFlows(authorization_code_grant=True)))
    template = assertions.Template.from_stack(stack)
    template.has_resource_properties("AWS::Cognito::UserPoolDomain", {"Domain": "myapp-users", "ManagedLoginVersion": 2})
    template.resource_count_is("AWS::Cognito::ManagedLoginBranding", 2)
    template.resource_count_is("AWS::Cognito::Terms", 4)
    assert login.domain_name == "myapp-users.auth.us-east-1.amazoncognito.com"
    assert login.base_url == "https://myapp-users.auth.us-east-1.amazoncognito.com"
    resolved = stack.resolve(login.sign_in_url(client, "https://app.example.com/callback"))
    assert resolved["Fn::Join"][1][0].endswith("/oauth2/authorize?response_type=code&client_id=")
    outputs = template.to_json()["Outputs"]
    assert len([k for k in outputs if "ManagedLoginSignInUrl" in k]) == 2
    with pytest.raises(Exception) as refused:
        MfaUserPool(new_stack(), "Users").add_managed_login(
            domain=ManagedLoginDomain.cognito_prefix("myapp-users"),
            branding=ManagedLoginBrandingOptions(cognito_provided_values=True, settings={"components": {}}))
    assert MfaErrors.is_configuration_error(refused.value)
    assert "add_managed_login(branding) asks for Cognito's own style and gives settings or assets" in str(refused.value)


def test_amplify_outputs():
    stack = new_stack()
    pool = MfaUserPool(stack, "Users", mfa=MfaEnforcement.OPTIONAL, sms=SmsMfa.with_new_role())
    web = pool.add_app_client("Web")
    outputs = pool.add_amplify_outputs("AmplifyOutputs", web, parameter_name="/myapp/amplify_outputs.json")
    assert outputs.content["version"] == "1.5"
    assert outputs.content["auth"]["mfa_configuration"] == "OPTIONAL"
    assert outputs.content["auth"]["mfa_methods"] == ["SMS", "TOTP"]
    assert stack.resolve(outputs.content["auth"]["user_pool_id"]) == {"Ref": "Users0A0EEA89"}
    template = assertions.Template.from_stack(stack)
    template.has_resource_properties("AWS::SSM::Parameter", {"Name": "/myapp/amplify_outputs.json", "Type": "String"})
    assert len([k for k in template.to_json()["Outputs"] if k.startswith("UsersAmplifyOutputs")]) == 1


def test_passkeys_as_mfa_and_choice_based_sign_in():
    stack = new_stack()
    pool = MfaUserPool(
        stack,
        "Users",
        mfa=MfaEnforcement.REQUIRED,
        passkeys=PasskeyOptions(relying_party_id="auth.example.com", user_verification=cognito.PasskeyUserVerification.REQUIRED),
    )
    pool.add_app_client("WebClient")
    template = assertions.Template.from_stack(stack)
    template.has_resource_properties("AWS::Cognito::UserPool", {
        "Policies": Match.object_like({"SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "WEB_AUTHN"]}}),
        "WebAuthnRelyingPartyID": "auth.example.com",
        "WebAuthnFactorConfiguration": "MULTI_FACTOR_WITH_USER_VERIFICATION",
    })
    template.has_resource_properties("AWS::Cognito::UserPoolClient", {
        "ExplicitAuthFlows": Match.array_with(["ALLOW_USER_AUTH"]),
    })
    with pytest.raises(Exception) as raised:
        MfaUserPool(new_stack(), "Users", passwordless=PasswordlessOptions(email_otp=True))
    # Named as a Python caller writes it (JSII_AGENT is Python/...).
    assert "passwordless.email_otp is a passwordless first factor" in str(raised.value)


def test_adaptive_authentication_preset():
    stack = new_stack()
    pool = MfaUserPool(
        stack,
        "Users",
        mfa=MfaEnforcement.OPTIONAL,
        threat_protection=ThreatProtection.ENFORCED,
        adaptive_authentication=AdaptiveAuthentication.recommended(
            notification=RiskNotificationOptions(
                sender=RiskNotificationSender.from_arn("arn:aws:ses:us-east-1:123456789012:identity/example.com"),
                from_address="security@example.com",
            ),
        ),
    )
    admin = iam.Role(stack, "Support", assumed_by=iam.AccountRootPrincipal())
    assert pool.grant_admin_risk(admin).success
    assertions.Template.from_stack(stack).has_resource_properties("AWS::Cognito::UserPoolRiskConfigurationAttachment", {
        "ClientId": "ALL",
        "AccountTakeoverRiskConfiguration": Match.object_like({
            "Actions": {
                "LowAction": {"EventAction": "NO_ACTION", "Notify": False},
                "MediumAction": {"EventAction": "MFA_IF_CONFIGURED", "Notify": True},
                "HighAction": {"EventAction": "BLOCK", "Notify": True},
            },
        }),
    })
    with pytest.raises(Exception) as raised:
        MfaUserPool(new_stack(), "Users", adaptive_authentication=AdaptiveAuthentication.recommended())
    assert MfaErrors.is_configuration_error_message(str(raised.value))


def test_rules_of_the_catalog_reach_python():
    # smsMfa false next to an SMS configuration: the error Cognito returns, and the rule id.
    with pytest.raises(Exception) as raised:
        MfaUserPool(new_stack(), "Users", sms=SmsMfa.with_new_role(), sms_mfa=False)
    assert "Can't turn off SMS_MFA when SMS configuration is set for the user pool" in str(raised.value)
    assert "[rule: smsMfaFollowsSmsConfiguration, docs/RULES.md#smsmfafollowssmsconfiguration]" in str(raised.value)

    # SMS with MFA OFF keeps its configuration (SMS OTP sign-in here); one risk level, one body.
    stack = new_stack()
    MfaUserPool(stack, "Users",
        mfa=MfaEnforcement.OFF,
        sms=SmsMfa.with_new_role(message="Sign in with {####}"),
        passwordless=PasswordlessOptions(sms_otp=True),
        custom_auth_threat_protection=ThreatProtection.AUDIT,
        adaptive_authentication=AdaptiveAuthentication.custom(
            account_takeover=AccountTakeoverResponses(high=RiskResponse(action=RiskAction.BLOCK, notify=True)),
            notification=RiskNotificationOptions(
                sender=RiskNotificationSender.from_arn("arn:aws:ses:us-east-1:123456789012:identity/example.com"),
                from_address="security@example.com",
                block_email=RiskNotificationEmail(subject="Blocked sign-in", text_body="We blocked a sign-in to {username}."),
            ),
        ),
    )
    template = assertions.Template.from_stack(stack)
    template.has_resource_properties("AWS::Cognito::UserPool", {
        "MfaConfiguration": "OFF",
        "SmsAuthenticationMessage": "Sign in with {####}",
        "Policies": Match.object_like({"SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "SMS_OTP"]}}),
    })
    template.has_resource_properties("AWS::Cognito::UserPoolRiskConfigurationAttachment", {
        "AccountTakeoverRiskConfiguration": Match.object_like({
            "Actions": {"HighAction": {"EventAction": "BLOCK", "Notify": True}},
            "NotifyConfiguration": Match.object_like({"BlockEmail": {"Subject": "Blocked sign-in", "TextBody": "We blocked a sign-in to {username}."}}),
        }),
    })


def test_mfa_policy_checks_every_pool_of_the_app():
    """The app-wide policy reaches Python: enums, props, the static acknowledgement, the mechanism."""
    app = cdk.App()
    mechanism = MfaPolicy(
        allowed_mfa_factors=[MfaFactor.TOTP, MfaFactor.EMAIL],
        warning_rules=[MfaPolicyRule.DEVICE_REMEMBERING],
        severity=MfaPolicySeverity.ERROR,
    ).apply_to(app)
    assert mechanism in (MfaPolicyMechanism.VALIDATION_PLUGIN, MfaPolicyMechanism.ASPECT)
    stack = cdk.Stack(app, "Identity", env=cdk.Environment(account="123456789012", region="us-east-1"))
    MfaUserPool(stack, "Users")
    plain = cognito.UserPool(stack, "Plain", feature_plan=cognito.FeaturePlan.ESSENTIALS, deletion_protection=True)
    other = cognito.UserPool(stack, "Other", feature_plan=cognito.FeaturePlan.ESSENTIALS, deletion_protection=True)
    MfaPolicy.acknowledge(plain, MfaPolicyRule.MINIMUM_MFA, "internal tool, SEC-42")
    assert MfaPolicy.acknowledgement_id(MfaPolicyRule.MINIMUM_MFA) == "MfaPolicy::MinimumMfa"
    if mechanism == MfaPolicyMechanism.VALIDATION_PLUGIN:
        # Under pytest the app synthesizes in memory: an error finding fails it, with the report.
        with pytest.raises(Exception) as raised:
            app.synth()
        assert "MfaConfiguration is not set (MFA OFF)" in str(raised.value)
        assert "Identity/Other/Resource" in str(raised.value)
        assert "Identity/Plain/Resource" not in str(raised.value)
    else:
        errors = [m for s in app.synth().stacks_recursively for m in s.messages if m.level == cx_api.SynthesisMessageLevel.ERROR]
        texts = [str(m.entry.data) for m in errors]
        assert any("[MfaPolicy::MinimumMfa]" in t for t in texts)
        assert [m.id for m in errors] == ["/Identity/Other/Resource"]


def test_replication_across_two_regions():
    """The replicated pool and its secondary reach Python: the stacks the library adds, the Regional configuration, the refusal."""
    app = cdk.App()
    primary = cdk.Stack(app, "East", env=cdk.Environment(account="123456789012", region="us-east-1"))
    secondary = cdk.Stack(app, "West", env=cdk.Environment(account="123456789012", region="us-west-2"), cross_region_references=True)
    pool = MfaUserPool(primary, "Users", sms=SmsMfa.with_new_role(), token_issuer=TokenIssuer.UPDATED,
                       replication=ReplicationOptions(region="us-west-2"))
    west = MfaUserPoolSecondary(secondary, "Users", pool=pool, status=ReplicaStatus.ACTIVE,
                                email=RegionalEmailOptions(from_="no-reply@example.com",
                                                           ses_identity_arn="arn:aws:ses:us-west-2:123456789012:identity/example.com"))
    west.add_alarms(sms_monthly_spend_limit_usd=50)
    assert pool.replication_region == "us-west-2"
    assembly = app.synth()
    names = sorted(s.stack_name for s in assembly.stacks)
    assert len(names) == 4 and names[0] == "East" and names[3] == "West"
    assert re.fullmatch(r"EastUsers[0-9A-F]{8}KeyReplica", names[1]) and re.fullmatch(r"EastUsers[0-9A-F]{8}Replica", names[2])
    replica = next(s for s in assembly.stacks if s.stack_name.endswith("Replica") and not s.stack_name.endswith("KeyReplica"))
    assert [r["Type"] for r in replica.template["Resources"].values()] == ["AWS::Cognito::UserPoolReplica"]
    assertions.Template.from_stack(secondary).has_resource_properties("AWS::Cognito::UserPoolRegionalConfigurationAttachment", {
        "Status": "ACTIVE",
        "SmsConfiguration": Match.object_like({"SnsRegion": "us-west-2"}),
        "EmailConfiguration": {"EmailSendingAccount": "DEVELOPER", "From": "no-reply@example.com",
                               "SourceArn": "arn:aws:ses:us-west-2:123456789012:identity/example.com"},
    })
    with pytest.raises(Exception) as refused:
        MfaUserPool(new_stack(), "Users", replication=ReplicationOptions(region="us-east-1"))
    assert MfaErrors.is_configuration_error(refused.value)
    assert "replication.region must be another Region than the pool's own (us-east-1)" in str(refused.value)


def test_recovery_codes_ship_their_handlers():
    """MfaRecovery reaches Python, and the bundled handlers ship inside the package: synthesis stages them."""
    app = cdk.App()
    stack = cdk.Stack(app, "Recovery", env=cdk.Environment(account="123456789012", region="us-east-1"))
    pool = MfaUserPool(stack, "Users")
    recovery = MfaRecovery(stack, "Recovery", pool=pool, rate_limit=20,
        sender=RecoverySenderOptions(from_="no-reply@example.com", ses_identity_arn="arn:aws:ses:us-east-1:123456789012:identity/example.com"))
    template = assertions.Template.from_stack(stack)
    template.resource_properties_count_is("AWS::Lambda::Function", {"Runtime": "nodejs22.x", "Handler": Match.string_like_regexp("^index[.](codes|recover)$")}, 2)
    template.has_resource_properties("AWS::WAFv2::WebACL", {"Rules": Match.array_with([Match.object_like({
        "Statement": {"RateBasedStatement": {"Limit": 20, "AggregateKeyType": "IP", "EvaluationWindowSec": 300}}})])})
    assert recovery.url is not None
    assembly = app.synth()
    staged = sorted(p.read_bytes() for p in pathlib.Path(assembly.directory).glob("asset.*/index.js"))
    # The wheel carries the npm tarball, and the tarball the handlers' bundle: synthesis staged exactly it.
    import tarfile
    import cdk_mfa_user_pool
    tarball = next((pathlib.Path(cdk_mfa_user_pool.__file__).parent / "_jsii").glob("*.tgz"))
    with tarfile.open(tarball) as archive:
        shipped = [archive.extractfile("package/assets/recovery/index.js").read()]
    assert staged == shipped
    with pytest.raises(Exception) as refused:
        MfaRecovery(stack, "Again", pool=MfaUserPool(stack, "NoSes"))
    assert MfaErrors.is_configuration_error(refused.value)
    assert "sender is needed" in str(refused.value)
