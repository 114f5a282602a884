// Lints virtual files with the project's real ESLint config and prints the messages as JSON.
// Input on stdin: [{ "code": "...", "filePath": "lib/engine/x.ts" }, ...]; output: one message array per probe.
// It runs in its own Node process because ESLint loads eslint.config.mjs with a native import(),
// which Jest's module sandbox cannot do.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const probes = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const eslint = new ESLint({ cwd: root });
const out = [];
for (const { code, filePath } of probes) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  out.push(
    (result?.messages ?? []).map(({ ruleId, severity, message, line }) => ({
      ruleId,
      severity,
      message,
      line,
    })),
  );
}
process.stdout.write(JSON.stringify(out));
