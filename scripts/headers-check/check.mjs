// Checks the security headers served by HeadersCheckServer (see scripts/check-headers.sh).
//   node check.mjs <host> <https-port> <observatory:yes|no>
// 1. Google's CSP evaluator (csp_evaluator) on the CSP of "/" (recommended preset) and of
//    "/nonce/" (recommended preset with nonce): fails on any HIGH or SYNTAX finding.
// 2. The MDN HTTP Observatory scan of https://<host>/: fails unless the grade is A+.
// Exit status 0 only when every check that ran passed; each result is printed.
import https from "node:https";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { CspEvaluator } = require("csp_evaluator/dist/evaluator.js");
const { CspParser } = require("csp_evaluator/dist/parser.js");
const { Severity } = require("csp_evaluator/dist/finding.js");

const [host, port, observatory] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
let failed = false;

function head(urlPath) {
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: "127.0.0.1", servername: host, port: Number(port), path: urlPath, method: "GET",
        headers: { Host: `${host}:${port}` } },
      (res) => { res.resume(); res.on("end", () => resolve(res.headers)); });
    req.on("error", reject);
    req.end();
  });
}

for (const [label, urlPath] of [["recommended", "/"], ["recommended with nonce", "/nonce/"]]) {
  const headers = await head(urlPath);
  const csp = headers["content-security-policy"];
  if (!csp) {
    console.log(`csp-evaluator: ${label}: FAIL no Content-Security-Policy header`);
    failed = true;
    continue;
  }
  const findings = new CspEvaluator(new CspParser(csp).csp).evaluate();
  const blocking = findings.filter((f) => f.severity === Severity.HIGH
      || f.severity === Severity.SYNTAX);
  console.log(`csp-evaluator: ${label}: ${csp}`);
  for (const f of findings) {
    console.log(`  ${Severity[f.severity]} ${f.directive}${f.value ? " " + f.value : ""}: ${f.description}`);
  }
  console.log(`csp-evaluator: ${label}: ${blocking.length === 0 ? "PASS" : "FAIL"}`
      + ` (${findings.length} findings, ${blocking.length} HIGH or SYNTAX)`);
  failed ||= blocking.length > 0;
}

if (observatory === "yes") {
  const scan = spawnSync(process.execPath,
      [path.join(here, "node_modules/@mdn/mdn-http-observatory/src/scan.js"), host],
      { encoding: "utf8", env: process.env, timeout: 120000 });
  let result;
  try {
    result = JSON.parse(scan.stdout);
  } catch (e) {
    console.log(`observatory: FAIL could not run the scanner: ${scan.stderr || scan.stdout}`);
    process.exit(1);
  }
  if (result.error) {
    console.log(`observatory: FAIL ${result.error}`);
    process.exit(1);
  }
  for (const [name, test] of Object.entries(result.tests)) {
    console.log(`  ${test.pass ? "pass" : "FAIL"} ${name}: ${test.result}`
        + ` (${test.scoreModifier >= 0 ? "+" : ""}${test.scoreModifier})`);
  }
  const grade = result.scan.grade;
  console.log(`observatory: grade ${grade}, score ${result.scan.score},`
      + ` ${result.scan.testsPassed}/${result.scan.testsQuantity} tests passed: `
      + (grade === "A+" ? "PASS" : "FAIL"));
  failed ||= grade !== "A+";
} else {
  console.log("observatory: NOT RUN (see the reason above)");
}
process.exit(failed ? 1 : 0);
