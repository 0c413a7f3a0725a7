// The test runner of the multi-root run (test/workspaces/multi-root, two folders, one with its own settings).
import * as fs from 'fs';
import * as path from 'path';
import { runFiles } from '../index';

export async function run(): Promise<void> {
  const files = fs.readdirSync(__dirname).filter((file) => file.endsWith('.test.js')).sort();
  await runFiles(files.map((file) => path.join(__dirname, file)));
}
