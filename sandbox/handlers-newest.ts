// Routes of the newest resources with rules of their own (computed answers rather than stored records).

import { link, listRecords, notFound, ok, refId, render, type Ctx, type Resource, type Result } from './collection.js';
import type { RouteDef } from './handlers.js';
import { toInt } from './query.js';
import { byUuid, conversations, transcriptions, transcriptionSentences } from './resources-newest.js';
import type { SandboxRecord } from './store.js';

/** GET /v2/cadence_stats/:id: the cadence's counts, computed from its memberships, emails and calls. */
function cadenceStats(ctx: Ctx): Result {
  const id = toInt(ctx.params.id);
  const cadence = id === undefined ? undefined : ctx.store.get('cadences', id);
  if (!cadence) throw notFound();
  const onCadence = (collection: string) => ctx.store.list(collection).filter((r) => refId('cadence')(r, ctx) === cadence.id);
  const memberships = onCadence('cadence_memberships');
  const emails = onCadence('emails').filter((e) => e.sent_at);
  const counts = (cadence.counts as Record<string, number> | null) ?? {};
  return ok({
    data: {
      cadence: link('cadences', { id: cadence.id }, ctx.baseUrl),
      cadence_people: memberships.filter((m) => m.currently_on_cadence === true).length,
      people_acted_on_count: counts.people_acted_on_count ?? 0,
      finished_people: memberships.filter((m) => m.current_state === 'completed').length,
      removed_people: memberships.filter((m) => m.current_state === 'removed').length,
      emails_sent: emails.length,
      emails_replied_to: emails.filter((e) => Number((e.counts as Record<string, number> | null)?.replies ?? 0) > 0).length,
      calls_made: ctx.store.list('calls').filter((c) => memberships.some((m) => refId('person')(m, ctx) === refId('called_person')(c, ctx))).length,
      meetings_booked: counts.meetings_booked ?? 0,
      opportunities_created: counts.opportunities_created ?? 0,
    },
  });
}

/** GET /v2/profiles: the authenticated user's profile. */
function profile(ctx: Ctx): Result {
  const user = ctx.store.get('users', ctx.store.me);
  if (!user) throw notFound();
  return ok({
    data: {
      id: user.id,
      guid: user.guid,
      name: user.name,
      email: user.email,
      time_zone: user.time_zone,
      role: user.role,
      team: link('team', { id: ctx.store.team.id }, ctx.baseUrl),
    },
  });
}

// ---- conversations and transcriptions: their ids are UUIDs ------------------------------------------------

/** A record rendered with its UUID as its id. */
const withUuid = (res: Resource, r: SandboxRecord, ctx: Ctx): Record<string, unknown> => ({ ...render(res, r, ctx), id: r.uuid });

function listWithUuids(res: Resource, ctx: Ctx): Result {
  const result = listRecords(res, ctx);
  const body = result.body as { data: Array<{ id: number }> };
  return ok({ ...body, data: body.data.map((item) => withUuid(res, ctx.store.get(res.collection, item.id)!, ctx)) });
}

const found = (res: Resource, ctx: Ctx): SandboxRecord => {
  const r = byUuid(res.collection, ctx.params.id ?? '', ctx);
  if (!r) throw notFound();
  return r;
};

/** A signed media URL that expires an hour from now, as SalesLoft's recording and artifact answers give. */
const signedUrl = (ctx: Ctx, file: string) => {
  const expires = new Date(Date.now() + 3_600_000);
  return { url: `${ctx.baseUrl}/media/${file}?expires=${Math.floor(expires.getTime() / 1000)}&signature=sandbox`, expires_at: expires.toISOString() };
};

function extensiveConversation(ctx: Ctx): Result {
  const r = found(conversations, ctx);
  const { summary, key_moments, action_items, talk_ratio } = r;
  return ok({ data: { ...withUuid(conversations, r, ctx), summary, key_moments, action_items, talk_ratio } });
}

function conversationRecording(ctx: Ctx): Result {
  const r = found(conversations, ctx);
  return ok({ data: { ...signedUrl(ctx, `conversations/${String(r.uuid)}.${r.media_type === 'video' ? 'mp4' : 'mp3'}`), media_type: r.media_type } });
}

function transcriptionSentenceList(ctx: Ctx): Result {
  found(transcriptions, ctx);
  return listWithUuids(transcriptionSentences, ctx);
}

export const NEWEST_ROUTES: RouteDef[] = [
  { method: 'GET', path: 'conversations', alias: true, handler: (ctx) => listWithUuids(conversations, ctx) },
  { method: 'GET', path: 'conversations/:id', alias: true, handler: (ctx) => ok({ data: withUuid(conversations, found(conversations, ctx), ctx) }) },
  { method: 'GET', path: 'conversations/:id/extensive', alias: true, handler: extensiveConversation },
  { method: 'GET', path: 'conversations/:id/recording', alias: true, handler: conversationRecording },
  { method: 'GET', path: 'transcriptions', alias: true, handler: (ctx) => listWithUuids(transcriptions, ctx) },
  { method: 'GET', path: 'transcriptions/:id', alias: true, handler: (ctx) => ok({ data: withUuid(transcriptions, found(transcriptions, ctx), ctx) }) },
  { method: 'GET', path: 'transcriptions/:id/artifact', alias: true, handler: (ctx) => ok({ data: signedUrl(ctx, `transcriptions/${String(found(transcriptions, ctx).uuid)}.json`) }) },
  { method: 'GET', path: 'transcriptions/:id/sentences', alias: true, handler: transcriptionSentenceList },
  { method: 'GET', path: 'cadence_stats/:id', alias: true, handler: cadenceStats },
  { method: 'GET', path: 'profiles', alias: true, handler: profile },
];
