/** Every link to a document's pages is built by lib/citation/urls.ts (issue 13: no hand-built /documents/… strings in app/). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentPagePath, documentPath, revisionPath } from '@/lib/citation/urls';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe('document URLs', () => {
  it('spell the pages under a document', () => {
    expect(documentPath('gorbachev-mitterrand-1991-01-18')).toBe('/documents/gorbachev-mitterrand-1991-01-18');
    expect(documentPagePath('memo', 'edit')).toBe('/documents/memo/edit');
    expect(documentPagePath('memo', 'edit', 'page=2')).toBe('/documents/memo/edit?page=2');
    expect(documentPagePath('memo', 'history', 'before=7')).toBe('/documents/memo/history?before=7');
    expect(revisionPath('memo', 3)).toBe('/documents/memo/history/3');
  });

  it('are not built by hand in app/', () => {
    const handBuilt = sourceFiles(path.join(process.cwd(), 'app')).filter((file) =>
      readFileSync(file, 'utf8').includes('`/documents/${'),
    );
    expect(handBuilt).toEqual([]);
  });
});
