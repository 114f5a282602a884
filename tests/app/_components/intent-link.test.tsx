/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IntentLink } from '@/app/_components/intent-link';

const mockPrefetch = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ prefetch: mockPrefetch }) }));

beforeEach(() => mockPrefetch.mockClear());

describe('IntentLink', () => {
  it('renders an ordinary link and prefetches nothing on render', () => {
    render(<IntentLink href="/interview/choose-a-policy">Choose a policy</IntentLink>);
    expect(screen.getByRole('link', { name: 'Choose a policy' })).toHaveAttribute(
      'href',
      '/interview/choose-a-policy',
    );
    expect(mockPrefetch).not.toHaveBeenCalled();
  });

  it('prefetches its route when hovered, and again when focused by keyboard', async () => {
    const user = userEvent.setup();
    render(<IntentLink href="/review">Review</IntentLink>);
    await user.hover(screen.getByRole('link', { name: 'Review' }));
    expect(mockPrefetch).toHaveBeenCalledTimes(1);
    expect(mockPrefetch).toHaveBeenLastCalledWith('/review');
    await user.tab();
    expect(screen.getByRole('link', { name: 'Review' })).toHaveFocus();
    expect(mockPrefetch).toHaveBeenCalledTimes(2);
  });

  it('prefetches when a finger touches it (before the tap completes)', () => {
    render(<IntentLink href="/practice">Practice</IntentLink>);
    fireEvent.touchStart(screen.getByRole('link', { name: 'Practice' }));
    expect(mockPrefetch).toHaveBeenCalledWith('/practice');
  });

  it('still runs the caller’s own hover and focus handlers', async () => {
    const user = userEvent.setup();
    const onMouseEnter = jest.fn();
    const onFocus = jest.fn();
    render(
      <IntentLink href="/drills" onMouseEnter={onMouseEnter} onFocus={onFocus}>
        Drills
      </IntentLink>,
    );
    await user.hover(screen.getByRole('link', { name: 'Drills' }));
    await user.tab();
    expect(onMouseEnter).toHaveBeenCalledTimes(1);
    expect(onFocus).toHaveBeenCalledTimes(1);
  });
});
