// Webhook subscriptions as a configuration of the generic collection mechanism. The sandbox delivers
// only to loopback receivers: a subscription to any other host is refused with a 422.

import type { Resource } from './collection.js';
import { isBlank } from './query.js';
import { sorting } from './resource-kit.js';
import { WEBHOOK_EVENT_TYPES } from '../connector/webhook-events.js';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

/** Whether a callback URL is an http(s) URL on this machine's loopback interface. */
export function isLoopbackUrl(value: unknown): boolean {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return LOOPBACK_HOSTS.has(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname);
}

export const webhookSubscriptions: Resource = {
  collection: 'webhook_subscriptions',
  path: 'webhook_subscriptions',
  actions: ['list', 'get', 'create', 'update', 'delete'],
  idempotentDelete: true,
  filters: [{ param: 'enabled', kind: 'bool' }],
  sort: sorting(['id'], 'id', 'ASC'),
  paging: 'none',
  write: {
    fields: ['callback_url', 'callback_token', 'event_type', 'enabled'],
    required: ['callback_url', 'callback_token', 'event_type'],
    booleans: ['enabled'],
    enums: { event_type: WEBHOOK_EVENT_TYPES.map(({ eventType }) => eventType) },
    defaults: (ctx) => ({ enabled: true, tenant_id: ctx.store.team.id, user_guid: ctx.store.get('users', ctx.store.me)?.guid ?? null }),
    validate(input, problems, _ctx, existing) {
      if (existing) {
        for (const field of ['callback_token', 'event_type']) {
          if (!isBlank(input[field])) problems.add(field, "can't be changed: create a new subscription instead");
        }
      }
      if (!isBlank(input.callback_url) && !isLoopbackUrl(input.callback_url)) {
        problems.add('callback_url', 'must be a loopback URL (http://127.0.0.1:PORT/..., http://localhost:PORT/... or http://[::1]:PORT/...): the sandbox delivers webhooks only to this machine');
      }
    },
  },
};
