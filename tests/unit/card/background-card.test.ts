import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '~/entrypoints/background';
import { CYCLE, RECORD, type RecordResponse } from '~/lib/messages';
import { bundledDataset } from '~/utils/dataset';
import { importedDatasetItem } from '~/utils/imported-dataset';

type CommandEvent = { trigger(command: string): Promise<unknown[]> };
const commands = () => fakeBrowser.commands.onCommand as unknown as CommandEvent;

async function ask(message: unknown) {
  const replies = (await fakeBrowser.runtime.onMessage.trigger(message, {
    tab: { id: 4 },
    frameId: 0,
  } as never)) as unknown[];
  return replies.find((r) => r !== undefined);
}

describe('background: keyboard commands for the card', () => {
  let sent: { tabId: number; message: unknown; options: unknown }[];

  beforeEach(() => {
    sent = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(
      (tabId: number, message: unknown, options: unknown) => {
        sent.push({ tabId, message, options });
        return Promise.resolve({ id: 'valorial' });
      },
    );
    // The active tab of the current window is the one a command is for.
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(((info: object) =>
      Promise.resolve(
        JSON.stringify(info) === JSON.stringify({ active: true, currentWindow: true })
          ? [{ id: 7 }]
          : [{ id: 1 }, { id: 7 }],
      )) as never);
    background.main();
  });

  it('sends next and previous to the active tab top frame', async () => {
    await commands().trigger('next-mention');
    await commands().trigger('previous-mention');
    expect(sent).toEqual([
      { tabId: 7, message: { type: CYCLE, direction: 1 }, options: { frameId: 0 } },
      { tabId: 7, message: { type: CYCLE, direction: -1 }, options: { frameId: 0 } },
    ]);
  });

  it('ignores commands that are not its own', async () => {
    await commands().trigger('_execute_action');
    expect(sent).toEqual([]);
  });

  it('does not fail when the page cannot answer', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    await expect(commands().trigger('next-mention')).resolves.toBeDefined();
  });
});

describe('background: a card record on demand', () => {
  beforeEach(() => {
    background.main();
  });

  it('answers with the bundled record and the dataset date', async () => {
    const reply = (await ask({ type: RECORD, id: 'hamburg-aviation' })) as RecordResponse;
    expect(reply.asOf).toBe(bundledDataset.asOf);
    expect(reply.record).toEqual(bundledDataset.records.find((r) => r.id === 'hamburg-aviation'));
  });

  it('answers from an imported dataset when one is active, null for an unknown id', async () => {
    const record = { ...bundledDataset.records[0]!, id: 'only-here', name: 'Only Here' };
    await importedDatasetItem.setValue({ ...bundledDataset, asOf: '2030-01', records: [record] });
    expect(await ask({ type: RECORD, id: 'only-here' })).toEqual({ record, asOf: '2030-01' });
    expect(await ask({ type: RECORD, id: 'hamburg-aviation' })).toEqual({
      record: null,
      asOf: '2030-01',
    });
  });
});
