#!/usr/bin/env bash
# Java binding smoke test: the Maven project in bindings/java (JUnit 5) against the jar that
# `npx projen package:java` put in dist/java, and aws-cdk-lib from Maven Central.
set -euo pipefail
cd "$(dirname "$0")/../bindings/java"
java -version 2>&1 | head -1
mvn -B -q test
grep -h "Tests run" target/surefire-reports/*.txt
