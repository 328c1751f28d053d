import { pageMatcher, type PageData } from '~/lib/dataset/page-data';
import { markCategory } from '~/lib/mark-category';
import { checkText, clusterTermsIn, isAboutClusters, type CompiledMatcher } from '~/lib/matcher';
import type {
  MatchRequest,
  MatchResponse,
  PageTable,
  QuickCheckRequest,
  QuickCheckResponse,
} from '~/lib/messages';
import { aliasesForPage } from '~/lib/page-aliases';
import { matchParts } from '~/lib/page-matching';
import { loadActiveMatching, type ActiveMatching } from './active-matching';
import { watchImportChange } from './imported-dataset';

/** Page tables (acronym strictness, suppressions) whose matchers are kept compiled. */
const TABLES_KEPT = 8;

interface Active {
  data: PageData;
  /** The dataset's whole table, as built (prebuilt for the bundle). */
  matcher: CompiledMatcher;
  records: Map<string, PageData['records'][number]>;
  /** Matchers for tables that differ from the dataset's, by tableKey, oldest first. */
  tables: Map<string, CompiledMatcher>;
}

/**
 * The one matcher of the extension, in the background and kept warm across pages and tabs:
 * pages send text and get back what it names; they never load the dataset or a matcher.
 * Built once per dataset (the bundle's is prebuilt at build time), and per page table that
 * differs from the dataset's (the reader's acronym strictness and suppressions) once while used.
 */
export class BackgroundMatcher {
  private active: Promise<Active> | null = null;

  constructor(
    private readonly load: () => Promise<ActiveMatching> = loadActiveMatching,
    private readonly now: () => number = () => performance.now(),
    private readonly today: () => Date = () => new Date(),
  ) {}

  /** Forget the matchers: the active dataset changed. */
  reset() {
    this.active = null;
  }

  /** Loads (and for an import, checks and compiles) the active dataset now, not on first use. */
  warm(): Promise<unknown> {
    return this.current().catch(() => undefined);
  }

  /**
   * Whether the text could name any organisation, and whether one would count by the evidence
   * rules, with the dataset's whole table (a page's own table can only leave aliases out or ask
   * for more evidence, so a text with no alias or no evidence under the whole table has none
   * under the page's either).
   */
  async check({ text }: Pick<QuickCheckRequest, 'text'>): Promise<QuickCheckResponse> {
    const active = await this.current();
    const start = this.now();
    // Only a page that may name someone needs to know whether it speaks of clusters; the
    // evidence rules weigh that too.
    let clusterTerms: string[] = [];
    const { words, evidenced } = checkText(active.matcher, text, () => {
      clusterTerms = clusterTermsIn(text);
      return { aboutClusters: isAboutClusters(clusterTerms) };
    });
    const mayMention = words === null || words.length > 0;
    return {
      mayMention,
      evidenced,
      words,
      ms: this.now() - start,
      fingerprint: active.data.fingerprint,
      ...(clusterTerms.length > 0 ? { clusterTerms } : {}),
    };
  }

  /** The mentions in a page's parts, with the name and mark category of each organisation. */
  async match(
    {
      parts,
      confirmedIds,
      aboutClusters,
      table,
    }: Pick<MatchRequest, 'parts' | 'confirmedIds' | 'aboutClusters' | 'table'>,
    hostname: string,
  ): Promise<MatchResponse> {
    const active = await this.current();
    const start = this.now();
    const matcher = this.matcherFor(active, table, hostname);
    // The parts' own cluster vocabulary counts at once: they are part of the page.
    const clusterTerms = clusterTermsIn(parts.map((p) => p.segments.join('')).join('\n'));
    const about = aboutClusters === true || isAboutClusters(clusterTerms);
    const matches = matchParts(matcher, parts, new Set(confirmedIds), about);
    const organisations: MatchResponse['organisations'] = {};
    const today = this.today();
    for (const { id } of matches) {
      const record = active.records.get(id);
      if (record && !organisations[id]) {
        organisations[id] = { name: record.name, category: markCategory(record, today) };
      }
    }
    return {
      // An organisation missing from the records (it cannot be, for a valid dataset) is dropped.
      matches: matches.filter((m) => organisations[m.id] !== undefined),
      organisations,
      ...(clusterTerms.length > 0 ? { clusterTerms } : {}),
      fingerprint: active.data.fingerprint,
      ms: this.now() - start,
    };
  }

  private matcherFor(active: Active, table: PageTable, hostname: string): CompiledMatcher {
    const aliases = aliasesForPage(active.data.aliases, table, hostname);
    // Unchanged: the same array, so the dataset's own matcher serves.
    if (aliases === active.data.aliases) return active.matcher;
    const key = tableKey(table);
    let matcher = active.tables.get(key);
    if (matcher) active.tables.delete(key);
    else matcher = pageMatcher(active.data, aliases);
    active.tables.set(key, matcher);
    if (active.tables.size > TABLES_KEPT) {
      active.tables.delete(active.tables.keys().next().value!);
    }
    return matcher;
  }

  private current() {
    this.active ??= this.load().then(({ data, matcher }) => ({
      data,
      matcher,
      records: new Map(data.records.map((r) => [r.id, r])),
      tables: new Map(),
    }));
    const pending = this.active;
    // A failed read is not remembered: the next page tries again.
    pending.catch(() => {
      if (this.active === pending) this.active = null;
    });
    return pending;
  }
}

/** What makes a page's table differ from the dataset's; the suppressions apply to its site. */
function tableKey(table: PageTable): string {
  const suppressed = table.suppressed.map((s) => `${s.id}\0${s.alias}`).sort();
  return JSON.stringify([table.acronymStrictness, suppressed]);
}

/**
 * Keeps the matcher on the active dataset: an import applied or reset is compiled at once, so
 * the next page does not wait for it.
 */
export function watchBackgroundMatcher(matcher: BackgroundMatcher): () => void {
  return watchImportChange(() => {
    matcher.reset();
    void matcher.warm();
  });
}
