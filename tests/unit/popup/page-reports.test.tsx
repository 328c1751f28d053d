import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { PopupApp } from '~/components/popup/PopupApp';
import { popupEnv } from './popup-env';
import type { PageState } from '~/components/popup/PagePanel';

describe('the popup\'s "On this page"', () => {
  it('asks the page again whenever it reports, and shows the newer answer', async () => {
    const answers: (PageState & { kind: 'found' | 'no-answer' })[] = [
      // Just switched back on: the page has not scanned yet.
      { kind: 'found', detections: [] },
      { kind: 'found', detections: [{ id: 'valorial', name: 'Valorial', count: 2, texts: [] }] },
    ];
    let report: (() => void) | null = null;
    const stop = vi.fn();
    const env = popupEnv({
      activeTab: () => Promise.resolve({ id: 7, url: 'https://news.example.org/' }),
      requestDetections: vi.fn(() => Promise.resolve(answers.shift()!)),
      watchPageReports: (tabId, listener) => {
        expect(tabId).toBe(7);
        report = listener;
        return stop;
      },
    });
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(<PopupApp env={env} />, root);
      await new Promise((r) => setTimeout(r, 20));
    });
    const pageTab = [...root.querySelectorAll('[role="tab"]')].find((t) =>
      t.textContent?.startsWith('On this page'),
    ) as HTMLElement;
    await act(() => pageTab.click());
    await vi.waitFor(() =>
      expect(root.querySelector('.cl-state')?.textContent).toBe(
        'No cluster organisations found on this page.',
      ),
    );
    expect(report).not.toBeNull();
    await act(async () => {
      report!();
      await new Promise((r) => setTimeout(r, 20));
    });
    await vi.waitFor(() =>
      expect(root.querySelector('.cl-page-item .cl-result__name')?.textContent).toBe('Valorial'),
    );
    expect(env.requestDetections).toHaveBeenCalledTimes(2);
    render(null, root);
    expect(stop).toHaveBeenCalled();
  });
});
