// Runs a DDL declaration: fetches its list (paged, cursor-paged or in one call, always bounded),
// maps records to choices, and returns them searchable, sorted by text and one per value.

import type { ApiRecord, Choice, DdlOperation, OperationInput } from './operation.js';

export type ListFetcher = (path: string, query: Record<string, unknown>) => Promise<{ data?: ApiRecord[]; metadata?: ApiRecord }>;

const perPage = 100;
/** SalesLoft charges more for pages past 100; a dropdown never goes there. */
const lastPage = 100;

const fetchRecords = async (operation: DdlOperation, query: Record<string, unknown>, fetchList: ListFetcher, cap: number): Promise<ApiRecord[]> => {
  const path = operation.path as string;
  const records: ApiRecord[] = [];
  if (operation.paging === 'single') return ((await fetchList(path, query)).data ?? []).slice(0, cap);
  if (operation.paging === 'cursor') {
    let after: unknown;
    for (let request = 1; request <= lastPage && records.length < cap; request++) {
      const { data = [] } = await fetchList(path, { ...query, per_page: perPage, ...(after === undefined ? {} : { id: { gt: after } }) });
      records.push(...data);
      if (data.length < perPage) break;
      after = data[data.length - 1]?.id;
    }
    return records.slice(0, cap);
  }
  let page: number | null | undefined = 1;
  while (page && page <= lastPage && records.length < cap) {
    const { data = [], metadata } = await fetchList(path, { ...query, per_page: perPage, page });
    records.push(...data);
    const next: unknown = metadata?.paging?.next_page;
    page = typeof next === 'number' && next > page ? next : null;
  }
  return records.slice(0, cap);
};

const readable = (choice: Choice): Choice => ({
  value: choice.value,
  text: typeof choice.text === 'string' && choice.text.trim() ? choice.text.trim() : `#${choice.value}`,
});

// One collator per process: localeCompare with options builds a new one per comparison, 50 times slower on a 10,000-choice list.
const textOrder = new Intl.Collator('en', { sensitivity: 'base' });
const valueOrder = new Intl.Collator();
const byTextThenValue = (a: Choice, b: Choice): number => textOrder.compare(a.text, b.text) || valueOrder.compare(String(a.value), String(b.value));

export const runDdl = async (operation: DdlOperation, input: OperationInput, fetchList: ListFetcher, cap: number): Promise<{ result: Choice[] }> => {
  const search = typeof input.search === 'string' ? input.search.trim() : '';
  // SalesLoft already searched its records for `api` lists and lookups; the connector's own choices are matched here.
  const wanted = search.toLowerCase();
  const matches = (choice: Choice): boolean => !wanted || choice.text.toLowerCase().includes(wanted);
  const toChoices = (records: ApiRecord[]): Choice[] =>
    records
      .map((record) => operation.choice?.(record))
      .filter((choice): choice is Choice => choice !== undefined && choice.value !== undefined && choice.value !== null)
      .map(readable);
  let choices: Choice[];
  if (operation.paging === 'static') {
    choices = (operation.staticChoices?.() ?? []).map(readable);
  } else {
    const filters = operation.query?.(input) ?? {};
    // What SalesLoft can look up for the typed text, among all its records.
    const lookup = search ? operation.searchFilter?.(search) : undefined;
    const found = lookup ? toChoices(await fetchRecords(operation, { ...filters, ...lookup.query }, fetchList, cap)) : [];
    let listed: Choice[] = [];
    if (!found.length || lookup?.alsoMatchTexts) {
      listed = toChoices(await fetchRecords(operation, { ...filters, ...(operation.search === 'api' && search ? { search } : {}) }, fetchList, cap));
    }
    choices = [...found, ...(operation.search === 'text' ? listed.filter(matches) : listed)];
  }
  if (operation.paging === 'static') choices = choices.filter(matches);
  const extras = (operation.extraChoices ?? []).map(readable).filter(matches);
  choices = [...extras, ...choices];
  const unique = new Map<string, Choice>();
  for (const choice of choices) if (!unique.has(String(choice.value))) unique.set(String(choice.value), choice);
  const result = [...unique.values()].sort(byTextThenValue);
  return { result };
};
