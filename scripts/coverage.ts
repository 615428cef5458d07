// `npm run coverage`: prints how many endpoints of reference/current-api/endpoints.tsv and how many `official`
// parameters of params.tsv the connector exposes, and lists the missing ones. It measures; it asserts nothing.

import { loadRegistry } from '../connector/registry.js';
import { measureCoverage } from './coverage-measure.js';

const coverage = measureCoverage(await loadRegistry());
const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)}%`;
const { endpoints, officialParameters: params } = coverage;

console.log(`endpoints: ${endpoints.covered} of ${endpoints.total} exposed (${percent(endpoints.covered, endpoints.total)})`);
const oldSpec = endpoints.missing.filter((e) => e.source.includes('old-spec'));
console.log(`  missing, in the 2021 spec too (${oldSpec.length}):`);
for (const e of oldSpec) console.log(`    ${e.method} ${e.path}  (${e.proposedName})`);
const newer = endpoints.missing.filter((e) => !e.source.includes('old-spec'));
console.log(`  missing, newer than the 2021 spec (${newer.length}):`);
for (const e of newer) console.log(`    ${e.method} ${e.path}  (${e.proposedName})`);

console.log(`official parameters of the exposed endpoints: ${params.exposed} of ${params.total} exposed (${percent(params.exposed, params.total)})`);
for (const p of params.missing) console.log(`  missing: ${p.method} ${p.path} ${p.location} ${p.name}`);
