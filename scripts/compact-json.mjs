// `node scripts/compact-json.mjs` (the end of `npm run analyze`): rewrites the editor and tooling metadata the
// package ships (custom-elements.json, VS Code's custom data, JetBrains' web-types) without indentation. The
// generators indent them; editors and tools parse them and never show the file, and the whitespace was a
// third of their 185 KB in the package (issue 14). Same JSON, same keys and order.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const METADATA_FILES = ['custom-elements.json', 'web-types.json', 'vscode.html-custom-data.json', 'vscode.css-custom-data.json'];

for (const file of METADATA_FILES) {
  const path = join(root, file);
  writeFileSync(path, JSON.stringify(JSON.parse(readFileSync(path, 'utf8'))) + '\n');
}
