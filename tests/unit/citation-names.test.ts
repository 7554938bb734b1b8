import { describe, expect, it } from 'vitest';
import { invertedName, personName } from '@/lib/citation/names';

describe('invertedName', () => {
  it('puts the family name, with its particle, first', () => {
    expect(invertedName(personName('Mikhail Gorbachev'))).toBe('Gorbachev, Mikhail');
    expect(invertedName(personName('Charles de Gaulle'))).toBe('de Gaulle, Charles');
  });

  it('keeps a literal name, and a family name without a given one, as they are', () => {
    expect(invertedName(personName('Chernyaev'))).toBe('Chernyaev');
    expect(invertedName({ family: 'Mitterrand' })).toBe('Mitterrand');
  });
});
