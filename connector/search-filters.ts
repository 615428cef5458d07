// What a dropdown can ask SalesLoft to find for the text a person typed, where a list filter takes it.

import type { DdlOperation } from './operation.js';

type SearchFilter = NonNullable<DdlOperation['searchFilter']>;

/** A whole email address (not a fragment of one): SalesLoft's email_addresses filter matches it exactly. */
export const emailAddressFilter: SearchFilter = (search) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(search) ? { query: { email_addresses: [search] } } : undefined);

/**
 * An account's web domain (globex.com), else its exact name: SalesLoft matches names exactly (case
 * included), so accounts whose names only contain the text are still matched among those listed.
 */
export const accountFilter: SearchFilter = (search) =>
  /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(search) ? { query: { domain: search.toLowerCase() } } : { query: { name: [search] }, alsoMatchTexts: true };
