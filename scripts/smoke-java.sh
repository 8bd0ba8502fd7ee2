#!/usr/bin/env bash
# Java binding smoke test: the Maven project in bindings/java (JUnit 5) against the jar that
# `npx projen package:java` put in dist/java, and aws-cdk-lib from Maven Central.
#
#   bash scripts/smoke-java.sh          # aws-cdk-lib as pinned in bindings/java/pom.xml
#   bash scripts/smoke-java.sh floor    # aws-cdk-lib at the floor the package declares
set -euo pipefail
cd "$(dirname "$0")/.."
version=()
if [ "${1:-}" = floor ]; then
  version=("-Dcdk.version=$(bash scripts/cdk-floor.sh)")
fi
cd bindings/java
java -version 2>&1 | head -1
# Maven copies the binding (version 0.0.0, never a new number) into its local repository on first
# use and then keeps that copy: drop it, so that the test runs the jar just built.
rm -rf "${HOME}/.m2/repository/io/github/cdk-mfa-user-pool"
mvn -B -q "${version[@]}" test
mvn -B -q "${version[@]}" dependency:list -DincludeArtifactIds=aws-cdk-lib -DoutputFile=/dev/stdout 2>/dev/null | grep aws-cdk-lib || true
grep -h "Tests run" target/surefire-reports/*.txt
