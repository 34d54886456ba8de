import { basename, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { expect, it } from 'vitest';
import { EMPTY_DIR } from './e2e/bot-process.js';
import { workDir } from './helpers/run-built.js';

it("tests make their temporary folders inside the run's own folder, which the run removes at its end", () => {
  expect(basename(tmpdir())).toMatch(/^hip-back-tests-/);
  expect(dirname(workDir())).toBe(tmpdir());
  expect(dirname(EMPTY_DIR)).toBe(tmpdir());
});
