// Prints the one-line summary of a test run from the reports that
// scripts/test.sh collected, and exits non-zero when anything failed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const read = file =>
  existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : '';

const steps = read('steps.txt')
  .split('\n')
  .filter(Boolean)
  .map(line => line.split(' '));

const jest = read('jest.json') ? JSON.parse(read('jest.json')) : undefined;
const e2e = read('e2e.json') ? JSON.parse(read('e2e.json')) : undefined;

const unit = jest
  ? { passed: jest.numPassedTests, failed: jest.numFailedTests }
  : { passed: 0, failed: 0 };
const browser = e2e
  ? {
      passed: e2e.stats.expected + e2e.stats.flaky,
      failed: e2e.stats.unexpected,
    }
  : { passed: 0, failed: 0 };

const failedSteps = steps.filter(([, result]) => result !== 'ok');
const passed = unit.passed + browser.passed;
const failed = unit.failed + browser.failed;
const stepText = steps.map(
  ([name, result, time]) => `${name} ${result} ${time}`,
);

console.log(
  `SUMMARY: ${
    failedSteps.length === 0 ? 'PASS' : 'FAIL'
  } · tests passed ${passed}, failed ${failed} ` +
    `(unit/integration ${unit.passed}/${unit.failed}, browser ${
      browser.passed
    }/${browser.failed}) · ${stepText.join(', ')}`,
);
process.exit(failedSteps.length === 0 ? 0 : 1);
