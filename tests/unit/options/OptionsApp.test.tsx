import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '~/entrypoints/options/App';
import type { Dataset } from '~/lib/dataset/model';
import { refreshManagedPolicy } from '~/utils/settings';

async function mount() {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<App />, root);
    await new Promise((r) => setTimeout(r, 10));
  });
  await vi.waitFor(() => expect(root.querySelector('[data-testid="dataset-info"]')).not.toBeNull());
  return root;
}

async function chooseFile(root: HTMLElement, name: string, bytes: Uint8Array<ArrayBuffer>) {
  const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
  const file = new File([bytes], name);
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 20));
  });
}

const button = (root: HTMLElement, text: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === text)!;

describe('the options page', () => {
  it('shows every problem of a bad file and changes nothing in storage', async () => {
    const root = await mount();
    const before = await fakeBrowser.storage.local.get(null);
    await chooseFile(
      root,
      'duplicate-ids.csv',
      new Uint8Array(readFileSync('tests/fixtures/imports/duplicate-ids.csv')),
    );
    await vi.waitFor(() => expect(root.querySelector('.problems')).not.toBeNull());
    expect(root.querySelector('.problems h4')?.textContent).toBe(
      'duplicate-ids.csv was not imported',
    );
    expect([...root.querySelectorAll('.problems li')].map((li) => li.textContent)).toEqual([
      'Row 4, column id: id "aclima" is already used by row 2',
    ]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    expect(root.querySelector('.origin')?.textContent).toBe('The data bundled with Cluster Lens.');
  });

  it('previews a valid import, applies it to storage.local, and resets to the bundle', async () => {
    const root = await mount();
    const csv = readFileSync('data/clusters.csv', 'utf8').split('\n');
    // Drop the last organisation and turn the first one's Bronze into Silver.
    const edited = [csv[0], csv[1]!.replace(',bronze,', ',silver,'), ...csv.slice(2, -2), ''];
    await chooseFile(root, 'newer.csv', new TextEncoder().encode(edited.join('\n')));
    await vi.waitFor(() => expect(root.querySelector('.preview')).not.toBeNull());
    const counts = [...root.querySelectorAll('.preview .counts li')].map((li) => li.textContent);
    expect(counts.slice(0, 3)).toEqual([
      'No organisations added',
      'One organisation changed',
      'One organisation removed',
    ]);
    expect(root.querySelector('.preview .examples ul li')?.textContent).toBe(
      'Label: Bronze → Silver',
    );
    expect(await fakeBrowser.storage.local.get('importedDataset')).toEqual({});

    await act(async () => {
      button(root, 'Apply this dataset').click();
      await new Promise((r) => setTimeout(r, 20));
    });
    // Applying writes storage asynchronously; a loaded machine may take longer than the act().
    const stored = await vi.waitFor(async () => {
      const value = (await fakeBrowser.storage.local.get('importedDataset')).importedDataset;
      expect(value).toBeDefined();
      return value as Dataset;
    });
    expect(stored).toMatchObject({ origin: 'imported', sourceName: 'newer.csv' });
    expect(stored.records.find((r) => r.id === 'aclima')?.label.level).toBe('silver');
    await vi.waitFor(() =>
      expect(root.querySelector('.origin')?.textContent).toMatch(/^Imported from newer\.csv on /),
    );
    expect(root.querySelector('[role="status"]')?.textContent).toMatch(
      /^Imported dataset applied: \d{1,3}(,\d{3})* organisations\.$/,
    );

    await act(async () => {
      button(root, 'Reset to bundled data').click();
      await new Promise((r) => setTimeout(r, 20));
    });
    // Storing null removes the item: the bundle is active again.
    expect(await fakeBrowser.storage.local.get('importedDataset')).toEqual({});
    expect(root.querySelector('.origin')?.textContent).toBe('The data bundled with Cluster Lens.');
  });

  it('asks the date of a CSV as a month and a year to choose, never a future one', async () => {
    // Only the clock is fake: the page still waits on real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-15T12:00:00Z'));
    try {
      const root = await mount();
      await chooseFile(root, 'newer.csv', new Uint8Array(readFileSync('data/clusters.csv')));
      await vi.waitFor(() => expect(root.querySelector('.preview')).not.toBeNull());
      // No <input type="month">: Firefox shows it as a bare text box, the format unexplained.
      expect(root.querySelector('input[type="month"]')).toBeNull();
      expect(root.querySelector('.preview fieldset legend')?.textContent).toBe('Data as of');
      const labelled = (name: string) =>
        [...root.querySelectorAll('.preview label')]
          .find((l) => l.firstChild?.textContent === name)!
          .querySelector('select')!;
      const month = labelled('Month');
      const year = labelled('Year');
      const shown = (select: HTMLSelectElement) => select.selectedOptions[0]?.textContent;
      expect([shown(month), shown(year)]).toEqual(['March', '2026']);
      expect([...month.options].map((o) => o.textContent)).toEqual([
        'January',
        'February',
        'March',
        'April',
        'May',
        'June',
        'July',
        'August',
        'September',
        'October',
        'November',
        'December',
      ]);
      expect(year.options[0]?.textContent).toBe('2026');
      const help = () => root.querySelector('.preview .month-field + .help')?.textContent;
      expect(help()).toBe('The month of the newest source the file was compiled from.');

      const choose = async (select: HTMLSelectElement, text: string) => {
        select.value = [...select.options].find((o) => o.textContent === text)!.value;
        await act(async () => {
          select.dispatchEvent(new Event('change', { bubbles: true }));
          await new Promise((r) => setTimeout(r, 10));
        });
      };
      await choose(month, 'December');
      expect(help()).toBe('Choose a month that is not in the future.');
      expect(month.getAttribute('aria-invalid')).toBe('true');
      expect(button(root, 'Apply this dataset').disabled).toBe(true);

      await choose(year, '2025');
      expect(help()).toBe('The month of the newest source the file was compiled from.');
      expect(button(root, 'Apply this dataset').disabled).toBe(false);
      await act(async () => {
        button(root, 'Apply this dataset').click();
        await new Promise((r) => setTimeout(r, 20));
      });
      const stored = await vi.waitFor(async () => {
        const value = (await fakeBrowser.storage.local.get('importedDataset')).importedDataset;
        expect(value).toBeDefined();
        return value as Dataset;
      });
      expect(stored.asOf).toBe('2025-12');
    } finally {
      vi.useRealTimers();
    }
  });

  it('locks a managed control and says why', async () => {
    await fakeBrowser.storage.managed.set({ enabled: false });
    // What the background does at start: copy the policy where the page reads it.
    await refreshManagedPolicy();
    const root = await mount();
    const toggle = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')][0]!;
    await vi.waitFor(() => expect(toggle.disabled).toBe(true));
    expect(toggle.checked).toBe(false);
    expect(toggle.getAttribute('aria-describedby')).toBe('enabled-help enabled-lock');
    expect(root.querySelector('#enabled-lock')?.textContent).toContain('Set by your administrator');
  });

  it('refuses to add sites beyond the sync quota, with a message, and keeps what was typed', async () => {
    const root = await mount();
    const input = root.querySelector<HTMLInputElement>('.add-site input')!;
    const typed = Array.from({ length: 400 }, (_, i) => `site-${i}.example-domain.org`).join(' ');
    await act(() => {
      input.value = typed;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      root.querySelector<HTMLFormElement>('.add-site')!.requestSubmit();
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(root.querySelector('[role="alert"].error')?.textContent).toMatch(
      /^Not saved\. These settings would take [\d,]+ bytes, more than the 8,192 bytes/,
    );
    expect(input.value).toBe(typed);
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toBeUndefined();
  });
});
