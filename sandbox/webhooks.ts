// Signed webhook deliveries, as SalesLoft makes them: when the data changes, every enabled subscription
// to the event gets a POST of the record with `x-salesloft-event` and `x-salesloft-signature` (hex
// HMAC-SHA1 of the body keyed with the subscription's callback_token). A failing delivery (no 2xx, or no
// answer) is retried 3 more times, 15 s apart by default, then marked failed. Only loopback receivers.

import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { render, type Ctx, type Resource } from './collection.js';
import { isLoopbackUrl } from './resources-webhooks.js';
import { bulkJobs, RESOURCES } from './resources.js';
import type { SandboxRecord, SandboxStore, StoreChange } from './store.js';
import { webhookEventType } from '../connector/webhook-events.js';

export interface WebhookOptions {
  /** Wait between attempts of a failing delivery; default 15,000 ms (SalesLoft's). */
  retryDelayMs?: number;
  /** Attempts after the first; default 3 (SalesLoft's). */
  retries?: number;
  /** How long a receiver may take to answer one attempt; default 10,000 ms. */
  timeoutMs?: number;
}

export interface WebhookDelivery {
  id: number;
  subscriptionId: number;
  eventType: string;
  url: string;
  /** The exact bytes sent (and signed). */
  body: string;
  state: 'pending' | 'delivered' | 'failed';
  /** One entry per attempt: the receiver's status, or the network error's code. */
  attempts: Array<number | string>;
}

/** Collection -> the resource name of its event types (person -> person_created, person_updated...). */
const EVENT_RESOURCE: Record<string, string> = {
  people: 'person',
  accounts: 'account',
  cadences: 'cadence',
  cadence_memberships: 'cadence_membership',
  calls: 'call',
  call_data_records: 'call_data_record',
  emails: 'email',
  notes: 'note',
  steps: 'step',
  tasks: 'task',
  users: 'user',
  bulk_jobs: 'bulk_job',
};

const becomes = (change: StoreChange, field: string, value: unknown): boolean =>
  change.action === 'updated' && change.record[field] === value && change.previous?.[field] !== value;

/** The event types one change raises (only those SalesLoft has). */
export function eventTypesOf(change: StoreChange): string[] {
  const resource = EVENT_RESOURCE[change.collection];
  if (!resource) return [];
  const types = [`${resource}_${change.action}`];
  if (change.collection === 'tasks' && becomes(change, 'current_state', 'completed')) types.push('task_completed');
  if (change.collection === 'bulk_jobs' && becomes(change, 'state', 'done')) types.push('bulk_job_completed');
  if (change.collection === 'emails' && change.action === 'updated') types.push('email_with_body_and_subject_updated');
  return types.filter((type) => webhookEventType(type) !== undefined);
}

// email_updated carries no subject or body; email_with_body_and_subject_updated does.
const PRIVATE_EMAIL_FIELDS = ['subject', 'body'];

const resourceByCollection = new Map<string, Resource>([...RESOURCES, bulkJobs].map((resource) => [resource.collection, resource]));

