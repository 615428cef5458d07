// Routes of the newest resources with rules of their own (computed answers rather than stored records).

import { link, notFound, ok, refId, type Ctx, type Result } from './collection.js';
import type { RouteDef } from './handlers.js';
import { toInt } from './query.js';

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

export const NEWEST_ROUTES: RouteDef[] = [
  { method: 'GET', path: 'cadence_stats/:id', alias: true, handler: cadenceStats },
  { method: 'GET', path: 'profiles', alias: true, handler: profile },
];
