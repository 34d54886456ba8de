import { once } from 'node:events';
import { WebSocket } from 'ws';

/** Runs a full GC in the bot through its inspector, then evaluates `expression` there. */
export async function evaluateAfterGc(inspectorUrl: string, expression: string): Promise<unknown> {
  const socket = new WebSocket(inspectorUrl);
  await once(socket, 'open');
  const replies = new Map<number, (result: unknown) => void>();
  socket.on('message', (raw: Buffer) => {
    const message = JSON.parse(raw.toString('utf8')) as { id?: number; result?: unknown };
    if (message.id !== undefined) replies.get(message.id)?.(message.result);
  });
  let nextId = 0;
  const call = (method: string, params: Record<string, unknown> = {}) => {
    nextId += 1;
    const id = nextId;
    return new Promise<unknown>((resolve) => {
      replies.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  };
  await call('HeapProfiler.collectGarbage');
  const result = (await call('Runtime.evaluate', { expression, returnByValue: true })) as {
    result: { value: unknown };
  };
  socket.close();
  return result.result.value;
}
