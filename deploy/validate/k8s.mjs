// Checks deploy/k8s offline against the Kubernetes API schemas, as bundled by the npm package
// kubernetes-models (generated from the Kubernetes OpenAPI document): each document's types,
// required fields, enums and formats with the package's validators, and unknown fields (a typo
// such as "livenesProbe") by type-checking the document as a TypeScript object literal of the
// package's type, whose excess-property check rejects every field the schema does not have.
// Also: kustomization.yaml lists exactly the manifests there. Usage: node k8s.mjs K8S_DIR WORK_DIR
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const [dir, work] = process.argv.slice(2).map((p) => resolve(p));
const require = createRequire(join(work, "package.json"));
const { parseAllDocuments } = await import(require.resolve("yaml"));
const problems = [];
const files = readdirSync(dir).filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml").sort();

const kustomization = parseAllDocuments(readFileSync(join(dir, "kustomization.yaml"), "utf8"))[0].toJS();
const listed = kustomization.resources ?? [];
for (const f of listed) if (!existsSync(join(dir, f))) problems.push(`kustomization.yaml lists ${f}, which does not exist`);
for (const f of files) if (!listed.includes(f)) problems.push(`kustomization.yaml does not list ${f}`);

// kubernetes-models/<group>/<version>/<Kind>: the core group is "v1", others "apps/v1", ...
const modulePath = (apiVersion, kind) => `kubernetes-models/${apiVersion}/${kind}`;
let ts = "";
let count = 0;
for (const f of files) {
  const docs = parseAllDocuments(readFileSync(join(dir, f), "utf8"));
  for (const [i, doc] of docs.entries()) {
    if (doc.errors.length) { problems.push(`${f}: ${doc.errors.map((e) => e.message).join("; ")}`); continue; }
    const obj = doc.toJS();
    if (obj == null) continue;
    const where = `${f} (document ${i + 1}, ${obj.kind} ${obj.metadata?.name})`;
    let mod;
    const file = join(work, "node_modules", `${modulePath(obj.apiVersion, obj.kind)}.js`);
    try { mod = await import(pathToFileURL(file).href); }
    catch { problems.push(`${where}: unknown apiVersion/kind ${obj.apiVersion} ${obj.kind}`); continue; }
    try { new mod[obj.kind](obj).validate(); }
    catch (e) { problems.push(`${where}: ${e.message}`); }
    const name = `doc${count++}`;
    ts += `// ${where}\nimport type { I${obj.kind} as T${name} } from "${modulePath(obj.apiVersion, obj.kind)}";\n`
        + `export const ${name}: T${name} = ${JSON.stringify(obj, null, 2)};\n\n`;
  }
}
mkdirSync(join(work, "check"), { recursive: true });
const tsFile = join(work, "check", "manifests.ts");
writeFileSync(tsFile, ts);
try {
  execFileSync(join(work, "node_modules", ".bin", "tsc"), ["--noEmit", "--strict", "--skipLibCheck",
    "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", tsFile], { cwd: work, stdio: "pipe" });
} catch (e) {
  // Each error names a line of manifests.ts: say which manifest that line belongs to.
  const lines = ts.split("\n");
  const located = e.stdout.toString().trim().split("\n").map((error) => {
    const line = Number(/\((\d+),\d+\)/.exec(error)?.[1] ?? 0);
    const header = lines.slice(0, line).reverse().find((l) => l.startsWith("// "));
    return `${header ? header.slice(3) : "?"}: ${error.replace(/^.*?error /, "")}`;
  });
  problems.push(`fields the Kubernetes schemas do not have, or of the wrong type (${tsFile}):\n    `
    + located.join("\n    "));
}
if (problems.length) {
  for (const p of problems) console.error(`  k8s: ${p}`);
  process.exit(1);
}
console.log(`  k8s: ${count} documents in ${files.length} files valid; kustomization.yaml lists them all`);
