/**
 * Renders the explorer and waits for its engine: the engine is a chunk the explorer imports dynamically
 * (issue 18), and its controls take input once it has arrived, as in the browser.
 */
import { act, render, waitFor, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';

export async function renderExplorer(ui: ReactElement): Promise<RenderResult> {
  let view: RenderResult | undefined;
  await act(async () => {
    view = render(ui);
  });
  const rendered = view as RenderResult;
  await waitFor(() => expect(rendered.container.querySelector('[data-explorer][data-engine="ready"]')).not.toBeNull());
  return rendered;
}
