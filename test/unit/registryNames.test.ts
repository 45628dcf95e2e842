import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nameProblem } from '../../src/commands/signIn/names';

describe('registry names', () => {
  const taken = new Set(['CI', 'Build Farm']);

  it('refuses an empty name and one already in use, trimmed', () => {
    assert.equal(nameProblem('   ', taken), 'The name cannot be empty.');
    assert.equal(nameProblem(' CI ', taken), 'A registry named "CI" is already configured.');
    const expected = 'A registry named "Build Farm" is already configured.';
    assert.equal(nameProblem('Build Farm', taken), expected);
  });

  it('accepts a new name, also one that differs only in case', () => {
    assert.equal(nameProblem('Lab', taken), undefined);
    assert.equal(nameProblem('ci', taken), undefined);
  });
});
