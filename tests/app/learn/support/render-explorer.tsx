/**
 * Renders the explorer and waits for its engine: the explorer suspends on a dynamic import of the engine chunk
 * (issue 18) and renders once it arrives, as it does in the browser.
 */
import { act, render, waitFor, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';

export async function renderExplorer(ui: ReactElement): Promise<RenderResult> {
  let view: RenderResult | undefined;
  await act(async () => {
    view = render(ui);
  });
  const rendered = view as RenderResult;
  await waitFor(() => expect(rendered.container.querySelector('[data-explorer]')).not.toBeNull());
  return rendered;
}
