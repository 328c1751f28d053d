import { pageMatcher, type PageData } from '~/lib/dataset/page-data';
import { candidateWords, type CompiledMatcher } from '~/lib/matcher';
import type { QuickCheckRequest, QuickCheckResponse } from '~/lib/messages';
import { getActivePageData, watchActivePageData } from './page-data';

/**
 * The background's side of the quick check: one matcher for the active dataset, with all its
 * aliases (a page's own table can only leave aliases out or ask for more evidence, so a text
 * with no alias of the full table has none of the page's). Kept warm across pages and tabs.
 */
export class QuickChecker {
  private active: Promise<{ data: PageData; matcher: CompiledMatcher }> | null = null;

  constructor(
    private readonly load: () => Promise<PageData> = getActivePageData,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Forget the matcher: the active dataset changed. */
  reset() {
    this.active = null;
  }

  async check({ text, fingerprint }: Pick<QuickCheckRequest, 'text' | 'fingerprint'>) {
    let active = await this.current();
    if (active.data.fingerprint !== fingerprint) {
      // The page may know of a dataset change before this worker does: read it again once.
      this.reset();
      active = await this.current();
      if (active.data.fingerprint !== fingerprint) return { mayMention: null, ms: 0 };
    }
    const start = this.now();
    const words = candidateWords(active.matcher, text);
    const mayMention = words === null || words.length > 0;
    return { mayMention, words, ms: this.now() - start } satisfies QuickCheckResponse;
  }

  private current() {
    this.active ??= this.load().then((data) => ({
      data,
      matcher: pageMatcher(data, data.aliases),
    }));
    const pending = this.active;
    // A failed read is not remembered: the next page tries again.
    pending.catch(() => {
      if (this.active === pending) this.active = null;
    });
    return pending;
  }
}

export function watchQuickChecker(checker: QuickChecker): () => void {
  return watchActivePageData(() => checker.reset());
}
