// What a dropdown can ask SalesLoft to find for the text a person typed, where a list filter takes it.

/** A whole email address (not a fragment of one): SalesLoft's email_addresses filter matches it exactly. */
export const emailAddressFilter = (search: string): Record<string, unknown> | undefined =>
  /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(search) ? { email_addresses: [search] } : undefined;

/** A web domain such as globex.com: the accounts list filters on it exactly. */
export const domainFilter = (search: string): Record<string, unknown> | undefined =>
  /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(search) ? { domain: search.toLowerCase() } : undefined;
