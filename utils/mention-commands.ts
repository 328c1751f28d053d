import { CYCLE, type CycleRequest } from '~/lib/messages';

/** The keyboard commands (manifest `commands`) and where each moves among the page's mentions. */
export const MENTION_COMMANDS: Readonly<Record<string, CycleRequest['direction']>> = {
  'next-mention': 1,
  'previous-mention': -1,
};

/**
 * Handles a keyboard command in the background: tells the active tab's top frame to open the
 * card of the next or previous mention. Pages without our content script (browser pages, web
 * stores) cannot answer; the command then does nothing.
 */
export async function forwardMentionCommand(command: string): Promise<void> {
  const direction = MENTION_COMMANDS[command];
  if (direction === undefined) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const message: CycleRequest = { type: CYCLE, direction };
  await browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined);
}
