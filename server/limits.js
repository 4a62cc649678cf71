/**
 * Per-client limits of one process: heartbeats per minute, and new tab ids per minute (the ids
 * that are not online yet), so one script cannot inflate "online". A client is an IP address;
 * IPv6 addresses count by their /64 network, which one household or host gets whole.
 *
 * Fixed one-minute windows: every minute the whole table is dropped, so addresses are kept for
 * a minute at most and the table never holds more than `maxClients` of them (the clients beyond
 * that share one entry, and so one allowance, until the minute ends).
 */
import { isIPv6 } from 'node:net';

export const BEATS_PER_MINUTE = 600;
export const NEW_IDS_PER_MINUTE = 60;
export const MAX_CLIENTS = 100_000;

/**
 * The key of a client address: IPv4 as it is, IPv6 by its first four groups.
 * @param {string} address
 */
export function clientKey(address) {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (v4) return v4[1];
  if (!isIPv6(address)) return address;
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group || '0', 16).toString(16))
    .join(':')}::/64`;
}

export class ClientLimits {
  #window = -1;
  /** @type {Map<string, { beats: number, newIds: number }>} */
  #clients = new Map();
  #beats;
  #newIds;
  #maxClients;

  /**
   * `0` turns a limit off.
   * @param {{ beatsPerMinute?: number, newIdsPerMinute?: number, maxClients?: number }} [options]
   */
  constructor({
    beatsPerMinute = BEATS_PER_MINUTE,
    newIdsPerMinute = NEW_IDS_PER_MINUTE,
    maxClients = MAX_CLIENTS,
  } = {}) {
    this.#beats = beatsPerMinute;
    this.#newIds = newIdsPerMinute;
    this.#maxClients = maxClients;
  }

  /**
   * @param {string} client
   * @param {number} now
   */
  #entry(client, now) {
    const window = Math.floor(now / 60_000);
    if (window !== this.#window) {
      this.#window = window;
      this.#clients = new Map();
    }
    let entry = this.#clients.get(client);
    if (!entry) {
      if (this.#clients.size >= this.#maxClients) client = '(overflow)';
      entry = this.#clients.get(client) ?? { beats: 0, newIds: 0 };
      this.#clients.set(client, entry);
    }
    return entry;
  }

  /**
   * Counts one heartbeat request; false when the client is over its limit this minute. Also
   * the seconds until the next window, for `Retry-After`.
   * @param {string} client
   * @param {number} now
   */
  beat(client, now) {
    const entry = this.#entry(client, now);
    entry.beats++;
    return {
      allowed: this.#beats === 0 || entry.beats <= this.#beats,
      retryAfter: Math.ceil((60_000 - (now % 60_000)) / 1000),
    };
  }

  /**
   * Takes one new id from the client's allowance; false when none is left. `refund` gives it
   * back when the id turned out to be known already.
   * @param {string} client
   * @param {number} now
   */
  takeNewId(client, now) {
    const entry = this.#entry(client, now);
    if (this.#newIds !== 0 && entry.newIds >= this.#newIds) return false;
    entry.newIds++;
    return true;
  }

  /**
   * @param {string} client
   * @param {number} now
   */
  refund(client, now) {
    const entry = this.#entry(client, now);
    if (entry.newIds > 0) entry.newIds--;
  }

  /** How many client entries are held now. */
  get size() {
    return this.#clients.size;
  }
}
