/** @jest-environment jsdom */
import { failureText, ApiFailure } from '@/app/drills/_components/api-client';
import { forgetMyDrill, loadMyDrills, MY_DRILLS_KEY, rememberMyDrill } from '@/app/drills/_components/my-drills';

const drill = (code: string) => ({ code, title: `Drill ${code}`, manageUrl: `http://x/drills/${code}/manage#key=k${code}`, createdAt: '2026-12-01T10:00:00Z' });

describe('my drills (localStorage)', () => {
  beforeEach(() => localStorage.clear());

  it('keeps the newest first, replaces a drill by code and forgets one', () => {
    rememberMyDrill(drill('AAAAAA'));
    rememberMyDrill(drill('BBBBBB'));
    rememberMyDrill({ ...drill('AAAAAA'), title: 'Renamed' });
    expect(loadMyDrills().map((d) => [d.code, d.title])).toEqual([['AAAAAA', 'Renamed'], ['BBBBBB', 'Drill BBBBBB']]);
    forgetMyDrill('AAAAAA');
    expect(loadMyDrills().map((d) => d.code)).toEqual(['BBBBBB']);
  });

  it('ignores what it cannot read', () => {
    localStorage.setItem(MY_DRILLS_KEY, '{not json');
    expect(loadMyDrills()).toEqual([]);
    localStorage.setItem(MY_DRILLS_KEY, JSON.stringify([{ code: 1 }, drill('CCCCCC')]));
    expect(loadMyDrills().map((d) => d.code)).toEqual(['CCCCCC']);
  });
});

describe('failureText', () => {
  it('does not repeat what the message already says ("This drill is closed: Closed")', () => {
    expect(failureText(new ApiFailure(409, 'This drill is closed', [{ path: '', message: 'Closed' }]))).toBe('This drill is closed');
  });

  it('adds the issues that say more', () => {
    expect(failureText(new ApiFailure(409, 'Time is up', [{ path: '', message: 'The deadline was 10:00' }]))).toBe('Time is up: The deadline was 10:00');
  });
});
