import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { formatCount, formatRelativeTime, setDisplayLanguage } from '../../src/format';

const NOW = Date.UTC(2026, 11, 4, 12);
const THREE_DAYS_AGO = NOW / 1000 - 3 * 86_400;

describe('numbers and relative times in the display language', () => {
  afterEach(() => setDisplayLanguage('en'));

  it('are English until activation names another language', () => {
    assert.equal(formatCount(10_000), '10,000');
    assert.equal(formatRelativeTime(THREE_DAYS_AGO, NOW), '3 days ago');
  });

  it('follow the language VS Code shows', () => {
    setDisplayLanguage('de');
    assert.equal(formatCount(10_000), '10.000');
    assert.equal(formatRelativeTime(THREE_DAYS_AGO, NOW), 'vor 3 Tagen');
  });

  it('stay English for a language the runtime has no data for, such as the pseudo locale', () => {
    setDisplayLanguage('qps-ploc');
    assert.equal(formatCount(10_000), '10,000');
    assert.equal(formatRelativeTime(THREE_DAYS_AGO, NOW), '3 days ago');
  });
});
