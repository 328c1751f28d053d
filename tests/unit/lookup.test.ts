import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { lookUp, lookupQuery, pendingLookupItem, takeInitialQuery } from '~/utils/lookup';

describe('lookupQuery', () => {
  it('joins the selection onto one line and cuts it to a searchable length', () => {
    expect(lookupQuery('  Cap\n  Digital \t')).toBe('Cap Digital');
    expect(lookupQuery('x'.repeat(500))).toHaveLength(120);
  });
});

describe('"Look up in Cluster Lens"', () => {
  it('leaves the selection for the popup and opens it', async () => {
    const openPopup = vi.fn(() => Promise.resolve());
    Object.assign(fakeBrowser.action, { openPopup });
    await lookUp(' Valorial ');
    expect(openPopup).toHaveBeenCalledOnce();
    expect(await pendingLookupItem.getValue()).toBe('Valorial');
    // The popup takes it once.
    expect(await takeInitialQuery('')).toBe('Valorial');
    expect(await takeInitialQuery('')).toBeNull();
  });

  it('opens the popup page in a tab, query in its address, where a popup cannot open', async () => {
    Object.assign(fakeBrowser.action, {
      openPopup: () => Promise.reject(new Error('not allowed here')),
    });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await lookUp('Hamburg Aviation', { id: 7, url: 'https://news.example/a' });
    expect(create).toHaveBeenCalledWith({
      url: expect.stringMatching(
        /\/popup\.html\?q=Hamburg\+Aviation&tab=7&url=https%3A%2F%2Fnews\.example%2Fa$/,
      ) as string,
    });
    expect(await pendingLookupItem.getValue()).toBeNull();
    expect(await takeInitialQuery('?q=Hamburg+Aviation&tab=7')).toBe('Hamburg Aviation');
  });

  it('does nothing for a blank selection', async () => {
    const openPopup = vi.fn(() => Promise.resolve());
    Object.assign(fakeBrowser.action, { openPopup });
    await lookUp(' \n ');
    expect(openPopup).not.toHaveBeenCalled();
  });
});

describe('background: the context menu', () => {
  it('adds "Look up in Cluster Lens" for selections on install, and looks the selection up', async () => {
    const { default: background } = await import('~/entrypoints/background');
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() =>
      expect((fakeBrowser.contextMenus as unknown as { created: unknown[] }).created).toEqual([
        {
          id: 'cluster-lens-lookup',
          title: 'Look up “%s” in Cluster Lens',
          contexts: ['selection'],
        },
      ]),
    );
    const openPopup = vi.fn(() => Promise.resolve());
    Object.assign(fakeBrowser.action, { openPopup });
    const onClicked = fakeBrowser.contextMenus.onClicked as unknown as {
      trigger(info: unknown): Promise<unknown>;
    };
    await onClicked.trigger({ menuItemId: 'cluster-lens-lookup', selectionText: 'Minalogic' });
    await vi.waitFor(() => expect(openPopup).toHaveBeenCalledOnce());
    expect(await pendingLookupItem.getValue()).toBe('Minalogic');
  });
});

describe('queryActiveTab', () => {
  it('speaks of the page named in the popup address, when opened in a tab for it', async () => {
    const { queryActiveTab } = await import('~/utils/active-tab');
    expect(await queryActiveTab('?q=x&tab=7&url=https%3A%2F%2Fnews.example%2Fa')).toEqual({
      id: 7,
      url: 'https://news.example/a',
    });
  });
});
