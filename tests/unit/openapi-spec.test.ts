import { describe, expect, it } from 'vitest';
import { specProblems } from '../support/openapi';

describe('docs/openapi.yaml', () => {
  it('has a value for every key and a schema that compiles (JSON Schema 2020-12, strict) wherever it names one', () => {
    expect(specProblems()).toEqual([]);
  });
});
