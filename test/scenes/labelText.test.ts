import { describe, expect, it } from 'vitest';
import { statusDetail, WIDEST_DETAILS } from '../../scenes/layout/labelText';

describe('map label status line', () => {
  it('says nothing for a healthy service under 80 % load, and the status with the load otherwise', () => {
    expect(statusDetail('healthy', 0.5, false)).toBe('');
    expect(statusDetail('healthy', 0.85, false)).toBe('healthy 85\u00a0%');
    expect(statusDetail('down', 0, false)).toBe('down 0\u00a0%');
  });

  it('says a service taken offline by an order is offline, whatever its status', () => {
    expect(statusDetail('down', 0, true)).toBe('offline (ordered)');
  });

  it('reserves room for the longest line a label can show', () => {
    const longest = Math.max(...WIDEST_DETAILS.map((d) => d.length));
    for (const status of ['healthy', 'degraded', 'down', 'recovering'] as const)
      expect(statusDetail(status, 29.51, false).length).toBeLessThanOrEqual(longest);
  });
});
