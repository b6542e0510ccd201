import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StandardFile } from '../types';

const FIXTURES = path.resolve(__dirname, '../__fixtures__');

/** Fixture files as an import receives them, with paths relative to `dir`. */
export function fixtureFiles(dir: string, ...files: string[]): StandardFile[] {
  return files.map(file => ({
    path: file,
    content: fs.readFileSync(path.join(FIXTURES, dir, file), 'utf8'),
  }));
}

/** The customer product in ODPS 1.0 with its two ODCS contracts (3.1 and 3.0.2). */
export const odpsProduct = () =>
  fixtureFiles(
    'odps',
    'customer-360.odps.yaml',
    'customer-profile.odcs.yaml',
    'customer-events.odcs.yaml',
  );

/** The orders product in DPDS 1.0, a port file and an ODCS contract it references. */
export const dpdsProduct = () =>
  fixtureFiles(
    'dpds',
    'orders.dpds.json',
    'ports/orders-table.yaml',
    'orders.odcs.yaml',
  );

/** A Data Contract Specification 1.2.1 contract alone. */
export const dcsContract = () =>
  fixtureFiles('dcs', 'payments.datacontract.yaml');

/** One file from YAML text. */
export const file = (filePath: string, content: string): StandardFile => ({
  path: filePath,
  content,
});

/** A new empty directory for each test of the calling `describe` block, removed after the test. */
export function tempDirEachTest(): () => string {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-standards-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}
