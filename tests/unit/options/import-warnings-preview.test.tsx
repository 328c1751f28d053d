import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { App } from '~/entrypoints/options/App';
import { CSV_COLUMNS } from '~/lib/dataset/csv-columns';

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

async function chooseFile(root: HTMLElement, name: string, text: string) {
  const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', {
    value: [new File([new TextEncoder().encode(text)], name)],
    configurable: true,
  });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 20));
  });
}

/**
 * Three rows that pass every rule yet deserve a second look: a name whose M and I are Cyrillic,
 * an acronym with a zero-width space and a city with a right-to-left mark, and an "ECCP
 * profile" on another host.
 */
const LOOKALIKES = [
  CSV_COLUMNS.join(','),
  'lookalike-one,\u041C\u0456nalogic,,,FR,,,unknown,,,unknown,,,,https://example.org/a,,,,,',
  'hidden-marks,Quiet Harbour Cluster,Q\u200BHC,,DE,,Kiel\u200F,unknown,,,unknown,,,,https://example.org/b,,,,,',
  'elsewhere-profile,Far Profile Cluster,,,IT,,,unknown,,,yes,https://eccp.example.net/profile/1,,,https://example.org/c,,,,,',
  '',
].join('\n');

describe('the import preview', () => {
  it('warns about mixed scripts, invisible characters and an ECCP link elsewhere, and still offers to apply', async () => {
    const root = await mount();
    await chooseFile(root, 'lookalikes.csv', LOOKALIKES);
    await vi.waitFor(() => expect(root.querySelector('.preview')).not.toBeNull());
    expect(root.querySelector('.warnings h5')?.textContent).toBe('Check before applying');
    expect([...root.querySelectorAll('.warnings li')].map((li) => li.textContent)).toEqual([
      'Name of “\u041C\u0456nalogic”: mixes letters of several scripts (Cyrillic, Latin), as lookalike names do.',
      'Acronym of “Quiet Harbour Cluster”: contains invisible characters (U+200B).',
      'City of “Quiet Harbour Cluster”: contains invisible characters (U+200F).',
      'The ECCP profile of “Far Profile Cluster” is on eccp.example.net, not on clustercollaboration.eu.',
    ]);
    const apply = [...root.querySelectorAll('button')].find(
      (b) => b.textContent === 'Apply this dataset',
    );
    expect(apply?.disabled).toBe(false);
  });
});
