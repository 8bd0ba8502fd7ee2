#!/usr/bin/env bash
# The npm package must hold the library (with the recovery handlers' bundles) and nothing of the
# repository's tooling.
set -euo pipefail
cd "$(dirname "$0")/.."
npm pack --dry-run --json 2>/dev/null | node -e '
const [pack] = JSON.parse(require("fs").readFileSync(0, "utf-8"));
const files = pack.files.map(f => f.path);
const allowed = /^(lib\/.*\.(js|d\.ts)|assets\/recovery\/index\.js|\.jsii|API\.md|README\.md|docs\/RULES\.md|LICENSE|package\.json)$/;
const stray = files.filter(f => !allowed.test(f));
if (stray.length) { console.error(`files that do not belong in the npm package:\n  ${stray.slice(0, 20).join("\n  ")}`); process.exit(1); }
for (const required of [".jsii", "lib/index.js", "lib/index.d.ts", "README.md", "docs/RULES.md", "LICENSE", "assets/recovery/index.js"]) {
  if (!files.includes(required)) { console.error(`missing from the npm package: ${required}`); process.exit(1); }
}
console.log(`npm package ${pack.filename}: ${files.length} files, ${(pack.size / 1024).toFixed(1)} kB packed, ${(pack.unpackedSize / 1024).toFixed(1)} kB unpacked`);
'