export class WebhookDispatcher {
  readonly deliveries: WebhookDelivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly waiting: Array<() => void> = [];
  private readonly stopListening: () => void;
  private closed = false;
  private readonly retryDelayMs: number;
  private readonly retries: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly store: SandboxStore,
    private readonly baseUrl: () => string,
    options: WebhookOptions = {},
    private readonly log?: (line: string) => void,
  ) {
    this.retryDelayMs = options.retryDelayMs ?? 15_000;
    this.retries = options.retries ?? 3;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.stopListening = store.onChange((change) => this.changed(change));
  }

  /** Resolves once no delivery is pending (every one delivered or failed). */
  idle(): Promise<void> {
    if (this.pending() === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Stops listening and cancels every retry still waiting. */
  close(): void {
    this.closed = true;
    this.stopListening();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const delivery of this.deliveries) if (delivery.state === 'pending') delivery.state = 'failed';
    this.settle();
  }

  private pending(): number {
    return this.deliveries.filter((delivery) => delivery.state === 'pending').length;
  }

  private settle(): void {
    // Counting the pending deliveries reads all of them: only worth it when someone waits for idle().
    if (this.waiting.length === 0 || this.pending() > 0) return;
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  private changed(change: StoreChange): void {
    const eventTypes = eventTypesOf(change);
    if (eventTypes.length === 0) return;
    const subscriptions = this.store.list('webhook_subscriptions').filter((s) => s.enabled === true && eventTypes.includes(String(s.event_type)));
    if (subscriptions.length === 0) return;
    // Rendered once the request that made the change is done, so that its later writes to the record show.
    const deliveries = subscriptions.map((subscription) => this.queue(subscription, String(subscription.event_type)));
    setImmediate(() => {
      const record = this.render(change.collection, change.record);
      for (const delivery of deliveries) {
        const data = delivery.eventType === 'email_updated' ? omit(record, PRIVATE_EMAIL_FIELDS) : record;
        delivery.body = JSON.stringify(data);
        this.attempt(delivery, String(this.store.get('webhook_subscriptions', delivery.subscriptionId)?.callback_token ?? ''));
      }
    });
  }

  private queue(subscription: SandboxRecord, eventType: string): WebhookDelivery {
    const delivery: WebhookDelivery = { id: this.deliveries.length + 1, subscriptionId: subscription.id, eventType, url: String(subscription.callback_url), body: '', state: 'pending', attempts: [] };
    this.deliveries.push(delivery);
    return delivery;
  }

  private render(collection: string, record: SandboxRecord): Record<string, unknown> {
    const ctx: Ctx = { store: this.store, baseUrl: this.baseUrl(), method: 'GET', query: {}, body: {}, input: {}, params: {} };
    return render(resourceByCollection.get(collection), record, ctx);
  }

  private attempt(delivery: WebhookDelivery, callbackToken: string): void {
    if (this.closed) return;
    const subscription = this.store.get('webhook_subscriptions', delivery.subscriptionId);
    if (delivery.attempts.length > 0 && subscription?.enabled !== true) {
      delivery.state = 'failed'; // unsubscribed or disabled while waiting to retry
      this.settle();
      return;
    }
    const sending = this.post(delivery, callbackToken).then((outcome) => {
      this.inFlight.delete(sending);
      delivery.attempts.push(outcome);
      const ok = typeof outcome === 'number' && outcome >= 200 && outcome < 300;
      this.log?.(`webhook ${delivery.eventType} -> ${delivery.url} attempt ${delivery.attempts.length}: ${outcome}`);
      if (ok) delivery.state = 'delivered';
      else if (delivery.attempts.length > this.retries || this.closed) delivery.state = 'failed';
      else {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.attempt(delivery, callbackToken);
        }, this.retryDelayMs);
        timer.unref();
        this.timers.add(timer);
      }
      this.settle();
    });
    this.inFlight.add(sending);
  }

  /** One POST; resolves to the receiver's status or the error code, never rejects. */
  private post(delivery: WebhookDelivery, callbackToken: string): Promise<number | string> {
    // Checked again at delivery time: the sandbox never sends anything off this machine.
    if (!isLoopbackUrl(delivery.url)) return Promise.resolve('refused: not a loopback URL');
    const url = new URL(delivery.url);
    const signature = createHmac('sha1', callbackToken).update(delivery.body).digest('hex');
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      const req = send(
        url,
        {
          method: 'POST',
          agent: false,
          timeout: this.timeoutMs,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(delivery.body),
            'user-agent': 'SalesLoft-Sandbox-Webhooks',
            'x-salesloft-event': delivery.eventType,
            'x-salesloft-signature': signature,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', () => resolve(res.statusCode ?? 'ECONNRESET'));
        },
      );
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      req.end(delivery.body);
    });
  }
}

const omit = (record: Record<string, unknown>, fields: string[]): Record<string, unknown> => Object.fromEntries(Object.entries(record).filter(([key]) => !fields.includes(key)));
