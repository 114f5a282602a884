/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { failureText, ApiFailure } from '@/app/drills/_components/api-client';
import { MyDrillsList } from '@/app/drills/_components/my-drills-list';
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

describe('<MyDrillsList>', () => {
  beforeEach(() => localStorage.clear());

  it('lists nothing when this device created no drill, and each kept drill with its manage link otherwise', async () => {
    const empty = render(<MyDrillsList />);
    expect(screen.queryByRole('heading', { name: 'My drills' })).toBeNull();
    empty.unmount();

    rememberMyDrill(drill('AAAAAA'));
    rememberMyDrill(drill('BBBBBB'));
    render(<MyDrillsList />);
    const list = screen.getByRole('list');
    expect(within(list).getByRole('link', { name: 'Drill AAAAAA' })).toHaveAttribute('href', 'http://x/drills/AAAAAA/manage#key=kAAAAAA');
    await userEvent.click(screen.getByRole('button', { name: 'Forget Drill AAAAAA' }));
    expect(within(screen.getByRole('list')).queryByRole('link', { name: 'Drill AAAAAA' })).toBeNull();
    expect(loadMyDrills().map((d) => d.code)).toEqual(['BBBBBB']);
  });
});
