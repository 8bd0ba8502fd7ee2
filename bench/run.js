// The benchmark: MfaUserPool against the raw cognito.UserPool configured the same way, for
// N = 1, 10 and 100 pools per app; the same MfaUserPool with passkeys, with SMS through End User
// Messaging instead of SNS, with the operations (alarms, dashboard), with adaptive
// authentication against threat protection alone, with addAppClient clients against the same L2
// clients, with a brought SMS role against a created one, behind a web ACL, and with SMS country
// rules on the direct path, and with managed login (each feature's marginal cost). Samples run in
// fresh child processes, rotating the kinds (and which goes first) so that the machine's noise
// falls on all alike; medians and their ratios come from this one run. Then the test suite's
// duration and the npm tarball size.
//   node bench/run.js [rounds]
const { execFileSync } = require('child_process');
const path = require('path');

const rounds = Number(process.argv[2] ?? 7);
const sizes = [1, 10, 100];
const TARGET = 1.10;

function sample(kind, n) {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'child.js'), kind, String(n)], { encoding: 'utf-8' });
  return JSON.parse(out.trim().split('\n').pop());
}
const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const ALL_KINDS = ['mfa', 'raw', 'passkeys', 'eums', 'eumswaf', 'countries', 'ops', 'nologs', 'threat', 'adaptive', 'clients', 'l2clients', 'brought', 'abuse', 'abuseall',
  'oauthclient', 'managed', 'outputs', 'policy', 'policyaspect', 'encrypted', 'replicated', 'recovery'];
// BENCH_KINDS=a,b runs only those kinds (with mfa and raw, which every report line needs): one feature's cost, quickly.
const KINDS = process.env.BENCH_KINDS ? [...new Set(['mfa', 'raw', ...process.env.BENCH_KINDS.split(',')])] : ALL_KINDS;
const results = {};
for (const n of sizes) {
  const kinds = KINDS;
  results[n] = Object.fromEntries(kinds.map(kind => [kind, []]));
  for (let r = 0; r < rounds; r++) {
    // Each round starts with another kind, so that the machine's noise falls on all alike.
    const order = kinds.map((_, k) => kinds[(k + r) % kinds.length]);
    for (const kind of order) {
      results[n][kind].push(sample(kind, n));
    }
  }
}

