/** @jest-environment jsdom */
/* eslint-disable @next/next/no-html-link-for-pages -- plain links are what SoftLinks takes */
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SoftLinks } from '@/app/_components/soft-links';

const mockPrefetch = jest.fn();
const mockPush = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ prefetch: mockPrefetch, push: mockPush }) }));

beforeEach(() => {
  mockPrefetch.mockClear();
  mockPush.mockClear();
});

function List() {
  return (
    <SoftLinks>
      <ul>
        <li>
          <a href="/interview/choose-a-policy">
            Choose <em>a policy</em>
          </a>
        </li>
        <li>
          <a href="/interview/drop-versus-reject?x=1#twist">Drop versus reject</a>
        </li>
        <li>
          <a href="https://kubernetes.io/docs/">Kubernetes docs</a>
        </li>
        <li>
          <a href="/interview/new-tab" target="_blank">
            New tab
          </a>
        </li>
        <li>
          <a href="/cards.json" download>
            Download
          </a>
        </li>
        <li>
          <button type="button">Not a link</button>
        </li>
      </ul>
    </SoftLinks>
  );
}

/**
 * Dispatches a click and says whether the browser would still follow the link (nothing in the page prevented it);
 * then prevents it, jsdom having no navigation.
 */
function click(element: Element, init: MouseEventInit = {}): boolean {
  let prevented = false;
  const last = (event: Event) => {
    prevented = event.defaultPrevented;
    event.preventDefault();
  };
  window.addEventListener('click', last);
  fireEvent.click(element, { button: 0, ...init });
  window.removeEventListener('click', last);
  return !prevented;
}

describe('SoftLinks', () => {
  it('renders its links as plain links and prefetches nothing on render', () => {
    render(<List />);
    expect(screen.getByRole('link', { name: 'Choose a policy' })).toHaveAttribute(
      'href',
      '/interview/choose-a-policy',
    );
    expect(mockPrefetch).not.toHaveBeenCalled();
  });

  it('follows a plain click on an in-app link within the app, from any element inside the link', () => {
    render(<List />);
    expect(click(screen.getByText('a policy'))).toBe(false);
    expect(mockPush).toHaveBeenCalledWith('/interview/choose-a-policy');
    expect(click(screen.getByRole('link', { name: 'Drop versus reject' }))).toBe(false);
    expect(mockPush).toHaveBeenLastCalledWith('/interview/drop-versus-reject?x=1#twist');
  });

  it('leaves to the browser a click with a modifier or another button, another origin, a new tab or a download', () => {
    render(<List />);
    const card = screen.getByRole('link', { name: 'Choose a policy' });
    for (const init of [
      { ctrlKey: true },
      { metaKey: true },
      { shiftKey: true },
      { altKey: true },
      { button: 1 },
    ]) {
      expect(click(card, init)).toBe(true);
    }
    for (const name of ['Kubernetes docs', 'New tab', 'Download']) {
      expect(click(screen.getByRole('link', { name }))).toBe(true);
    }
    expect(click(screen.getByRole('button', { name: 'Not a link' }))).toBe(true);
    expect(mockPush).not.toHaveBeenCalled();
  });

  it('leaves alone a click another handler already took', () => {
    render(
      <SoftLinks>
        <a href="/review" onClick={(e) => e.preventDefault()}>
          Review
        </a>
      </SoftLinks>,
    );
    click(screen.getByRole('link', { name: 'Review' }));
    expect(mockPush).not.toHaveBeenCalled();
  });

  it('prefetches a link’s route on hover, keyboard focus and touch, and only in-app routes', async () => {
    const user = userEvent.setup();
    render(<List />);
    await user.hover(screen.getByText('a policy'));
    expect(mockPrefetch).toHaveBeenLastCalledWith('/interview/choose-a-policy');
    await user.tab();
    await user.tab();
    expect(screen.getByRole('link', { name: 'Drop versus reject' })).toHaveFocus();
    expect(mockPrefetch).toHaveBeenLastCalledWith('/interview/drop-versus-reject?x=1#twist');
    fireEvent.touchStart(screen.getByRole('link', { name: 'Choose a policy' }));
    expect(mockPrefetch).toHaveBeenCalledTimes(4);
    mockPrefetch.mockClear();
    await user.hover(screen.getByRole('link', { name: 'Kubernetes docs' }));
    await user.hover(screen.getByRole('button', { name: 'Not a link' }));
    expect(mockPrefetch).not.toHaveBeenCalled();
  });
});
