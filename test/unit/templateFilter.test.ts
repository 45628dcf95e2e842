import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  describeFilter, filterNeedsDetails, formatFilter, isEmptyFilter, matchesFilter, parseFilter,
  type TemplateFilter,
} from '../../src/tree/templateFilter';
import { NOW, summary, template, type TemplateSpec } from './listingFixtures';

function parsed(input: string): TemplateFilter {
  const result = parseFilter(input);
  assert.ok(result.ok, `"${input}" parses`);
  return result.filter;
}

function rejects(input: string, message: RegExp): void {
  const result = parseFilter(input);
  assert.equal(result.ok, false, `"${input}" is rejected`);
  assert.match(result.ok ? '' : result.message, message);
}

describe('parseFilter', () => {
  it('reads an empty line as no filter', () => {
    assert.deepEqual(parsed(''), {});
    assert.deepEqual(parsed('   '), {});
    assert.equal(isEmptyFilter(parsed('  ')), true);
  });

  it('keeps words as the name text, joined by single spaces', () => {
    assert.deepEqual(parsed('  xcode   16 '), { text: 'xcode 16' });
  });

  it('reads arch and unpulled in any case, with or without @ and a day suffix', () => {
    assert.deepEqual(parsed('sonoma arch:ARM64 unpulled:90d'), {
      text: 'sonoma',
      arch: 'arm64',
      unpulledDays: 90,
    });
    assert.deepEqual(parsed('@arch:amd64 @unpulled:30'), { arch: 'amd64', unpulledDays: 30 });
    assert.deepEqual(parsed('not-pulled:7'), { unpulledDays: 7 });
  });

  it('rejects an unknown arch and a day count that is not a whole number of days', () => {
    rejects('arch:x86_64', /arch must be arm64 or amd64, not "x86_64"/);
    rejects('arch:', /arch must be arm64 or amd64/);
    rejects('unpulled:soon', /unpulled takes a number of days/);
    rejects('unpulled:0', /unpulled takes a number of days/);
    rejects('unpulled:-5', /unpulled takes a number of days/);
    rejects('unpulled:1.5', /unpulled takes a number of days/);
  });

  it('treats other key:value words as part of the name', () => {
    assert.deepEqual(parsed('team:ios'), { text: 'team:ios' });
  });

  it('writes the canonical line that reads back to the same filter', () => {
    const filter = parsed('Xcode @ARCH:arm64 not-pulled:90');
    assert.equal(formatFilter(filter), 'Xcode arch:arm64 unpulled:90d');
    assert.deepEqual(parsed(formatFilter(filter)), filter);
    assert.equal(formatFilter({}), '');
  });

  it('describes a filter in words for the registry row', () => {
    assert.equal(
      describeFilter({ text: 'xcode', arch: 'arm64', unpulledDays: 90 }),
      '"xcode", arm64, not pulled for 90 days',
    );
    assert.equal(describeFilter({ arch: 'amd64' }), 'amd64');
  });

  it('knows which parts need template details', () => {
    assert.equal(filterNeedsDetails({ text: 'a' }), false);
    assert.equal(filterNeedsDetails({ arch: 'arm64' }), true);
    assert.equal(filterNeedsDetails({ unpulledDays: 1 }), true);
    assert.equal(filterNeedsDetails(undefined), false);
  });
});

describe('matchesFilter', () => {
  const spec: TemplateSpec = {
    id: 'a',
    name: 'Sonoma-Xcode-16',
    arch: 'arm64',
    pulledDaysAgo: 100,
    pushedDaysAgo: 120,
  };

  it('matches a part of the name in any case, from the list alone', () => {
    assert.equal(matchesFilter({ text: 'xcode-1' }, summary(spec), undefined, NOW), true);
    assert.equal(matchesFilter({ text: 'XCODE' }, summary(spec), undefined, NOW), true);
    assert.equal(matchesFilter({ text: 'ventura' }, summary(spec), undefined, NOW), false);
  });

  it('cannot judge arch or staleness without details', () => {
    assert.equal(matchesFilter({ arch: 'arm64' }, summary(spec), undefined, NOW), undefined);
    assert.equal(matchesFilter({ unpulledDays: 30 }, summary(spec), undefined, NOW), undefined);
  });

  it('rules a name mismatch out even without details', () => {
    const filter: TemplateFilter = { text: 'ventura', arch: 'arm64' };
    assert.equal(matchesFilter(filter, summary(spec), undefined, NOW), false);
  });

  it('compares the arch from the details', () => {
    assert.equal(matchesFilter({ arch: 'arm64' }, summary(spec), template(spec), NOW), true);
    assert.equal(matchesFilter({ arch: 'amd64' }, summary(spec), template(spec), NOW), false);
    const noArch = template({ ...spec, arch: undefined });
    assert.equal(matchesFilter({ arch: 'arm64' }, summary(spec), noArch, NOW), false);
  });

  it('counts days from the last pull or the newer last push, boundary included', () => {
    const detail = template(spec);
    assert.equal(matchesFilter({ unpulledDays: 100 }, summary(spec), detail, NOW), true);
    assert.equal(matchesFilter({ unpulledDays: 101 }, summary(spec), detail, NOW), false);
    const pushedLately = template({ ...spec, pushedDaysAgo: 2 });
    assert.equal(matchesFilter({ unpulledDays: 30 }, summary(spec), pushedLately, NOW), false);
  });

  it('never calls a template without dates stale', () => {
    const undated = template({ ...spec, pulledDaysAgo: undefined, pushedDaysAgo: undefined });
    assert.equal(matchesFilter({ unpulledDays: 1 }, summary(spec), undated, NOW), false);
  });

  it('reads the dates from the versions when the template has none', () => {
    const detail = template({ ...spec, pulledDaysAgo: undefined, pushedDaysAgo: undefined });
    const old = NOW / 1000 - 200 * 86_400;
    detail.versions[0] = { ...detail.versions[0]!, lastPull: old, lastPush: old };
    assert.equal(matchesFilter({ unpulledDays: 150 }, summary(spec), detail, NOW), true);
  });
});
