/**
 * The floor the page-cost bench measures beside a build: the least any extension can do that
 * does what Cluster Lens must do at a page's start, written out as an unpacked Chromium
 * extension of a few lines. One content script in every frame (about:blank ones included): in
 * the top frame it reads the settings from storage, reads the frame's rendered text and sends
 * it to a background that answers at once; in a frame below, it only watches the frame for
 * text to come (one MutationObserver), the least a frame that is empty at first must do. No
 * matcher, no dataset, no frame sizes, no shadow roots, no hidden bodies, no card, no watch on
 * the top frame: it does less than the extension must, so no design of the extension can cost
 * a page less than it does on the same machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MANIFEST = {
  manifest_version: 3,
  name: 'Cluster Lens bench floor',
  version: '0.0.1',
  permissions: ['storage'],
  background: { service_worker: 'background.js' },
  content_scripts: [
    {
      matches: ['http://*/*', 'https://*/*'],
      js: ['content-scripts/content.js'],
      all_frames: true,
      match_about_blank: true,
      run_at: 'document_idle',
    },
  ],
};

const CONTENT = `if (window !== window.top) {
  new MutationObserver(() => {}).observe(document, { childList: true, subtree: true });
} else {
  chrome.storage.sync.get('settings').then(() => {
    const text = document.body ? document.body.innerText : '';
    if (text) chrome.runtime.sendMessage({ text }).then(() => {});
  });
}
`;

const BACKGROUND = `chrome.runtime.onMessage.addListener((message, _sender, respond) => {
  respond({ chars: typeof message?.text === 'string' ? message.text.length : 0 });
});
`;

/** Writes the floor extension into `dir` (created) and returns it. */
export function writeFloorExtension(dir: string): string {
  mkdirSync(join(dir, 'content-scripts'), { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(MANIFEST, null, 2));
  writeFileSync(join(dir, 'content-scripts/content.js'), CONTENT);
  writeFileSync(join(dir, 'background.js'), BACKGROUND);
  return dir;
}
