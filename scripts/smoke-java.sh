#!/usr/bin/env bash
# Java binding smoke test: the Maven project in bindings/java (JUnit 5) against the jar that
# `npx projen package:java` put in dist/java, and aws-cdk-lib from Maven Central.
set -euo pipefail
cd "$(dirname "$0")/../bindings/java"
java -version 2>&1 | head -1
# Maven copies the binding (version 0.0.0, never a new number) into its local repository on first
# use and then keeps that copy: drop it, so that the test runs the jar just built.
rm -rf "${HOME}/.m2/repository/io/github/cdk-mfa-user-pool"
mvn -B -q test
grep -h "Tests run" target/surefire-reports/*.txt
