import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * The fake browser has no i18n; give it the real English messages, with Chrome's `$1`…`$9`
 * substitutions, so components render the text users see.
 */
const chromeMessages = generateChromeMessages(await parseMessagesFile('locales/en.yml'));
const messages = new Map(Object.entries(chromeMessages).map(([name, m]) => [name, m.message]));

function getMessage(name: string, substitutions?: string | string[]): string {
  const subs = substitutions === undefined ? [] : [substitutions].flat();
  const message = messages.get(name);
  if (message === undefined) return '';
  return message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

/** An event with `trigger`, as the fake browser's own events have. */
function fakeEvent<T extends (...args: never[]) => unknown>() {
  const listeners: T[] = [];
  return {
    addListener: (l: T) => void listeners.push(l),
    removeListener: (l: T) => void listeners.splice(listeners.indexOf(l) >>> 0, 1),
    hasListener: (l: T) => listeners.includes(l),
    hasListeners: () => listeners.length > 0,
    trigger: (...args: Parameters<T>) => Promise.all(listeners.map((l) => l(...args))),
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  // The fake browser has no commands API; the background listens to keyboard commands.
  Object.assign(fakeBrowser.commands, { onCommand: fakeEvent<(command: string) => void>() });
  // Nor context menus: a record of created menus and a click event the tests can trigger.
  const menus: unknown[] = [];
  Object.assign(fakeBrowser.contextMenus, {
    created: menus,
    create: (props: unknown) => void menus.push(props),
    removeAll: () => Promise.resolve(void menus.splice(0)),
    onClicked: fakeEvent<(info: unknown, tab?: unknown) => void>(),
  });
  fakeBrowser.i18n.getMessage = getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
});
