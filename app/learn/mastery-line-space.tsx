/**
 * The mastery line's room, held while the learner record loads (after the page), so that the line's arrival does
 * not push the rest of the learning path down (a layout shift). One line: the new learner's "not started".
 */
export const MASTERY_LINE_CLASS = 'mt-2 min-h-5 text-sm font-medium';

export function MasteryLineSpace() {
  return <p className={MASTERY_LINE_CLASS} aria-hidden="true" />;
}
