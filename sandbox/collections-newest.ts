// The sandbox collections of the newest SalesLoft resources (resources-newest.ts); store.ts keeps them too.

export const NEWEST_COLLECTIONS = ['opportunities', 'opportunity_stages', 'opportunity_people'] as const;
