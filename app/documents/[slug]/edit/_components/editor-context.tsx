'use client';
/**
 * What every edit control needs: the document, the revision the page shows
 * (each edit is made against it), and a live region announcing results.
 */
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import styles from './edit.module.css';

interface EditorContextValue {
  slug: string;
  baseRev: number;
  announce: (message: string) => void;
}

const EditorContext = createContext<EditorContextValue | null>(null);

export function EditorProvider({ slug, baseRev, children }: { slug: string; baseRev: number; children: ReactNode }) {
  const [message, setMessage] = useState('');
  const announce = useCallback((text: string) => setMessage(text), []);
  return (
    <EditorContext.Provider value={{ slug, baseRev, announce }}>
      <p className={styles.status} role="status" aria-live="polite" data-testid="edit-status">
        {message}
      </p>
      {children}
    </EditorContext.Provider>
  );
}

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor outside <EditorProvider>');
  return value;
}
