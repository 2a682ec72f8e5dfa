import type { FastifyRequest } from 'fastify';
import { clientAddress } from '../http/client-address.ts';
import { ApiError } from '../http/errors.ts';

export interface ConnectionCaps {
  perAddress: number;
  total: number;
}

/**
 * An `onRequest` hook for /realtime that refuses an upgrade past the caps before any WebSocket is made: 429
 * `too_many_connections` past the per-address cap, 503 `server_busy` past the instance's. A socket counts from its
 * upgrade request until its TCP connection closes, so one that fails mid-handshake frees its place too.
 */
export function admission(caps: ConnectionCaps) {
  const byAddress = new Map<string, number>();
  let total = 0;
  return async (req: FastifyRequest) => {
    if (req.headers.upgrade?.toLowerCase() !== 'websocket') return;
    const address = clientAddress(req);
    const held = byAddress.get(address) ?? 0;
    if (held >= caps.perAddress)
      throw new ApiError('too_many_connections', 'Too many realtime connections from this address');
    if (total >= caps.total)
      throw new ApiError('server_busy', 'The server holds all the connections it can; retry later');
    byAddress.set(address, held + 1);
    total++;
    req.raw.socket.once('close', () => {
      total--;
      const left = (byAddress.get(address) ?? 1) - 1;
      if (left > 0) byAddress.set(address, left);
      else byAddress.delete(address);
    });
  };
}