console.log(`synthesis, median of ${rounds} fresh processes per cell (Node.js ${process.version})`);
console.log('   N | MfaUserPool ms | raw L2 ms | time ratio | construct-phase ratio | MfaUserPool MB | raw L2 MB | memory ratio | resources (mfa/raw)');
let worst = 0;
const perPool = {};
for (const n of sizes) {
  const m = results[n].mfa; const r = results[n].raw;
  const mt = median(m.map(x => x.ms)); const rt = median(r.map(x => x.ms));
  const mm = median(m.map(x => x.maxRssMb)); const rm = median(r.map(x => x.maxRssMb));
  const ratio = mt / rt;
  const constructRatio = median(m.map(x => x.constructMs)) / median(r.map(x => x.constructMs));
  worst = Math.max(worst, ratio);
  perPool[n] = mt / n;
  console.log(`${String(n).padStart(4)} | ${mt.toFixed(0).padStart(14)} | ${rt.toFixed(0).padStart(9)} | ${ratio.toFixed(2).padStart(10)} | `
    + `${constructRatio.toFixed(2).padStart(21)} | `
    + `${mm.toFixed(0).padStart(14)} | ${rm.toFixed(0).padStart(9)} | ${(mm / rm).toFixed(2).padStart(12)} | ${m[0].resources}/${r[0].resources}`);
}
// A feature's cost: the median of one kind against another's, end to end and construct phase.
function versus(label, kind, base, what) {
  if (!results[sizes[0]][kind] || !results[sizes[0]][base]) {
    return;
  }
  for (const n of sizes) {
    const a = results[n][kind]; const b = results[n][base];
    console.log(`${label}, N=${String(n).padStart(3)}: ${median(a.map(x => x.ms)).toFixed(0)} ms, `
      + `${(median(a.map(x => x.ms)) / median(b.map(x => x.ms))).toFixed(2)}x ${what} `
      + `(construct phase ${(median(a.map(x => x.constructMs)) / median(b.map(x => x.constructMs))).toFixed(2)}x, resources ${a[0].resources}/${b[0].resources})`);
  }
}
versus('passkeys as MFA', 'passkeys', 'mfa', 'MfaUserPool without them');
versus('SMS through End User Messaging', 'eums', 'mfa', 'the same pools with SMS through SNS');
versus('log delivery (default)', 'mfa', 'nologs', 'the same pools with it off');
versus('with operations (alarms, dashboard)', 'ops', 'mfa', 'the same pools without them');
versus('adaptive authentication', 'adaptive', 'threat', 'the same pools with threat protection alone');
versus('two clients through addAppClient', 'clients', 'l2clients', 'the same two clients made with the L2');
versus('SMS with a brought role (trust and permission checked)', 'brought', 'mfa', 'the same pools with a created role');
versus('abuse protection (web ACL, association, log)', 'abuse', 'mfa', 'the same pools without it');
versus('every optional web ACL rule (countries, Bot Control, circuit breaker, per network, CAPTCHA)', 'abuseall', 'abuse', 'the default web ACL');
versus('SMS country rules (protect configuration, configuration set)', 'countries', 'eumswaf', 'the same direct-path pools behind a web ACL without them');
versus('managed login (domain, style, URL outputs)', 'managed', 'oauthclient', 'the same pools and OAuth client without it');
versus('amplify_outputs.json (a stack output)', 'outputs', 'oauthclient', 'the same pools and OAuth client without it');
versus('the app-wide MFA policy (validation plugin)', 'policy', 'mfa', 'the same pools without it');
versus('the app-wide MFA policy (Aspect fallback)', 'policyaspect', 'mfa', 'the same pools without it');
versus('a customer managed key and the updated issuer', 'encrypted', 'mfa', 'the same pools with a key AWS owns');
versus('replication to a second Region (key replica, replica, secondary)', 'replicated', 'encrypted', 'the same pools with a single-Region key');
versus('self-service recovery codes (MfaRecovery: API, web ACL, functions, table)', 'recovery', 'mfa', 'the same pools without it');
const marginal = kind => (median(results[100][kind].map(x => x.ms)) - median(results[1][kind].map(x => x.ms))) / 99;
console.log(`marginal cost per pool (N=1 to N=100): MfaUserPool ${marginal('mfa').toFixed(1)} ms, raw L2 ${marginal('raw').toFixed(1)} ms, `
  + `ratio ${(marginal('mfa') / marginal('raw')).toFixed(2)}${results[1].ops ? `; with operations ${marginal('ops').toFixed(1)} ms` : ''}`);
if (results[1].ops) {
  const perPoolOps = n => median(results[n].ops.map(x => x.ms)) - median(results[1].ops.map(x => x.ms));
  console.log(`growth with operations: pools 2-10 cost ${(perPoolOps(10) / 9).toFixed(1)} ms each, pools 11-100 ${((perPoolOps(100) - perPoolOps(10)) / 90).toFixed(1)} ms each `
    + '(linear: the two are close)');
}
console.log(`growth, MfaUserPool: 10 pools take ${(perPool[10] * 10 / perPool[1]).toFixed(1)}x one pool, `
  + `100 pools ${(perPool[100] * 100 / (perPool[10] * 10)).toFixed(1)}x ten (linear: 10x; the first pool also pays the app's fixed cost)`);
console.log(`worst time ratio ${worst.toFixed(2)} (target at most ${TARGET.toFixed(2)}): ${worst <= TARGET ? 'met' : 'NOT met'}`);

const t0 = Date.now();
execFileSync('npx', ['jest', '--ci', '--coverage=false', '--silent'], { stdio: 'ignore' });
console.log(`test suite (npx jest --ci): ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const pack = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { encoding: 'utf-8' }))[0];
console.log(`npm tarball ${pack.filename}: ${(pack.size / 1024).toFixed(1)} kB packed, ${(pack.unpackedSize / 1024).toFixed(1)} kB unpacked, ${pack.entryCount} files`);
