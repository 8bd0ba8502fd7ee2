# Sourced by scripts that run against another aws-cdk-lib than the lock file's:
#   use_cdk <aws-cdk-lib version> [<constructs version>]
# installs it without saving and restores node_modules from package-lock.json when the calling
# script exits, whatever the outcome.
restore_node_modules() { echo "restoring node_modules from package-lock.json"; npm ci --no-audit --no-fund >/dev/null; }

use_cdk() {
  trap restore_node_modules EXIT
  # A clean tree: installing over another aws-cdk-lib can leave its nested modules half-replaced.
  rm -rf node_modules/aws-cdk-lib
  local packages=("aws-cdk-lib@$1")
  if [ -n "${2:-}" ]; then packages+=("constructs@$2"); fi
  npm install --no-save --legacy-peer-deps --no-audit --no-fund "${packages[@]}" >/dev/null
}
