import { describe, expect, it } from 'vitest';
import { queryNamesPerson } from '@/lib/render/name-match';

describe('queryNamesPerson', () => {
  it('ignores case, accents and ё/е, and accepts a first name and surname for a surname', () => {
    for (const q of ['Gorbachev', 'gorbachev', 'GORB', 'Mikhail Gorbachev']) expect(queryNamesPerson(q, 'Gorbachev')).toBe(true);
    for (const q of ['Горбачев', 'горбачёв']) expect(queryNamesPerson(q, 'Горбачев')).toBe(true);
    expect(queryNamesPerson('Mitterrand', 'François Mitterrand')).toBe(true);
    expect(queryNamesPerson('francois', 'François Mitterrand')).toBe(true);
  });

  it('does not match other words or too short fragments', () => {
    expect(queryNamesPerson('bombing', 'Gorbachev')).toBe(false);
    expect(queryNamesPerson('go', 'Gorbachev')).toBe(false);
    expect(queryNamesPerson('Gorbachev Kuwait', 'Gorbachev')).toBe(true);
    expect(queryNamesPerson('', 'Gorbachev')).toBe(false);
  });
});
