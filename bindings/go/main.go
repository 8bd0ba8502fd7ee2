// Go binding smoke test: synthesizes the same stack as the Python and Java smoke tests with the
// module that `npx projen package:go` generated (dist/go/cdkmfauserpool, wired in by a replace
// directive), and checks the template. It exits non-zero on any mismatch.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscognito"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-mfa-user-pool/cdk-mfa-user-pool-go/cdkmfauserpool"
)

// passed counts the checks that held; any failed check exits at once.
var passed int

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "FAIL: "+format+"\n", args...)
	os.Exit(1)
}

func newStack() awscdk.Stack {
	app := awscdk.NewApp(nil)
	return awscdk.NewStack(app, jsii.String("Smoke"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("123456789012"), Region: jsii.String("us-east-1")},
	})
}

func poolProperties(stack awscdk.Stack) map[string]interface{} {
	template := awscdk.Stage_Of(stack).Synth(nil).GetStackByName(jsii.String("Smoke")).Template()
	raw, _ := json.Marshal(template)
	var parsed struct {
		Resources map[string]struct {
			Type       string
			Properties map[string]interface{}
		}
	}
	if err := json.Unmarshal(raw, &parsed); err != nil {
		fail("template: %v", err)
	}
	for _, r := range parsed.Resources {
		if r.Type == "AWS::Cognito::UserPool" {
			return r.Properties
		}
	}
	fail("no user pool in the template")
	return nil
}

func expect(name string, got, want interface{}) {
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if !reflect.DeepEqual(string(g), string(w)) {
		fail("%s: got %s, want %s", name, g, w)
	}
	fmt.Printf("ok   %s = %s\n", name, g)
	passed++
}

