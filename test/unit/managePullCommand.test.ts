import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pullCommandLine, shellQuote } from '../../src/commands/copyPullCommand';

describe('pull command', () => {
  it('builds the line for a tag and for the newest tag', () => {
    assert.equal(
      pullCommandLine('http://anka.registry:8089', 'sequoia', 'java17'),
      'anka registry -r http://anka.registry:8089 pull -t java17 sequoia',
    );
    assert.equal(
      pullCommandLine('http://anka.registry:8089', 'sequoia'),
      'anka registry -r http://anka.registry:8089 pull sequoia',
    );
  });

  it('keeps + in tags and quotes spaces and quotes for the shell', () => {
    assert.equal(
      pullCommandLine('https://r:8089', 'xcode 16 beta', "it's+new 2"),
      "anka registry -r https://r:8089 pull -t 'it'\\''s+new 2' 'xcode 16 beta'",
    );
    const tag = 'vanilla+port-forward-22+brew-git';
    assert.equal(shellQuote(tag), tag);
  });

  it('quotes what a shell would expand', () => {
    for (const word of ['$HOME', 'a;b', '*', '`x`', 'a&b', '~x', '']) {
      assert.equal(shellQuote(word).startsWith("'"), true, word);
    }
  });
});
