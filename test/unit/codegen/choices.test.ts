// The pure choices behind "Generate Signing Code": the workspace's language and the example a behavior serves.
import assert from 'node:assert/strict';
import { exampleForBehavior, languageOfWorkspace } from '../../../src/codegen/signing';

describe('signing code choices', () => {
  it('takes the language from the files of the workspace', () => {
    assert.equal(languageOfWorkspace(['package.json', 'tsconfig.json']), 'typescript');
    assert.equal(languageOfWorkspace(['package.json']), 'javascript');
    assert.equal(languageOfWorkspace(['api/requirements.txt', 'README.md']), 'python');
    assert.equal(languageOfWorkspace(['go.mod', 'package.json']), 'go');
    assert.equal(languageOfWorkspace(['src/Shop.csproj']), 'csharp');
    assert.equal(languageOfWorkspace(['build.gradle.kts']), 'java');
    assert.equal(languageOfWorkspace(['README.md']), undefined);
  });

  it('makes an example request that the behavior serves', () => {
    assert.equal(exampleForBehavior('d1.cloudfront.net', '/paid/*', 'url'), 'https://d1.cloudfront.net/paid/example.txt');
    assert.equal(exampleForBehavior('d1.cloudfront.net', 'videos/*.mp4', 'url'), 'https://d1.cloudfront.net/videos/example.mp4');
    assert.equal(exampleForBehavior('d1.cloudfront.net', undefined, 'url'), 'https://d1.cloudfront.net/example.txt');
    assert.equal(exampleForBehavior('media.example.com', '/paid/*', 'cookies'), 'https://media.example.com/paid/*');
  });
});
