// @citation-js/* 0.7 ship no type declarations (0.9, which does, requires Node >= 22.12). These declare
// the part of @citation-js/core the project uses; the CSL-JSON shapes follow the CSL 1.0.2 schema.
declare module '@citation-js/core' {
  export interface CSLName {
    family?: string;
    given?: string;
    'dropping-particle'?: string;
    'non-dropping-particle'?: string;
    suffix?: string;
    literal?: string;
  }

  export interface CSLDate {
    'date-parts'?: [number, number?, number?][];
    literal?: string;
    raw?: string;
  }

  /** One CSL-JSON item. */
  export interface CSL {
    id: string | number;
    type: string;
    'citation-key'?: string;
    title?: string;
    language?: string;
    version?: string;
    URL?: string;
    note?: string;
    author?: CSLName[];
    translator?: CSLName[];
    editor?: CSLName[];
    issued?: CSLDate;
    accessed?: CSLDate;
    publisher?: string;
    'publisher-place'?: string;
    archive?: string;
    archive_location?: string;
    [field: string]: unknown;
  }

  export class Cite {
    constructor(data: unknown, options?: object);
    data: CSL[];
    /** The output of a registered format: text for the CSL and BibLaTeX formats, objects for `format: 'object'`. */
    format(format: string, ...options: object[]): unknown;
  }

  export namespace plugins {
    namespace config {
      function get(name: string): Record<string, unknown>;
    }
  }
}

declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
