# Sourced by the scripts that run against another aws-cdk-lib than the lock file's:
#
#   cdk_sandbox <package@version>...
#
# installs those packages into a directory of their own, outside the repository
# (${CDK_SANDBOX_ROOT:-~/.cache/cdk-mfa-user-pool}/<packages>), and sets CDK_SANDBOX to it. The
# repository's node_modules is never touched: the suites are pointed at the sandbox by
# scripts/jest-sandbox.config.js (jest), scripts/sandbox-resolve.js (node) and a generated
# tsconfig (tsc). The install goes to a temporary directory that is renamed only once it is
# complete, so an interrupted run leaves nothing half-installed behind, and a finished sandbox is
# reused by the next run.
cdk_sandbox() {
  local root="${CDK_SANDBOX_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/cdk-mfa-user-pool}"
  local key; key=$(printf '%s+' "$@" | tr '/@' '__'); key="${key%+}"
  CDK_SANDBOX="$root/$key"
  export CDK_SANDBOX
  if [ -f "$CDK_SANDBOX/.complete" ]; then
    echo "aws-cdk-lib sandbox (reused): $CDK_SANDBOX"
    return
  fi
  mkdir -p "$root"
  local partial; partial=$(mktemp -d "$root/.partial.XXXXXX")
  echo '{ "name": "cdk-sandbox", "private": true }' > "$partial/package.json"
  # --legacy-peer-deps: only the named packages, not the peers they would pull in.
  npm install --prefix "$partial" --no-audit --no-fund --no-save --legacy-peer-deps "$@" >/dev/null
  touch "$partial/.complete"
  rm -rf "$CDK_SANDBOX"
  mv "$partial" "$CDK_SANDBOX"
  echo "aws-cdk-lib sandbox (installed): $CDK_SANDBOX"
}

# The aws-cdk-lib version a sandbox holds.
sandbox_cdk_version() { node -p "require('$CDK_SANDBOX/node_modules/aws-cdk-lib/package.json').version"; }
