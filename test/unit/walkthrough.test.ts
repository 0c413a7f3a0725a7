import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO } from './fixtures';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { image: string; altText: string };
  completionEvents: string[];
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(REPO, 'package.nls.json'), 'utf8'));
const key = (text: string): string => /^%(.+)%$/.exec(text)?.[1] ?? '';

describe('walkthrough (package.json)', () => {
  const [walkthrough] = manifest.contributes.walkthroughs as Array<{ title: string; description: string; steps: Step[] }>;

  it('has the six steps of the first minutes, in order', () => {
    assert.deepStrictEqual(walkthrough.steps.map((s) => s.id), ['openSample', 'hover', 'quickFix', 'normalize', 'preview', 'checkFolder']);
  });

  it('takes every text a person reads from package.nls.json', () => {
    const texts = [walkthrough.title, walkthrough.description, ...walkthrough.steps.flatMap((s) => [s.title, s.description, s.media.altText])];
    for (const text of texts) assert.ok(key(text) in nls, `${text} is a key of package.nls.json`);
  });

  it('ships each picture and the sample in media/walkthrough, which the VSIX lets in', () => {
    const ignore = fs.readFileSync(path.join(REPO, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^!media\/(\*\*|walkthrough\/\*)$/m);
    for (const step of walkthrough.steps) {
      assert.ok(step.media.image.startsWith('media/walkthrough/'), step.media.image);
      assert.ok(fs.existsSync(path.join(REPO, step.media.image)), `${step.media.image} exists`);
      assert.strictEqual(step.completionEvents.length, 1, `${step.id} is marked done by one event`);
    }
    assert.ok(fs.readFileSync(path.join(REPO, 'media', 'walkthrough', 'sample.seg'), 'utf8').startsWith('6 Đặt_hàng 6'));
  });

  it('gives each step a button that runs the command its completion event waits for', () => {
    for (const step of walkthrough.steps) {
      const command = step.completionEvents[0].replace(/^onCommand:/, '');
      assert.ok(nls[key(step.description)].includes(`](command:${command})`), `${step.id}: a button for ${command}`);
    }
  });
});
