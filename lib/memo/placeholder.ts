/**
 * Placeholder source segments: one per turn, standing in for an original we
 * do not have yet. They carry the speaker in the source language where the
 * name is known (lib/memo/speaker-names.ts), else as labelled, and no text:
 * placeholders are never passed off as text.
 */
import { speakerIn } from '@/lib/memo/speaker-names';

export function placeholderSpeaker(speaker: string, lang: string): string {
  return speakerIn(speaker, lang) ?? speaker;
}
