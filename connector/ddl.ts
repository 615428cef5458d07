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

export const runDdl = async (operation: DdlOperation, input: OperationInput, fetchList: ListFetcher, cap: number): Promise<{ result: Choice[] }> => {
  const search = typeof input.search === 'string' ? input.search.trim() : '';
  let choices: Choice[];
  let apiFiltered: Record<string, unknown> | undefined;
  if (operation.paging === 'static') {
    choices = operation.staticChoices?.() ?? [];
  } else {
    const query = { ...operation.query?.(input), ...(operation.search === 'api' && search ? { search } : {}) };
    apiFiltered = search ? operation.searchFilter?.(search) : undefined;
    // SalesLoft finds the typed text among all records; when it finds none, the usual walk matches texts.
    let records = apiFiltered ? await fetchRecords(operation, { ...operation.query?.(input), ...apiFiltered }, fetchList, cap) : [];
    if (!records.length) {
      apiFiltered = undefined;
      records = await fetchRecords(operation, query, fetchList, cap);
    }
    choices = records.map((record) => operation.choice?.(record)).filter((choice): choice is Choice => choice !== undefined && choice.value !== undefined && choice.value !== null);
  }
  // SalesLoft already searched its records for `api` lists; the connector's own choices are matched here.
  const matches = (choice: Choice): boolean => !search || choice.text.toLowerCase().includes(search.toLowerCase());
  const extras = (operation.extraChoices ?? []).map(readable).filter(matches);
  choices = choices.map(readable);
  if (operation.search === 'text' && !apiFiltered) choices = choices.filter(matches);
  choices = [...extras, ...choices];
  const unique = new Map<string, Choice>();
  for (const choice of choices) if (!unique.has(String(choice.value))) unique.set(String(choice.value), choice);
  const result = [...unique.values()].sort((a, b) => a.text.localeCompare(b.text, 'en', { sensitivity: 'base' }) || String(a.value).localeCompare(String(b.value)));
  return { result };
};
