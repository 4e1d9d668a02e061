// Reads a `node --test` TAP log and prints, for each test file with failed top-level tests, one
// line: the file, the number of those tests and a --test-name-pattern matching exactly them (tab-separated). scripts/test.sh runs
// each once more and reports every test that passed only then as flaky, by name.
import { readFileSync } from 'node:fs';

const log = readFileSync(process.argv[2], 'utf8').split('\n');
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const byFile = new Map();
for (let i = 0; i < log.length; i++) {
  const failed = /^not ok \d+ - (.+)$/.exec(log[i]);
  if (!failed) continue;
  // its YAML block names the file: `location: '/…/tests/e2e/x.test.mjs:44:1'`
  for (let j = i + 1; j < log.length && !/^(not )?ok \d+ /.test(log[j]); j++) {
    const at = /^\s+location: '(.+\.mjs):\d+:\d+'/.exec(log[j]);
    if (at) {
      if (!byFile.has(at[1])) byFile.set(at[1], []);
      byFile.get(at[1]).push(failed[1].replace(/ # .*$/, ''));
      break;
    }
  }
}
for (const [file, names] of byFile) {
  console.log(`${file}\t${names.length}\t^(${names.map(escape).join('|')})$`);
}
