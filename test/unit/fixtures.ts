// Fixture paths and readers shared by the unit tests: real corpus lines, starting with the sample.
import * as fs from 'fs';
import * as path from 'path';

export const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');
export const REPO = path.resolve(__dirname, '../../..');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** The sample corpus (test/fixtures/sample.seg): its path, for the CLI, and its text. */
export const SAMPLE_PATH = path.join(FIXTURES, 'sample.seg');
export const SAMPLE = fixture('sample.seg');
