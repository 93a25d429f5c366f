import { describe, expect, test } from 'vitest';
import { parseRequest } from './messages';

describe('parseRequest', () => {
  test('accepts well-formed requests', () => {
    expect(parseRequest({ type: 'tifa:page-report' })).toEqual({ type: 'tifa:page-report' });
    expect(parseRequest({ type: 'tifa:segment-check', text: '党组织', candidates: [{ start: 0, end: 2 }] })).toBeTruthy();
    expect(parseRequest({ type: 'tifa:reveal', id: 'dang-zu' })).toBeTruthy();
  });
  test('rejects anything else', () => {
    expect(parseRequest(null)).toBeUndefined();
    expect(parseRequest('tifa:page-report')).toBeUndefined();
    expect(parseRequest({ type: 'other' })).toBeUndefined();
    expect(parseRequest({ type: 'toString' })).toBeUndefined();
    expect(parseRequest({ type: 'tifa:reveal' })).toBeUndefined();
    expect(parseRequest({ type: 'tifa:segment-check', text: 'x', candidates: [{ start: 'a', end: 1 }] })).toBeUndefined();
    expect(parseRequest({ type: 'tifa:report-changed', count: 1.5, enabled: true })).toBeUndefined();
  });
});
