#!/usr/bin/env bash
# .NET: no .NET SDK or NuGet is reachable here, so the package cannot be built; generate its C#
# sources with jsii-pacmak and check that the public API made it across.
set -euo pipefail
cd "$(dirname "$0")/.."
out=dist/dotnet-sources
rm -rf "$out"
npx jsii-pacmak --target dotnet --code-only --outdir "$out" >/dev/null
src="$out/dotnet/CdkMfaUserPool/CdkMfaUserPool"
check() { grep -q "$2" "$src/$1" || { echo "missing in $1: $2" >&2; exit 1; }; }
check MfaUserPool.cs 'public virtual Amazon.CDK.AWS.Cognito.UserPoolClient AddAppClient'
check MfaUserPool.cs 'public virtual Amazon.CDK.AWS.IAM.Grant GrantAdminMfa'
check SmsMfa.cs 'public static CdkMfaUserPool.SmsMfa WithNewRole'
check SmsMfa.cs 'public static CdkMfaUserPool.SmsMfa WithRole'
check MfaErrors.cs 'public static bool IsConfigurationErrorMessage(string message)'
check MfaErrors.cs 'public static bool IsConfigurationError('
check AppClientOptions.cs 'CdkMfaUserPool.IAppClientOAuth? OAuth'
for member in OFF OPTIONAL REQUIRED; do check MfaEnforcement.cs "$member"; done
for member in OFF ALWAYS USER_OPT_IN; do check DeviceRemembering.cs "$member"; done
for member in OFF AUDIT ENFORCED; do check ThreatProtection.cs "$member"; done
echo ".NET sources generated in $src: $(ls "$src"/*.cs | wc -l) C# files, public API present"
