import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import bundled from '~/data/generated/dataset.json';
import background from '~/entrypoints/background';
import type { Dataset } from '~/lib/dataset/model';
import { markCategory } from '~/lib/mark-category';
import { MARK_CATEGORIES } from '~/lib/settings';
import { WELCOME_SAMPLE } from '~/lib/welcome-sample';
import { greetOnInstall, WELCOME_PATH } from '~/utils/welcome-page';

/** Fires runtime.onInstalled at the background, as the browser does, and waits for it. */
async function installed(reason: string) {
  await fakeBrowser.runtime.onInstalled.trigger({ reason } as never);
  // greetOnInstall's tab is opened after a microtask or two.
  await new Promise((r) => setTimeout(r, 0));
}

describe('the introduction on install', () => {
  afterEach(() => vi.restoreAllMocks());

  it('opens in a new tab when the extension is installed', async () => {
    background.main();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await installed('install');
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]![0].url).toBe(fakeBrowser.runtime.getURL(WELCOME_PATH));
  });

  it.each(['update', 'chrome_update', 'browser_update', 'shared_module_update'])(
    'does not open on %s',
    async (reason) => {
      background.main();
      const create = vi.spyOn(fakeBrowser.tabs, 'create');
      await installed(reason);
      expect(create).not.toHaveBeenCalled();
    },
  );

  it('costs nothing when the browser refuses the tab', async () => {
    vi.spyOn(fakeBrowser.tabs, 'create').mockRejectedValue(new Error('no window'));
    await expect(greetOnInstall({ reason: 'install' })).resolves.toBeUndefined();
  });
});

describe('the sample paragraph', () => {
  const dataset = bundled as unknown as Dataset;
  // The dataset's own date: the day the names were chosen for, whatever day the test runs.
  const asOf = new Date(`${dataset.asOf}-15T00:00:00Z`);

  it('names real organisations of the bundled dataset, as it writes them', () => {
    for (const { id, name } of WELCOME_SAMPLE) {
      expect(dataset.records.find((r) => r.id === id)?.name, id).toBe(name);
    }
  });

  it('shows every kind of mark once', () => {
    const kinds = WELCOME_SAMPLE.map(({ id }) =>
      markCategory(
        dataset.records.find((r) => r.id === id)!,
        asOf,
      ),
    );
    expect(kinds).toEqual(WELCOME_SAMPLE.map((s) => s.category));
    expect([...kinds].sort()).toEqual([...MARK_CATEGORIES].sort());
  });
});
