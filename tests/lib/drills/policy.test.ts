import { answersAreFinal, attemptDeadline, DEADLINE_GRACE_MS, drillPhase, mayReveal, pastDeadline, revealContext, writeRefusal, type AttemptWriteState } from '@/lib/drills/policy';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-11-25T10:00:00Z');

describe('drillPhase', () => {
  it.each([
    ['no times set → open', { opensAt: null, closesAt: null, closedAt: null }, 'open'],
    ['opens later → scheduled', { opensAt: at('2026-11-25T11:00:00Z'), closesAt: null, closedAt: null }, 'scheduled'],
    ['opened earlier → open', { opensAt: at('2026-11-25T09:00:00Z'), closesAt: null, closedAt: null }, 'open'],
    ['close time passed → closed', { opensAt: null, closesAt: at('2026-11-25T09:59:59Z'), closedAt: null }, 'closed'],
    ['closes exactly now → closed', { opensAt: null, closesAt: NOW, closedAt: null }, 'closed'],
    ['closed by hand → closed even before the close time', { opensAt: null, closesAt: at('2026-11-26T00:00:00Z'), closedAt: at('2026-11-25T09:00:00Z') }, 'closed'],
  ])('%s', (_n, times, phase) => {
    expect(drillPhase(times, NOW)).toBe(phase);
  });
});

describe('attemptDeadline', () => {
  it.each([
    ['no limit and no close → none', null, null, null],
    ['a 10-minute limit → start + 10 min', 600, null, '2026-11-25T10:10:00.000Z'],
    ['the drill closes first → the close time', 600, at('2026-11-25T10:05:00Z'), '2026-11-25T10:05:00.000Z'],
    ['the limit ends first → the limit', 600, at('2026-11-25T11:00:00Z'), '2026-11-25T10:10:00.000Z'],
    ['no limit but a close time → the close time', null, at('2026-11-25T11:00:00Z'), '2026-11-25T11:00:00.000Z'],
  ])('%s', (_n, seconds, closesAt, expected) => {
    expect(attemptDeadline(NOW, seconds, closesAt)?.toISOString() ?? null).toBe(expected);
  });

  it.each([
    ['before the deadline', '2026-11-25T09:59:59Z', 0, false],
    ['one second after', '2026-11-25T10:00:01Z', 0, true],
    ['one second after, within a 2 s grace', '2026-11-25T10:00:01Z', 2000, false],
  ])('pastDeadline %s', (_n, now, grace, expected) => {
    expect(pastDeadline(NOW, at(now), grace)).toBe(expected);
  });

  it('no deadline is never past', () => {
    expect(pastDeadline(null, at('2100-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('mayReveal', () => {
  const cases = [
    ['after-answer', { finished: false, drillClosed: false }, true],
    ['after-submit', { finished: false, drillClosed: false }, false],
    ['after-submit', { finished: true, drillClosed: false }, true],
    ['after-submit', { finished: false, drillClosed: true }, true],
    ['after-close', { finished: true, drillClosed: false }, false],
    ['after-close', { finished: true, drillClosed: true }, true],
    ['never', { finished: true, drillClosed: true }, false],
  ] as const;
  it.each(cases)('%s with %o → %s', (policy, ctx, expected) => {
    expect(mayReveal(policy, ctx)).toBe(expected);
  });

  it.each([
    ['after-answer', true],
    ['after-submit', false],
    ['after-close', false],
    ['never', false],
  ] as const)('answers are final under %s: %s', (policy, expected) => {
    expect(answersAreFinal(policy)).toBe(expected);
  });
});

describe('writeRefusal and revealContext: one rule for writes and reveals', () => {
  const open = { opensAt: null, closesAt: null, closedAt: null };
  const attempt = (over: Partial<AttemptWriteState> = {}): AttemptWriteState => ({ submittedAt: null, deadline: NOW, keySeenAt: null, answersReopenedAt: null, ...over });
  const ms = (n: number) => new Date(NOW.getTime() + n);

  it.each([
    ['inside the grace after the deadline', attempt(), ms(DEADLINE_GRACE_MS), null, false],
    ['just past the grace', attempt(), ms(DEADLINE_GRACE_MS + 1), 'time-up', true],
    ['submitted', attempt({ submittedAt: NOW }), ms(-1000), 'submitted', true],
    ['its key seen', attempt({ deadline: null, keySeenAt: NOW }), ms(1000), 'key-seen', true],
    ['its key seen, then reopened for changes', attempt({ deadline: null, keySeenAt: NOW, answersReopenedAt: ms(1) }), ms(1000), null, false],
    ['its key seen again after that reopen', attempt({ deadline: null, keySeenAt: ms(2), answersReopenedAt: ms(1) }), ms(1000), 'key-seen', true],
  ] as const)('after-submit, %s: refusal %p, revealed %p', (_n, a, now, refusal, revealed) => {
    expect(writeRefusal('after-submit', a, open, now)).toBe(refusal);
    expect(mayReveal('after-submit', revealContext('after-submit', a, open, now))).toBe(revealed);
  });

  it('a closed drill refuses writes and reveals under after-submit', () => {
    const closed = { ...open, closedAt: NOW };
    expect(writeRefusal('after-submit', attempt({ deadline: null }), closed, ms(1))).toBe('closed');
    expect(mayReveal('after-submit', revealContext('after-submit', attempt({ deadline: null }), closed, ms(1)))).toBe(true);
  });

  it('under after-answer a seen key does not end the attempt', () => {
    expect(writeRefusal('after-answer', attempt({ deadline: null, keySeenAt: NOW }), open, ms(1))).toBeNull();
  });
});
