import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatBytes, formatDateTime, formatRelativeTime, pluralize } from '../../src/format';

describe('formatBytes', () => {
  it('uses binary units with one decimal', () => {
    assert.equal(formatBytes(19_490_295_808), '18.2 GiB');
    assert.equal(formatBytes(28_221_379_076), '26.3 GiB');
    assert.equal(formatBytes(1536), '1.5 KiB');
  });

  it('keeps small sizes in bytes and handles zero', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(1023), '1023 B');
  });

  it('stays exact above 2^32 and into TiB', () => {
    assert.equal(formatBytes(2 ** 32), '4.0 GiB');
    assert.equal(formatBytes(1_000_240_963_584), '931.5 GiB');
    assert.equal(formatBytes(3 * 1024 ** 4), '3.0 TiB');
  });

  it('carries a rounded 1024.0 into the next unit', () => {
    assert.equal(formatBytes(1024 * 1024 - 1), '1.0 MiB');
  });

  it('says unknown for missing or nonsensical sizes', () => {
    assert.equal(formatBytes(undefined), 'unknown size');
    assert.equal(formatBytes(Number.NaN), 'unknown size');
    assert.equal(formatBytes(-5), 'unknown size');
  });
});

describe('formatRelativeTime', () => {
  const now = Date.UTC(2026, 11, 4, 12, 0, 0);
  const seconds = now / 1000;

  it('names days, months and years in the past', () => {
    assert.equal(formatRelativeTime(seconds - 3 * 86400, now), '3 days ago');
    assert.equal(formatRelativeTime(seconds - 65 * 86400, now), '2 months ago');
    assert.equal(formatRelativeTime(seconds - 400 * 86400, now), 'last year');
    assert.equal(formatRelativeTime(seconds - 640 * 86400, now), 'last year');
    assert.equal(formatRelativeTime(seconds - 800 * 86400, now), '2 years ago');
  });

  it('says now for the last minute and handles the future', () => {
    assert.equal(formatRelativeTime(seconds - 5, now), 'now');
    assert.equal(formatRelativeTime(seconds + 2 * 3600, now), 'in 2 hours');
  });
});

describe('formatDateTime and pluralize', () => {
  it('formats a local date and time', () => {
    assert.match(formatDateTime(1741354557), /^2025-03-0\d \d\d:\d\d$/);
  });

  it('pluralizes counts', () => {
    assert.equal(pluralize(1, 'tag'), '1 tag');
    assert.equal(pluralize(0, 'tag'), '0 tags');
    assert.equal(pluralize(12, 'tag'), '12 tags');
  });
});
