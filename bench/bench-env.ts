/**
 * Imported first by the bench: the edit-latency cases save hundreds of
 * revisions a minute as one editor, far over the per-editor write limit
 * (DIPTYCH_WRITES_PER_MINUTE, 120 by default), which would refuse them; set
 * before lib/env.ts reads it. The app the bench starts inherits it.
 */
process.env.DIPTYCH_WRITES_PER_MINUTE ??= '1000000';