func main() {
	// Every enum member the library declares.
	_ = []cdkmfauserpool.MfaEnforcement{cdkmfauserpool.MfaEnforcement_OFF, cdkmfauserpool.MfaEnforcement_OPTIONAL, cdkmfauserpool.MfaEnforcement_REQUIRED}
	_ = []cdkmfauserpool.DeviceRemembering{cdkmfauserpool.DeviceRemembering_OFF, cdkmfauserpool.DeviceRemembering_ALWAYS, cdkmfauserpool.DeviceRemembering_USER_OPT_IN}
	_ = []cdkmfauserpool.ThreatProtection{cdkmfauserpool.ThreatProtection_OFF, cdkmfauserpool.ThreatProtection_AUDIT, cdkmfauserpool.ThreatProtection_ENFORCED}

	// The reference setup (README): optional MFA with TOTP and SMS.
	stack := newStack()
	pool := cdkmfauserpool.NewMfaUserPool(stack, jsii.String("Users"), &cdkmfauserpool.MfaUserPoolProps{
		Mfa:  cdkmfauserpool.MfaEnforcement_OPTIONAL,
		Totp: jsii.Bool(true),
		Sms: cdkmfauserpool.SmsMfa_WithNewRole(&cdkmfauserpool.NewSmsRoleOptions{
			Message:   jsii.String("Your sign-in code for MyApp is {####}"),
			SnsRegion: jsii.String("us-east-1"),
		}),
		DeviceRemembering: cdkmfauserpool.DeviceRemembering_USER_OPT_IN,
		ThreatProtection:  cdkmfauserpool.ThreatProtection_OFF,
		UserPoolProps:     &awscognito.UserPoolProps{UserPoolName: jsii.String("go-pool")},
	})
	pool.AddAppClient(jsii.String("WebClient"), nil)
	admin := awsiam.NewRole(stack, jsii.String("Admin"), &awsiam.RoleProps{AssumedBy: awsiam.NewAccountRootPrincipal()})
	if !*pool.GrantAdminMfa(admin).Success() {
		fail("grantAdminMfa did not succeed")
	}
	_ = cdkmfauserpool.SmsMfa_WithRole(admin, jsii.String("ext"), &cdkmfauserpool.SmsMfaOptions{})

	p := poolProperties(stack)
	expect("MfaConfiguration", p["MfaConfiguration"], "OPTIONAL")
	expect("EnabledMfas", p["EnabledMfas"], []string{"SMS_MFA", "SOFTWARE_TOKEN_MFA"})
	expect("DeviceConfiguration", p["DeviceConfiguration"], map[string]bool{
		"ChallengeRequiredOnNewDevice": true, "DeviceOnlyRememberedOnUserPrompt": true,
	})
	expect("SmsConfiguration.ExternalId", p["SmsConfiguration"].(map[string]interface{})["ExternalId"], "Users0A0EEA89")
	expect("UserPoolName", p["UserPoolName"], "go-pool")

	// Every other prop, so that a binding that lost one does not compile.
	full := newStack()
	cdkmfauserpool.NewMfaUserPool(full, jsii.String("Users"), &cdkmfauserpool.MfaUserPoolProps{
		Mfa:                        cdkmfauserpool.MfaEnforcement_REQUIRED,
		Email:                      &cdkmfauserpool.EmailMfaOptions{Subject: jsii.String("Your code"), Body: jsii.String("Your code is {####}")},
		PasswordPolicy:             &awscognito.PasswordPolicy{MinLength: jsii.Number(14)},
		AccountRecovery:            awscognito.AccountRecovery_NONE,
		FeaturePlan:                awscognito.FeaturePlan_PLUS,
		ThreatProtection:           cdkmfauserpool.ThreatProtection_ENFORCED,
		CustomAuthThreatProtection: cdkmfauserpool.ThreatProtection_AUDIT,
		RemovalPolicy:              awscdk.RemovalPolicy_RETAIN,
		DeletionProtection:         jsii.Bool(true),
		UserPoolProps: &awscognito.UserPoolProps{
			Email: awscognito.UserPoolEmail_WithSES(&awscognito.UserPoolSESOptions{
				FromEmail: jsii.String("no-reply@example.com"), SesRegion: jsii.String("us-east-1"),
			}),
		},
	})
	f := poolProperties(full)
	expect("EnabledMfas (email)", f["EnabledMfas"], []string{"SOFTWARE_TOKEN_MFA", "EMAIL_OTP"})
	expect("UserPoolAddOns", f["UserPoolAddOns"], map[string]interface{}{
		"AdvancedSecurityMode": "ENFORCED", "AdvancedSecurityAdditionalFlows": map[string]string{"CustomAuthMode": "AUDIT"},
	})

	// A validation error reaches Go as a panic with its message intact.
	func() {
		defer func() {
			r := recover()
			if r == nil || !strings.Contains(fmt.Sprint(r), "[MfaUserPool Smoke/Users] mfa is REQUIRED but no factor is enabled") {
				fail("expected the validation error, got %v", r)
			}
			if !*cdkmfauserpool.MfaErrors_IsConfigurationErrorMessage(jsii.String(fmt.Sprint(r))) {
				fail("MfaErrors does not recognise the refusal: %v", r)
			}
			// The value recover() returned, as it is.
			if !*cdkmfauserpool.MfaErrors_IsConfigurationError(r) {
				fail("MfaErrors_IsConfigurationError does not recognise the recovered refusal: %v", r)
			}
			fmt.Println("ok   validation error: mfa is REQUIRED but no factor is enabled")
			passed++
		}()
		cdkmfauserpool.NewMfaUserPool(newStack(), jsii.String("Users"), &cdkmfauserpool.MfaUserPoolProps{
			Mfa: cdkmfauserpool.MfaEnforcement_REQUIRED, Totp: jsii.Bool(false),
		})
	}()
	// Anything else is not a refusal, and asking never panics.
	for _, other := range []interface{}{fmt.Errorf("[MfaUserPool ]"), errors.New("some other failure"), "text", 42, nil, &struct{ Message string }{"x"}} {
		if *cdkmfauserpool.MfaErrors_IsConfigurationError(other) {
			fail("MfaErrors_IsConfigurationError took %#v for a refusal", other)
		}
	}
	fmt.Println("ok   MfaErrors_IsConfigurationError: false for other errors and values")
	passed++

	// A refusal made while the app is synthesized (a brought role Cognito cannot assume).
	func() {
		defer func() {
			r := recover()
			if r == nil || !*cdkmfauserpool.MfaErrors_IsConfigurationError(r) || strings.Contains(fmt.Sprint(r), "${Token[") ||
				!strings.Contains(fmt.Sprint(r), "SmsMfa.withRole() or SmsMfa.withEndUserMessagingRole()") {
				fail("expected the SMS role trust refusal at synthesis, got %v", r)
			}
			fmt.Println("ok   refusal at synthesis: recognised")
			passed++
		}()
		s := newStack()
		role := awsiam.NewRole(s, jsii.String("SmsRole"), &awsiam.RoleProps{AssumedBy: awsiam.NewAccountRootPrincipal()})
		cdkmfauserpool.NewMfaUserPool(s, jsii.String("Users"), &cdkmfauserpool.MfaUserPoolProps{Sms: cdkmfauserpool.SmsMfa_WithRole(role, jsii.String("go-ext"), nil)})
		awscdk.Stage_Of(s).Synth(nil)
	}()

	// App clients: no OAuth by default; the authorization code grant with the callback URLs given.
	clients := newStack()
	clientPool := cdkmfauserpool.NewMfaUserPool(clients, jsii.String("Users"), nil)
	clientPool.AddAppClient(jsii.String("Mobile"), nil)
	clientPool.AddAppClient(jsii.String("Web"), &cdkmfauserpool.AppClientOptions{
		OAuth:               &cdkmfauserpool.AppClientOAuth{CallbackUrls: jsii.Strings("https://app.example.com/callback")},
		AccessTokenValidity: awscdk.Duration_Minutes(jsii.Number(15)),
	})
	alarms := clientPool.AddAlarms(nil)
	if len(*alarms.Alarms) == 0 {
		fail("addAlarms made no alarm")
	}
	template := assertions.Template_FromStack(clients, nil)
	template.HasResourceProperties(jsii.String("AWS::Cognito::UserPoolClient"), map[string]interface{}{
		"AllowedOAuthFlowsUserPoolClient": false, "CallbackURLs": assertions.Match_Absent(), "AllowedOAuthFlows": assertions.Match_Absent(),
	})
	template.HasResourceProperties(jsii.String("AWS::Cognito::UserPoolClient"), map[string]interface{}{
		"AllowedOAuthFlows": []string{"code"}, "CallbackURLs": []string{"https://app.example.com/callback"}, "AccessTokenValidity": 15,
	})
	fmt.Println("ok   app clients: no OAuth by default, the code grant when asked; alarms")
	passed++

	fmt.Printf("go smoke test: %d passed, 0 failed\n", passed)
}
