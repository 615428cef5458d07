// Building blocks shared by the resource configurations: common filters, sort key sets, computed values.

import { refGuid, refId, toStrings, type Ctx, type Filter, type Getter, type Sorting } from './collection.js';
import { toList } from './query.js';
import type { SandboxRecord } from './store.js';

export const ids: Filter = { param: 'ids', kind: 'in', field: 'id' };
export const updatedAt: Filter = { param: 'updated_at', kind: 'range' };
export const createdAt: Filter = { param: 'created_at', kind: 'range' };
export const inRef = (param: string, field: string): Filter => ({ param, kind: 'in', get: refId(field), field, ref: true });
/** An 'in' filter on a property: the one named like the param, or `get`, a property's name or a getter. Properties are indexed. */
export const inProp = (param: string, ci = false, get?: Getter | string): Filter => ({
  param,
  kind: 'in',
  ci,
  ...(typeof get === 'function' ? { get } : { field: get ?? param }),
});

/** Sort keys: a property's name, or [sort_by value, property name or getter] (a property name can use an index). */
export function sorting(keys: Array<string | [string, Getter | string]>, def = 'updated_at', direction: 'ASC' | 'DESC' = 'DESC'): Sorting {
  return {
    keys: Object.fromEntries(keys.map((k) => (typeof k === 'string' ? [k, k] : k))),
    default: def,
    direction,
  };
}
export const std = (...extra: Array<string | [string, Getter | string]>) => sorting(['created_at', 'updated_at', ...extra]);

export const me = (ctx: Ctx) => ({ id: ctx.store.me });

/**
 * The first user whose guid is `guid` (as `===` compares them), found through the index of users by guid. The
 * index leaves out null, undefined and '' (and files other values under their text): those are looked for by
 * reading every user, and what the index names is checked with `===`.
 */
export function userByGuid(ctx: Ctx, guid: unknown): SandboxRecord | undefined {
  if (guid === null || guid === undefined || guid === '') return ctx.store.find('users', (u) => u.guid === guid)[0];
  return ctx.store.lookup('users', 'guid', guid).find((u) => u.guid === guid);
}

/** The `order` of a new record of an ordered collection (stages): one past the highest. */
export const nextOrder = (collection: string) => (ctx: Ctx) => ({
  order: Math.max(0, ...ctx.store.list(collection).map((r) => Number(r.order ?? 0))) + 1,
});
export const nameOf = (collection: string, field: string): Getter => (r, ctx) => ctx.store.get(collection, refId(field)(r, ctx) as number)?.name ?? null;

/** Ids of the cadences a person is currently on (from cadence memberships). */
export function activeCadenceIds(personId: number, ctx: Ctx): number[] {
  return ctx.store
    .lookup('cadence_memberships', 'person', personId, 'ref')
    .filter((m) => m.currently_on_cadence === true)
    .map((m) => refId('cadence')(m, ctx) as number);
}

export function tagIds(r: SandboxRecord, ctx: Ctx): number[] {
  const names = new Set(toStrings(r.tags));
  return ctx.store.list('tags').filter((t) => names.has(String(t.name))).map((t) => t.id);
}

/** The ids an 'in' filter names, or undefined when it uses `_is_null`/`_is_not_null` (no index answers those). */
const namedIds = (raw: unknown): string[] | undefined => {
  const wanted = toList(raw);
  return wanted.some((w) => w === '_is_null' || w === '_is_not_null') ? undefined : wanted;
};

/** tag_id: records carrying one of the tags, found through the index of their tag names. */
export const byTagId: Filter = {
  param: 'tag_id',
  kind: 'in',
  get: tagIds,
  candidates: (raw, ctx, collection) =>
    namedIds(raw)?.flatMap((id) => {
      const tag = ctx.store.get('tags', id);
      return tag ? ctx.store.lookup(collection, 'tags', String(tag.name)).map((r) => r.id) : [];
    }),
};

/** cadence_id of people: the people currently on one of the cadences, found through the memberships' index. */
export const onCadence: Filter = {
  param: 'cadence_id',
  kind: 'in',
  get: (r, ctx) => activeCadenceIds(r.id, ctx),
  candidates: (raw, ctx) =>
    namedIds(raw)?.flatMap((id) =>
      ctx.store
        .lookup('cadence_memberships', 'cadence', id, 'ref')
        .filter((m) => m.currently_on_cadence === true)
        .map((m) => refId('person')(m, ctx) as number),
    ),
};

/** A user referenced by guid (owned_by_guid): the records of the users with those guids, found through both indexes. */
export const inGuid = (param: string, field: string): Filter => ({
  param,
  kind: 'in',
  get: refGuid(field),
  candidates: (raw, ctx, collection) =>
    namedIds(raw)?.flatMap((guid) => ctx.store.lookup('users', 'guid', guid).flatMap((user) => ctx.store.lookup(collection, field, user.id, 'ref').map((r) => r.id))),
});

export function personCounts(r: SandboxRecord, ctx: Ctx): Record<string, number> {
  const emails = ctx.store.lookup('emails', 'recipient', r.id, 'ref').filter((e) => e.sent_at);
  const c = (k: string) => emails.filter((e) => Number((e.counts as Record<string, number> | null)?.[k] ?? 0) > 0).length;
  return {
    emails_sent: emails.length,
    emails_viewed: c('views'),
    emails_clicked: c('clicks'),
    emails_replied_to: c('replies'),
    emails_bounced: emails.filter((e) => e.bounced === true).length,
    calls: ctx.store.lookup('calls', 'called_person', r.id, 'ref').length,
  };
}
