// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeSourced, type MergeDecision, type Row } from '~/lib/dataset/merge-sourced';
import { parseClusterCsv } from '~/lib/dataset/parse-csv';
import { readCsv, readDecisions, writeCsv } from '~/scripts/merge-sourced';

/** An upstream row (no id), with the columns the merge reads. */
function up(name: string, fields: Partial<Row> = {}): Row {
  return {
    name,
    acronym: '',
    aliases: '',
    country: 'FR',
    region: '',
    city: '',
    label: 'unknown',
    label_year: '',
    label_valid_until: '',
    eccp_member: 'unknown',
    eccp_url: '',
    website: '',
    sectors: '',
    source_urls: 'https://example.org/list',
    notes: 'named on a list',
    ...fields,
  };
}

const ours = (id: string, name: string, fields: Partial<Row> = {}): Row => ({
  id,
  match: '',
  successor: '',
  successor_year: '',
  successor_kind: '',
  ...up(name, fields),
});

describe('mergeSourced', () => {
  it('keeps every existing id and gives new rows the slug of their name, by country when two share it', () => {
    const project = [ours('pole-x', 'Pôle X')];
    const upstream = [
      up('Pôle X'),
      up('Finance Innovation', { country: 'FR' }),
      up('Finance Innovation', { country: 'NO' }),
      up('Nouveau Cluster'),
    ];
    const { rows, report } = mergeSourced(project, upstream);
    expect(rows.map((r) => r.id)).toEqual([
      'pole-x',
      'finance-innovation-fr',
      'finance-innovation-no',
      'nouveau-cluster',
    ]);
    expect(report.added).toHaveLength(3);
  });

  it('gives a new row whose slug an existing row has the slug with its country', () => {
    const { rows } = mergeSourced(
      [ours('finance-innovation', 'Finance Innovation', { country: 'FR' })],
      [up('Finance Innovation', { country: 'FR' }), up('Finance Innovation', { country: 'NO' })],
    );
    expect(rows.map((r) => r.id)).toEqual(['finance-innovation', 'finance-innovation-no']);
  });

  it('takes a changed label only with a new source, and never carries the old level’s date', () => {
    const project = [
      ours('a', 'A', { label: 'bronze', label_valid_until: '2015-06' }),
      ours('b', 'B', { label: 'bronze', label_valid_until: '2015-06' }),
    ];
    const upstream = [
      up('A', {
        label: 'gold',
        label_valid_until: '2015-06',
        source_urls: 'https://example.org/list|https://example.org/gold',
      }),
      up('B', { label: 'gold', label_valid_until: '2015-06' }),
    ];
    const { rows, report } = mergeSourced(project, upstream);
    expect(rows[0]).toMatchObject({ label: 'gold', label_valid_until: '' });
    expect(rows[0]?.notes).toContain('label_valid_until "2015-06" of the source file not taken');
    expect(rows[1]).toMatchObject({ label: 'bronze', label_valid_until: '2015-06' });
    expect(report.held.map((h) => `${h.id} ${h.column}`)).toEqual([
      'a label_valid_until',
      'b label',
    ]);
  });

  it('follows a reviewed decision over the rule, and writes its reason in notes', () => {
    const decisions: MergeDecision[] = [
      { id: 'a', column: 'label_year', value: '2025', take: false, reason: 'audit year' },
      { id: 'b', column: 'label_year', value: '2021', take: true, reason: 'printed on p' },
    ];
    const { rows } = mergeSourced(
      [ours('a', 'A', { label: 'gold', label_year: '2023' }), ours('b', 'B', { label: 'gold' })],
      [
        up('A', {
          label: 'gold',
          label_year: '2025',
          source_urls: 'https://example.org/list|https://n.example/',
        }),
        up('B', { label: 'gold', label_year: '2021' }),
      ],
      decisions,
    );
    expect(rows[0]?.label_year).toBe('2023');
    expect(rows[0]?.notes).toContain(
      'Cluster Lens: label_year "2025" of the source file not taken: audit year',
    );
    expect(rows[1]?.label_year).toBe('2021');
    expect(rows[1]?.notes).toContain('Cluster Lens: label_year (blank) → 2021: printed on p');
  });

  it('leaves out a new row or a new row’s cell that a decision holds back', () => {
    const { rows, report } = mergeSourced(
      [],
      [up('Formed Name', { country: 'TR' }), up('Kept', { city: 'Guessed', sectors: 'x|y' })],
      [
        { id: 'TR', column: 'row', value: 'Formed Name', take: false, reason: 'not printed' },
        { id: 'kept', column: 'city', value: 'Guessed', take: false, reason: 'inferred' },
        { id: 'kept', column: 'sectors', value: 'y', take: false, reason: 'inferred' },
      ],
    );
    expect(rows.map((r) => r.id)).toEqual(['kept']);
    expect(rows[0]).toMatchObject({ city: '', sectors: 'x' });
    expect(report.left).toHaveLength(1);
  });

  it('keeps the project’s columns, notes and sources; replaces a staging host by the public one', () => {
    const project = [
      ours('a', 'A', {
        match: 'strict',
        successor: 'b',
        successor_kind: 'merged',
        source_urls: 'https://impr-1.eccp.hosted-temp.com/tags/esca|https://mine.example/p',
        notes: 'named on a list; Cluster Lens: kept apart from B',
      }),
      ours('b', 'B'),
    ];
    const upstream = [
      up('A', {
        source_urls: 'https://clustercollaboration.eu/tags/esca',
        notes: 'named on a list; more evidence',
        website: 'www.a.example',
      }),
      up('B'),
    ];
    const { rows } = mergeSourced(project, upstream);
    expect(rows[0]).toMatchObject({
      match: 'strict',
      successor: 'b',
      successor_kind: 'merged',
      source_urls: 'https://clustercollaboration.eu/tags/esca|https://mine.example/p',
      notes: 'named on a list; more evidence; Cluster Lens: kept apart from B',
      website: 'https://www.a.example',
    });
  });

  it('changes nothing when run again on its own result (the real revision 4 and decisions)', () => {
    const data = readCsv(readFileSync('data/clusters.csv', 'utf8'));
    const upstream = readCsv(readFileSync('../shared/data/clusters-sourced.csv', 'utf8'));
    const { revision, decisions } = readDecisions(
      readFileSync('data/merge-decisions.json', 'utf8'),
    );
    const { rows, report } = mergeSourced(data, upstream, decisions, revision);
    expect(writeCsv(rows)).toBe(readFileSync('data/clusters.csv', 'utf8'));
    expect(report.added).toEqual([]);
    expect(report.taken).toEqual([]);
    expect(report.notUpstream).toEqual([]);
    const parsed = parseClusterCsv(writeCsv(rows));
    expect(parsed.ok).toBe(true);
    const ids = data.map((r) => r.id);
    expect(ids).toContain('finance-innovation-fr');
    expect(ids).toContain('finance-innovation-no');
  });
});
