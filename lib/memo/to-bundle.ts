/**
 * A parsed memo as a document bundle at revision 1: the file's text in the
 * column of its language (lib/memo/languages.ts), a placeholder column in the
 * other language whose speaker labels are in that language where the name is
 * known (lib/memo/speaker-names.ts), one 'auto' row per turn, the page
 * milestones on the text's witness. Returns the warnings the choices raised.
 */
import type { DocumentBundle, BundleWitness } from '@/lib/document/bundle';
import { chooseTextColumn, languageName } from '@/lib/memo/languages';
import type { MemoDocument, MemoWarning } from '@/lib/memo/model';
import { speakerIn } from '@/lib/memo/speaker-names';

export interface MemoBundleOptions {
  slug: string;
  sourceLang: string;
  translationLang: string;
  sourceLabel?: string;
  translationLabel?: string;
}

export function memoToBundle(memo: MemoDocument, options: MemoBundleOptions): { bundle: DocumentBundle; warnings: MemoWarning[] } {
  const allText = memo.turns.map((t) => t.paragraphs.join(' ')).join(' ');
  const choice = chooseTextColumn(allText, options.sourceLang, options.translationLang);
  const warnings: MemoWarning[] = choice.note ? [{ line: null, message: choice.note }] : [];
  const textIndex = choice.textRole === 'source' ? 0 : 1;
  const placeholderIndex = 1 - textIndex;
  const witnesses: BundleWitness[] = [
    {
      lang: options.sourceLang,
      role: 'source',
      label: options.sourceLabel ?? `${languageName(options.sourceLang)} original`,
      isPlaceholderWitness: placeholderIndex === 0,
    },
    {
      lang: options.translationLang,
      role: 'translation',
      label: options.translationLabel ?? `${languageName(options.translationLang)} translation`,
      isPlaceholderWitness: placeholderIndex === 1,
    },
  ];
  const placeholderLang = witnesses[placeholderIndex]!.lang;
  const unknown = new Set<string>();
  const placeholderSpeaker = (speaker: string, line: number): string => {
    const known = speakerIn(speaker, placeholderLang);
    if (known) return known;
    if (!unknown.has(speaker)) {
      unknown.add(speaker);
      warnings.push({
        line,
        message: `no ${languageName(placeholderLang)} spelling is known for "${speaker}"; its placeholders are labelled "${speaker}" until an editor corrects them`,
      });
    }
    return speaker;
  };

  const rows = memo.turns.map((turn) => {
    const cells = [[], []] as DocumentBundle['rows'][number]['cells'];
    cells[textIndex] = [
      { turnNo: turn.turnNo, sentenceNo: null, speaker: turn.speaker, text: turn.paragraphs.join('\n\n'), isPlaceholder: false },
    ];
    cells[placeholderIndex] = [
      { turnNo: turn.turnNo, sentenceNo: null, speaker: placeholderSpeaker(turn.speaker, turn.line), text: '', isPlaceholder: true },
    ];
    return { status: 'auto' as const, note: null, cells };
  });

  return {
    bundle: {
      slug: options.slug,
      metadata: {
        title: memo.title,
        date: memo.date,
        place: memo.place,
        participants: memo.participants,
        archiveRef: memo.sourceNote?.archiveRef ?? null,
        translator: memo.sourceNote?.translator ?? null,
        publisher: memo.sourceNote?.publisher ?? null,
        sourceNote: memo.sourceNote?.raw ?? null,
        isExcerpt: memo.isExcerpt,
        frontMatter: memo.frontMatter,
      },
      witnesses,
      rows,
      milestones: memo.milestones.map((m) => ({ witness: textIndex, turnNo: m.turnNo, paragraph: m.paragraph, label: m.label })),
    },
    warnings,
  };
}
