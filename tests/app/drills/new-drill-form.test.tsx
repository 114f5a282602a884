/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NewDrillForm } from '@/app/drills/new/new-drill-form';
import { loadMyDrills, MY_DRILLS_KEY } from '@/app/drills/_components/my-drills';

/** The instructor's form (issue 20): an empty title is named beside the field; a created drill is kept on this device. */
const KINDS = [
  { value: 'source-ip', label: 'Source IP' },
  { value: 'load-share', label: 'Load share' },
];
const DIFFICULTIES = [{ value: 'standard', label: 'Standard' }];

function jsonResponse(status: number, body: unknown) {
  return { status, ok: status < 400, json: async () => body } as Response;
}

let fetchMock: jest.Mock;
beforeEach(() => {
  localStorage.clear();
  fetchMock = jest.fn();
  global.fetch = fetchMock;
});

describe('NewDrillForm', () => {
  it('names an empty title beside the field and in the summary, and focuses it', async () => {
    fetchMock.mockResolvedValue(jsonResponse(422, { error: 'The request body is invalid', issues: [{ path: 'title', message: 'Required' }] }));
    render(<NewDrillForm kinds={KINDS} difficulties={DIFFICULTIES} />);
    await userEvent.type(screen.getByLabelText('Title'), '   ');
    await userEvent.click(screen.getByRole('button', { name: 'Create drill' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Check Title'));
    const title = screen.getByLabelText('Title');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Required');
    expect(title).toHaveFocus();
    expect(screen.queryByText(/request body is invalid/)).toBeNull();
  });

  it("names the fields the server refused in the summary, not the API's generic message", async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(422, { error: 'The request body is invalid', issues: [{ path: 'count', message: 'Too big: expected number to be <=50' }] }),
    );
    render(<NewDrillForm kinds={KINDS} difficulties={DIFFICULTIES} />);
    await userEvent.type(screen.getByLabelText('Title'), 'Week 3');
    await userEvent.click(screen.getByRole('button', { name: 'Create drill' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Check Questions'));
    expect(screen.queryByText(/request body is invalid/)).toBeNull();
    expect(screen.getByLabelText('Questions')).toHaveAccessibleDescription(/Too big/);
  });

  it('keeps the manage link in "my drills" on this device and warns before leaving until it is kept', async () => {
    const manageUrl = 'http://localhost/drills/ABCDEF/manage#key=secret-token';
    fetchMock.mockResolvedValue(jsonResponse(201, { code: 'ABCDEF', studentUrl: 'http://localhost/drills/ABCDEF', manageUrl, manageToken: 'secret-token' }));
    render(<NewDrillForm kinds={KINDS} difficulties={DIFFICULTIES} />);
    await userEvent.type(screen.getByLabelText('Title'), 'Week 3');
    await userEvent.click(screen.getByRole('button', { name: 'Create drill' }));
    await screen.findByRole('heading', { name: 'Drill created' });
    expect(loadMyDrills()).toEqual([expect.objectContaining({ code: 'ABCDEF', title: 'Week 3', manageUrl })]);
    expect(localStorage.getItem(MY_DRILLS_KEY)).toContain('#key=secret-token');
    // Only the create request went to the server, and it carried no token.
    expect(fetchMock).toHaveBeenCalledTimes(1);

    const leaving = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leaving()).toBe(true);
    Object.assign(navigator, { clipboard: { writeText: jest.fn().mockResolvedValue(undefined) } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy secret manage link' }));
    });
    await waitFor(() => expect(leaving()).toBe(false));
  });
});
