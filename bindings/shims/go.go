package cdkmfauserpool

// Added to the jsii-generated binding by scripts/binding-shims.py (cdk-mfa-user-pool).
//
// jsii's Go runtime passes a Go value that is not a jsii type to JavaScript as an opaque object:
// the message of an error (what recover() returns for a refusal) would not reach the library. So
// MfaErrors_IsConfigurationError passes an error on as {"message": err.Error()}, which the library
// judges like MfaErrors_IsConfigurationErrorMessage.
func cdkMfaUserPoolPassable(x interface{}) interface{} {
	if err, ok := x.(error); ok {
		return map[string]interface{}{"message": err.Error()}
	}
	return x
}
